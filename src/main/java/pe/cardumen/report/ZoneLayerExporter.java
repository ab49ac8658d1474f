package pe.cardumen.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Zone;
import pe.cardumen.workspace.GeoPackageSchema;
import pe.cardumen.workspace.ZoneTable;

/**
 * Writes a zone layer as GeoJSON ({@code .geojson}/{@code .json}), GeoPackage ({@code .gpkg}) or ESRI
 * Shapefile ({@code .shp} with {@code .shx}, {@code .dbf}, {@code .prj}, {@code .cpg}), chosen by the
 * output's extension. Every format carries the properties {@code code, stock, lat_min, lat_max,
 * dist_min_nmi, dist_max_nmi, area_nmi2, centroid_lon, centroid_lat} in WGS 84 lon/lat.
 *
 * <p>Each file is written under a temporary name and moved into place, so a failed export never
 * leaves a half-written file under the requested name.
 */
public final class ZoneLayerExporter {

    /** The output formats, by extension. */
    public enum Format {
        GEOJSON, GEOPACKAGE, SHAPEFILE;

        /**
         * The format for a file name.
         *
         * @throws IllegalArgumentException naming the supported extensions
         */
        public static Format forFile(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".geojson") || n.endsWith(".json")) {
                return GEOJSON;
            }
            if (n.endsWith(".gpkg")) {
                return GEOPACKAGE;
            }
            if (n.endsWith(".shp")) {
                return SHAPEFILE;
            }
            throw new IllegalArgumentException(file.getFileName() + ": unsupported export format; use .geojson, .gpkg or .shp");
        }
    }

    /**
     * Writes the zones to {@code out}, replacing an existing file.
     *
     * @throws IllegalArgumentException when the extension is not supported
     */
    public void export(List<Zone> zones, Path out) throws IOException {
        Format format = Format.forFile(out);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        switch (format) {
            case GEOJSON:
                writeAtomically(out, tmp -> writeGeoJson(zones, tmp));
                break;
            case GEOPACKAGE:
                writeAtomically(out, tmp -> writeGeoPackage(zones, tmp));
                break;
            default:
                new ShapefileWriter().write(zones, out);
        }
    }

    /**
     * Writes the zones as GeoJSON with extra numeric properties per zone (results for QGIS), replacing
     * an existing file. A zone without a value gets {@code null}.
     *
     * @param results property name (with its unit, e.g. {@code biomass_t}) → zone code → value
     */
    public void exportGeoJson(List<Zone> zones, java.util.Map<String, java.util.Map<String, Double>> results, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        writeAtomically(out, tmp -> writeGeoJson(zones, results, tmp));
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    private static void writeAtomically(Path out, Writer writer) throws IOException {
        Path tmp = out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            writer.write(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeGeoJson(List<Zone> zones, Path file) throws IOException {
        writeGeoJson(zones, java.util.Map.of(), file);
    }

    private static void writeGeoJson(List<Zone> zones, java.util.Map<String, java.util.Map<String, Double>> results, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonWriter geometryWriter = new GeoJsonWriter(9);
        geometryWriter.setEncodeCRS(false);
        try (JsonGenerator g = mapper.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "zones");
            g.writeArrayFieldStart("features");
            for (Zone z : zones) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("code", z.code());
                g.writeStringField("stock", z.stock().id());
                number(g, "lat_min", z.latMinDegrees());
                number(g, "lat_max", z.latMaxDegrees());
                number(g, "dist_min_nmi", z.distMinNmi());
                number(g, "dist_max_nmi", z.distMaxNmi());
                number(g, "area_nmi2", z.areaNmi2());
                number(g, "centroid_lon", z.centroidLon());
                number(g, "centroid_lat", z.centroidLat());
                for (var r : results.entrySet()) {
                    Double v = r.getValue().get(z.code());
                    number(g, r.getKey(), v == null ? Double.NaN : v);
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                g.writeRawValue(geometryWriter.write(z.geometry()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void writeGeoPackage(List<Zone> zones, Path file) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            GeoPackageSchema.initialise(c);
            ZoneTable.create(c, "Cardumen zone layer");
            ZoneTable.replace(c, zones, CancellationToken.NONE);
            c.commit();
        } catch (SQLException e) {
            throw new IOException(file.getFileName() + ": cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }
}
