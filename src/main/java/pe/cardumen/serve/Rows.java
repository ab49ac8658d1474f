package pe.cardumen.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Feature rows sent as JSON, turned into the CSV the feature-frame parser (and so the translator's column checks) reads. */
final class Rows {
    private Rows() {
    }

    /**
     * {@code {"rows": [{"zone": "A1", "lat_deg": -12.1, …}, …]}} → CSV with the union of the rows' keys as
     * header (first-seen order); a value missing from a row is NaN.
     *
     * @throws HttpProblem 400 when the JSON is not valid or not of that shape
     */
    static String jsonToCsv(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            int at = m.indexOf(" at [Source");
            throw HttpProblem.badRequest("the body is not valid JSON: " + (at > 0 ? m.substring(0, at) : m));
        }
        JsonNode rows = root.path("rows");
        if (!rows.isArray() || rows.isEmpty()) {
            throw HttpProblem.badRequest("the JSON body must be {\"rows\": [{column: value, …}, …]} with at least one row");
        }
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            if (!r.isObject()) {
                throw HttpProblem.badRequest("every element of \"rows\" must be an object of column: value");
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String c = it.next();
                if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                    throw HttpProblem.badRequest("column name '" + c + "' holds a comma, quote or line break");
                }
                columns.add(c);
            }
        }
        List<String> header = new ArrayList<>(columns);
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        for (JsonNode r : rows) {
            for (int i = 0; i < header.size(); i++) {
                JsonNode v = r.get(header.get(i));
                String text = v == null || v.isNull() ? "NaN" : v.isNumber() ? v.asText() : v.asText();
                if (text.contains(",") || text.contains("\n") || text.contains("\"")) {
                    throw HttpProblem.badRequest("value '" + text + "' of column " + header.get(i) + " holds a comma, quote or line break");
                }
                b.append(i == 0 ? "" : ",").append(text);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
