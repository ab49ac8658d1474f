package pe.cardumen.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAPI 3.0 description of the service's routes (GET /openapi.json). */
final class OpenApi {
    private OpenApi() {
    }

    /** Route, method, summary, query parameters (name:required), whether it needs the token. */
    static final String[][] ROUTES = {
        {"/health", "get", "Alive", "", ""},
        {"/ready", "get", "Ready: the workspace opens and the default model is verified and loaded (503 otherwise)", "", ""},
        {"/models", "get", "Model versions with their hash and verification", "", ""},
        {"/models/{id}/{version}", "get", "A version's card, hash, verification and metrics", "", ""},
        {"/models/default", "put", "Set the workspace's default model (body ID:VERSION or {\"model\": \"ID:VERSION\"})", "", "token"},
        {"/surveys/{id}/import", "post", "Import one file (the body: .raw, Echoview/ICES cells, hauls, a grid) into a survey, as cardumen import "
            + "--survey; 201 with the outcome and the survey's monitoring scores, 422 when the file cannot be read, 413 above --max-import",
            "filename:true,channel:false,species:false", "token"},
        {"/zones", "get", "The workspace's zones as GeoJSON", "", ""},
        {"/zones/{code}", "get", "One zone as a GeoJSON Feature", "", ""},
        {"/predict", "get", "Every zone's P10/P50/P90 biomass for a month, with the model and its hash", "period:true,model:false", ""},
        {"/predict", "post", "Quantiles of feature rows sent as CSV (text/csv) or JSON {\"rows\": [...]}", "model:false", ""},
        {"/quota", "get", "Decision table, recommendation, allocation and supply plan (the numbers of cardumen quota)",
            "stock:false,season:true,scenario:false,survey:false,model:false,period:false", ""},
        {"/report", "get", "The quota report (PDF)", "stock:false,season:true,scenario:false,survey:false,model:false,period:false,lang:false", ""},
        {"/monitoring", "get", "Stored model scores per survey and whether any alerts", "", ""},
        {"/metrics", "get", "Prometheus metrics (text format)", "", ""},
        {"/openapi.json", "get", "This description", "", ""},
    };

    static String document() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Cardumen prediction service").put("version", pe.cardumen.domain.AppInfo.version());
        ObjectNode bearer = doc.putObject("components").putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http").put("scheme", "bearer");
        ObjectNode paths = doc.putObject("paths");
        for (String[] r : ROUTES) {
            ObjectNode path = paths.has(r[0]) ? (ObjectNode) paths.get(r[0]) : paths.putObject(r[0]);
            ObjectNode op = path.putObject(r[1]);
            op.put("summary", r[2]);
            ArrayNode params = op.putArray("parameters");
            for (String seg : r[0].split("/")) {
                if (seg.startsWith("{")) {
                    params.addObject().put("name", seg.substring(1, seg.length() - 1)).put("in", "path").put("required", true)
                            .putObject("schema").put("type", "string");
                }
            }
            if (!r[3].isEmpty()) {
                for (String q : r[3].split(",")) {
                    String[] p = q.split(":");
                    params.addObject().put("name", p[0]).put("in", "query").put("required", Boolean.parseBoolean(p[1])).putObject("schema").put("type", "string");
                }
            }
            if (r[4].equals("token")) {
                op.putArray("security").addObject().putArray("bearer");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK");
            responses.putObject("400").put("description", "Bad request, with a one-line reason {\"error\": ...}");
        }
        return doc.toPrettyString();
    }
}
