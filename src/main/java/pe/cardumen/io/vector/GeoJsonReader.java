package pe.cardumen.io.vector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;

/**
 * Reads GeoJSON (RFC 7946) feature collections, streaming feature by feature.
 *
 * <p>Coordinates are WGS 84 lon/lat as RFC 7946 requires; the legacy {@code "crs"} member GDAL
 * writes ({@code {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32718"}}}) is honoured
 * and the features reprojected with Apache SIS. Properties keep their JSON types (string, number,
 * boolean, null); nested objects and arrays are kept as their JSON text. A feature without a
 * geometry, or whose geometry cannot be parsed, is rejected with its index; the others are kept.
 */
public final class GeoJsonReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "geojson";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GeometryFactory factory = new GeometryFactory();

    /** Whether the file looks like GeoJSON: a {@code .geojson}/{@code .json} name and a JSON object start. */
    public static boolean probe(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(n.endsWith(".geojson") || n.endsWith(".json"))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            for (byte b : head) {
                if (b == '{') {
                    return true;
                }
                if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Reads every feature of the file.
     *
     * @throws FileFormatException when the file is not JSON, not a FeatureCollection/Feature, or names a
     *                             CRS SIS does not know; the message gives the line and column
     * @throws IOException         when the file cannot be read
     */
    public VectorLayer read(Path file) throws IOException, FileFormatException {
        long size = Files.size(file);
        if (size == 0) {
            throw new FileFormatException(file, "", "the file is empty; export the layer again as GeoJSON");
        }
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            return read(file, p, size, FileDigest.sha256(file));
        }
    }

    /**
     * Reads every feature of GeoJSON held in memory (a layer bundled with the application).
     *
     * @param name    the name the layer is known by, used in messages and provenance
     * @param content the GeoJSON bytes (UTF-8)
     * @throws FileFormatException as {@link #read(Path)}
     */
    public VectorLayer read(String name, byte[] content) throws IOException, FileFormatException {
        Path label = Path.of(name);
        if (content.length == 0) {
            throw new FileFormatException(label, "", "the layer is empty");
        }
        try (JsonParser p = MAPPER.getFactory().createParser(content)) {
            return read(label, p, content.length, FileDigest.sha256(content));
        }
    }

    private VectorLayer read(Path file, JsonParser p, long size, String sha256) throws IOException, FileFormatException {
        List<VectorFeature> features = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        String crsName = "urn:ogc:def:crs:OGC:1.3:CRS84";
        String type = null;
        org.locationtech.jts.io.geojson.GeoJsonReader geometryReader = new org.locationtech.jts.io.geojson.GeoJsonReader(factory);

        com.fasterxml.jackson.databind.node.ObjectNode top = MAPPER.createObjectNode();
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FileFormatException(file, where(p.currentLocation()), "expected a JSON object (a GeoJSON FeatureCollection)");
            }
            int index = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if ("features".equals(key) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = MAPPER.readTree(p);
                        readFeature(f, index++, geometryReader, features, rejects, fields);
                    }
                } else if ("crs".equals(key)) {
                    JsonNode crs = MAPPER.readTree(p);
                    crsName = crs.path("properties").path("name").asText(crsName);
                } else if ("type".equals(key)) {
                    type = p.getValueAsString();
                } else if ("geometry".equals(key) || "properties".equals(key)) {
                    // members of a single top-level Feature
                    top.set(key, MAPPER.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE; // a comma or other text after the object: a fragment
            }
            if (after != null) {
                throw new FileFormatException(file, where(p.currentLocation()), "more JSON follows the end of the "
                        + (type == null ? "first object" : type) + " — the file looks like a fragment or several objects joined; "
                        + "a layer must be one FeatureCollection (export it again)");
            }
            if ("Feature".equals(type)) {
                readFeature(top, 0, geometryReader, features, rejects, fields);
            } else if (!"FeatureCollection".equals(type)) {
                throw new FileFormatException(file, "top level",
                        "GeoJSON type is '" + type + "', expected FeatureCollection or Feature; save the layer as a feature collection");
            }
        } catch (JsonProcessingException e) {
            throw new FileFormatException(file, where(e.getLocation()),
                    "not valid JSON (" + pe.cardumen.io.JsonSyntax.problem(e) + "); the file may be truncated or not GeoJSON", e);
        }

        if (!isLonLat(crsName)) {
            try {
                CoordinateReferenceSystem crs = CRS.forCode(crsName);
                LonLatReprojection reprojection = LonLatReprojection.from(crs);
                List<VectorFeature> projected = new ArrayList<>(features.size());
                for (VectorFeature f : features) {
                    try {
                        projected.add(new VectorFeature(f.index(), reprojection.apply(f.geometry()), f.attributes()));
                    } catch (TransformException e) {
                        rejects.add(new Reject("feature " + f.index(), "cannot convert from " + crsName + " to WGS 84: " + e.getMessage()));
                    }
                }
                features = projected;
                warnings.add("reprojected from " + crsName + " to WGS 84 longitude/latitude");
            } catch (FactoryException e) {
                throw new FileFormatException(file, "\"crs\" member",
                        "unknown coordinate reference system '" + crsName + "'; save the layer in WGS 84 (EPSG:4326)", e);
            }
        }
        Provenance provenance = new Provenance(file.getFileName().toString(), size, sha256, NAME, AppInfo.version(), Instant.now());
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new VectorLayer(stem, crsName, new ArrayList<>(fields), new ImportResult<>(features, rejects, warnings, provenance));
    }

    private void readFeature(JsonNode f, int index, org.locationtech.jts.io.geojson.GeoJsonReader geometryReader,
                             List<VectorFeature> features, List<Reject> rejects, LinkedHashSet<String> fields) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        JsonNode props = f.path("properties");
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            fields.add(e.getKey());
            attributes.put(e.getKey(), toJava(e.getValue()));
        }
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) {
            rejects.add(new Reject("feature " + index, "has no geometry"));
            return;
        }
        try {
            Geometry geometry = geometryReader.read(g.toString());
            features.add(new VectorFeature(index, geometry, attributes));
        } catch (ParseException | RuntimeException e) {
            rejects.add(new Reject("feature " + index, "geometry cannot be parsed: " + e.getMessage()));
        }
    }

    private static Object toJava(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        return v.toString();
    }

    private static boolean isLonLat(String crsName) {
        String n = crsName.toUpperCase(java.util.Locale.ROOT);
        // RFC 7946 coordinates are lon/lat whatever "EPSG:4326" says about axis order; GDAL writes
        // lon/lat with either name.
        return n.endsWith("CRS84") || n.endsWith("EPSG::4326") || n.equals("EPSG:4326") || n.endsWith("EPSG:4326");
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** WGS 84 with longitude first, the CRS every output of this reader uses. */
    static CoordinateReferenceSystem lonLat() {
        return CommonCRS.WGS84.normalizedGeographic();
    }
}
