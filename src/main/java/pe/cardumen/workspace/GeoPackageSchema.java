package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Envelope;

/**
 * The GeoPackage 1.3 core tables (OGC 12-128r18 §1.1.2–1.1.3, §2.1.5) and the registration of feature
 * and attribute tables in {@code gpkg_contents}, written with plain SQL over SQLite JDBC.
 */
public final class GeoPackageSchema {
    /** {@code PRAGMA application_id} of a GeoPackage: "GPKG". */
    public static final int APPLICATION_ID = 0x47504B47;
    /** {@code PRAGMA user_version} for GeoPackage 1.3.0, the newest version GDAL 3.6 reads without a warning. */
    public static final int USER_VERSION = 10300;
    /** SRS id of WGS 84 longitude/latitude, the CRS of every Cardumen geometry. */
    public static final int WGS84_SRS_ID = 4326;

    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
            + "AUTHORITY[\"EPSG\",\"4326\"]]";

    private GeoPackageSchema() {
    }

    /** Creates the core tables and the mandatory SRS rows in an empty database. */
    public static void initialise(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                    + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                    + "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
                    + "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                    + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
                    + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)")) {
            insertSrs(p, "Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system");
            insertSrs(p, "Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system");
            insertSrs(p, "WGS 84 geodetic", WGS84_SRS_ID, "EPSG", 4326, WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
        }
    }

    private static void insertSrs(PreparedStatement p, String name, int id, String org, int orgId, String def, String desc) throws SQLException {
        p.setString(1, name);
        p.setInt(2, id);
        p.setString(3, org);
        p.setInt(4, orgId);
        p.setString(5, def);
        p.setString(6, desc);
        p.executeUpdate();
    }

    /**
     * Registers an existing table as a feature table with one geometry column in WGS 84.
     *
     * @param geometryType GeoPackage geometry type name, e.g. {@code MULTIPOLYGON}
     */
    public static void registerFeatureTable(Connection c, String table, String identifier, String description,
                                            String geometryColumn, String geometryType, Envelope extent) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                + "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, table);
            p.setString(2, identifier);
            p.setString(3, description);
            setExtent(p, 4, extent);
            p.setInt(8, WGS84_SRS_ID);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)")) {
            p.setString(1, table);
            p.setString(2, geometryColumn);
            p.setString(3, geometryType);
            p.setInt(4, WGS84_SRS_ID);
            p.executeUpdate();
        }
    }

    /** Updates a feature table's extent and last-change time in {@code gpkg_contents}. */
    public static void updateExtent(Connection c, String table, Envelope extent) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                + "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")) {
            setExtent(p, 1, extent);
            p.setString(5, table);
            p.executeUpdate();
        }
    }

    /** Registers an existing table as a non-spatial attributes table. */
    public static void registerAttributesTable(Connection c, String table, String description) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)")) {
            p.setString(1, table);
            p.setString(2, table);
            p.setString(3, description);
            p.executeUpdate();
        }
    }

    /** Whether the database declares itself a GeoPackage (application id "GPKG"). */
    public static boolean isGeoPackage(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA application_id")) {
            return r.next() && r.getInt(1) == APPLICATION_ID;
        }
    }

    private static void setExtent(PreparedStatement p, int first, Envelope e) throws SQLException {
        if (e == null || e.isNull()) {
            for (int i = 0; i < 4; i++) {
                p.setNull(first + i, java.sql.Types.DOUBLE);
            }
        } else {
            p.setDouble(first, e.getMinX());
            p.setDouble(first + 1, e.getMinY());
            p.setDouble(first + 2, e.getMaxX());
            p.setDouble(first + 3, e.getMaxY());
        }
    }
}
