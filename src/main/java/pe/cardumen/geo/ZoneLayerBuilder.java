package pe.cardumen.geo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.ZoneCode;
import pe.cardumen.io.vector.VectorFeature;
import pe.cardumen.io.vector.VectorLayer;

/**
 * Turns an imported polygon layer (an official AIP layer, say) into a {@link ZoneLayer}, refusing it
 * as a whole when it has a problem: a zone layer with a hole or a doubled code would silently
 * mis-assign survey data, so nothing is half-imported.
 *
 * <p>For each feature: the code comes from the chosen field; the stock from a {@code stock} field when
 * present, else from the centroid's latitude; the latitude and distance band from
 * {@code lat_min/lat_max/dist_min_nmi/dist_max_nmi} fields when present (Cardumen's own exports),
 * else from the AIP code when the code is one, else the latitude range from the geometry and an
 * unknown distance band. The area is always recomputed geodesically.
 */
public final class ZoneLayerBuilder {

    /**
     * Validates and converts the layer.
     *
     * @param file      the layer's file, for messages
     * @param codeField the attribute holding each zone's code (matched case-insensitively)
     * @throws ZoneLayerException listing every problem when the layer cannot be used
     */
    public ZoneLayer build(Path file, VectorLayer layer, String codeField) throws ZoneLayerException {
        List<String> problems = new ArrayList<>();
        if (!layer.hasField(codeField)) {
            problems.add("there is no field '" + codeField + "'; the layer's fields are " + layer.fieldNames());
            throw new ZoneLayerException(file, problems);
        }
        for (var r : layer.result().rejects()) {
            problems.add(r.location() + ": " + r.reason());
        }
        if (layer.features().isEmpty() && problems.isEmpty()) {
            problems.add("the layer has no features");
        }
        Map<String, Integer> firstIndexOfCode = new HashMap<>();
        List<Zone> zones = new ArrayList<>();
        for (VectorFeature f : layer.features()) {
            Object codeValue = f.attribute(codeField);
            String code = codeText(codeValue);
            String where = "feature " + f.index() + (code.isEmpty() ? "" : " (code " + code + ")");
            if (code.isEmpty()) {
                problems.add(where + ": the code field '" + codeField + "' is empty");
                continue;
            }
            Integer first = firstIndexOfCode.putIfAbsent(code, f.index());
            if (first != null) {
                problems.add(where + ": duplicate code, also used by feature " + first);
                continue;
            }
            Geometry g = f.geometry();
            if (!(g instanceof Polygonal)) {
                problems.add(where + ": is a " + g.getGeometryType() + ", zones must be polygons");
                continue;
            }
            if (g.isEmpty()) {
                problems.add(where + ": has an empty geometry");
                continue;
            }
            TopologyValidationError error = new IsValidOp(g).getValidationError();
            if (error != null) {
                Coordinate c = error.getCoordinate();
                problems.add(where + ": invalid geometry, " + error.getMessage()
                        + (c == null ? "" : String.format(java.util.Locale.ROOT, " at %.5f, %.5f", c.y, c.x)));
                continue;
            }
            zones.add(zone(code, f, g));
        }
        if (!problems.isEmpty()) {
            throw new ZoneLayerException(file, problems);
        }
        return new ZoneLayer(file == null ? layer.name() : file.getFileName().toString(), zones);
    }

    private static Zone zone(String code, VectorFeature f, Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        Point centroid = g.getCentroid();
        double latMin = number(f.attribute("lat_min"));
        double latMax = number(f.attribute("lat_max"));
        // Shapefile field names are cut to 10 characters: dist_min_nmi is written as dist_min_n
        double distMin = number(first(f.attribute("dist_min_nmi"), f.attribute("dist_min_n")));
        double distMax = number(first(f.attribute("dist_max_nmi"), f.attribute("dist_max_n")));
        if (ZoneCode.isValid(code)) {
            ZoneCode aip = ZoneCode.parse(code);
            if (Double.isNaN(latMin) || Double.isNaN(latMax)) {
                latMin = Math.max(aip.latitudeSouthDegrees(), e.getMinY());
                latMax = Math.min(aip.latitudeNorthDegrees(), e.getMaxY());
            }
            if (Double.isNaN(distMin) || Double.isNaN(distMax)) {
                distMin = aip.distanceMinNmi();
                distMax = aip.distanceMaxNmi();
            }
        }
        if (Double.isNaN(latMin) || Double.isNaN(latMax) || latMin > latMax) {
            latMin = e.getMinY();
            latMax = e.getMaxY();
        }
        Stock stock;
        Object stockValue = f.attribute("stock");
        try {
            stock = stockValue == null ? Stock.atLatitude(centroid.getY()) : Stock.parse(stockValue.toString());
        } catch (IllegalArgumentException ex) {
            stock = Stock.atLatitude(centroid.getY());
        }
        return new Zone(code, stock, latMin, latMax, distMin, distMax, Geodesy.areaNmi2(g), centroid.getX(), centroid.getY(), g);
    }

    /** The code as text; whole numbers stored as floating point (1030.0 from a .dbf) lose the ".0". */
    private static String codeText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return v.toString().trim();
    }

    private static Object first(Object a, Object b) {
        return a != null ? a : b;
    }

    private static double number(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String) {
            try {
                return Double.parseDouble(((String) v).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
