package pe.cardumen.io.vector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.sqlite.SQLiteConfig;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.workspace.GeoPackageGeometry;

/**
 * Reads one feature table of an OGC GeoPackage (written by QGIS, GDAL or Cardumen), read-only.
 *
 * <p>The table's CRS comes from {@code gpkg_spatial_ref_sys}: an EPSG code SIS knows, or else the
 * stored WKT. The undefined SRSs (0 and −1) are refused, since the zones could not be placed.
 */
public final class GeoPackageVectorReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "geopackage";

    /** Whether the file starts with the SQLite header and has a {@code .gpkg} name. */
    public static boolean probe(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(16), StandardCharsets.US_ASCII).startsWith("SQLite format 3");
        }
    }

    /**
     * Reads a feature table.
     *
     * @param table the table to read, or {@code null} to read the only feature table (an error lists
     *              the tables when there are several)
     * @throws FileFormatException when the file is not a GeoPackage, has no such table, or its CRS is
     *                             undefined or unknown
     */
    public VectorLayer read(Path file, String table) throws IOException, FileFormatException {
        if (!probe(file)) {
            throw new FileFormatException(file, "header", "not a GeoPackage (expected an SQLite database named *.gpkg)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties())) {
            List<String> tables = featureTables(c);
            if (tables.isEmpty()) {
                throw new FileFormatException(file, "gpkg_contents", "has no feature table; is this a tile or attributes-only GeoPackage?");
            }
            String chosen = table;
            if (chosen == null) {
                if (tables.size() > 1) {
                    throw new FileFormatException(file, "gpkg_contents", "has several feature tables " + tables + "; say which one to read");
                }
                chosen = tables.get(0);
            } else if (!tables.contains(chosen)) {
                throw new FileFormatException(file, "gpkg_contents", "has no feature table '" + table + "'; it has " + tables);
            }
            String geometryColumn;
            int srsId;
            try (PreparedStatement p = c.prepareStatement("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
                p.setString(1, chosen);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new FileFormatException(file, "gpkg_geometry_columns", "declares no geometry column for table '" + chosen + "'");
                    }
                    geometryColumn = r.getString(1);
                    srsId = r.getInt(2);
                }
            }
            CrsInfo crs = crs(c, file, srsId);
            LonLatReprojection reprojection;
            try {
                reprojection = LonLatReprojection.from(crs.crs());
            } catch (FactoryException e) {
                throw new FileFormatException(file, "gpkg_spatial_ref_sys", "no conversion from " + crs.name() + " to WGS 84 is known", e);
            }

            List<VectorFeature> features = new ArrayList<>();
            List<Reject> rejects = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + chosen.replace("\"", "\"\"") + "\"")) {
                ResultSetMetaData md = r.getMetaData();
                int geomIndex = -1;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnName(i);
                    if (name.equalsIgnoreCase(geometryColumn)) {
                        geomIndex = i;
                    } else if (!name.equalsIgnoreCase("fid")) {
                        fields.add(name);
                    }
                }
                int index = 0;
                while (r.next()) {
                    int here = index++;
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    for (String f : fields) {
                        attributes.put(f, r.getObject(f));
                    }
                    byte[] blob = r.getBytes(geomIndex);
                    if (blob == null) {
                        rejects.add(new Reject("feature " + here, "has no geometry"));
                        continue;
                    }
                    try {
                        Geometry g = reprojection.apply(GeoPackageGeometry.decode(blob));
                        features.add(new VectorFeature(here, g, attributes));
                    } catch (ParseException | TransformException | RuntimeException e) {
                        rejects.add(new Reject("feature " + here, "geometry cannot be read: " + e.getMessage()));
                    }
                }
            }
            List<String> warnings = new ArrayList<>();
            if (!reprojection.isIdentity()) {
                warnings.add("reprojected from " + crs.name() + " to WGS 84 longitude/latitude");
            }
            Provenance provenance = new Provenance(file.getFileName().toString(), Files.size(file), FileDigest.sha256(file), NAME,
                    AppInfo.version(), Instant.now());
            return new VectorLayer(chosen, crs.name(), fields, new ImportResult<>(features, rejects, warnings, provenance));
        } catch (SQLException e) {
            throw new FileFormatException(file, "", "cannot be read as a GeoPackage: " + e.getMessage(), e);
        }
    }

    private record CrsInfo(String name, CoordinateReferenceSystem crs) {
    }

    private static List<String> featureTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    private static CrsInfo crs(Connection c, Path file, int srsId) throws SQLException, FileFormatException {
        if (srsId == 0 || srsId == -1) {
            throw new FileFormatException(file, "gpkg_geometry_columns",
                    "the layer's coordinate reference system is undefined (srs_id " + srsId + "); assign one in QGIS (Layer ▸ Set CRS) and save again");
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            p.setInt(1, srsId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new FileFormatException(file, "gpkg_spatial_ref_sys", "srs_id " + srsId + " is used but not defined");
                }
                String org = r.getString(2);
                int code = r.getInt(3);
                String definition = r.getString(4);
                if ("EPSG".equalsIgnoreCase(org) && code == 4326) {
                    // GeoPackage stores x = longitude whatever EPSG:4326's official axis order is
                    return new CrsInfo("EPSG:4326", GeoJsonReader.lonLat());
                }
                try {
                    if (org != null && org.equalsIgnoreCase("EPSG")) {
                        return new CrsInfo("EPSG:" + code, CRS.forCode("EPSG:" + code));
                    }
                    return new CrsInfo(r.getString(1), CRS.fromWKT(definition));
                } catch (FactoryException e) {
                    throw new FileFormatException(file, "gpkg_spatial_ref_sys",
                            "unknown coordinate reference system " + org + ":" + code + " (" + e.getMessage() + "); save the layer in WGS 84 (EPSG:4326)", e);
                }
            }
        }
    }
}
