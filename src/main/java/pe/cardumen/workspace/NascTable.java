package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import pe.cardumen.domain.sonar.NascCell;

/**
 * Echo-integration results as a GeoPackage feature table {@code result_nasc} (POINT at the interval's
 * position, NULL without one), one row per cell, tied to the import that produced it. Created on first
 * use.
 */
final class NascTable {
    static final String NAME = "result_nasc";

    private NascTable() {
    }

    /** Creates the table when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, NAME)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + NAME + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, import_id INTEGER NOT NULL REFERENCES imports(id), "
                    + "source TEXT NOT NULL, channel TEXT, category TEXT, interval INTEGER, layer INTEGER, time_utc TEXT, lat DOUBLE, lon DOUBLE, "
                    + "depth_min_m DOUBLE, depth_max_m DOUBLE, sv_mean_db DOUBLE, nasc_m2_per_nmi2 DOUBLE NOT NULL, zone TEXT)");
        }
        GeoPackageSchema.registerFeatureTable(c, NAME, NAME, "NASC per interval and layer (m² nmi⁻²), from echosounder data or exports",
                "geom", "POINT", null);
    }

    static void insert(Connection c, long importId, List<NascCell> cells, List<String> zones) throws SQLException {
        GeometryFactory gf = new GeometryFactory();
        Envelope extent = new Envelope();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + NAME + " (geom, import_id, source, channel, category, interval, layer, "
                + "time_utc, lat, lon, depth_min_m, depth_max_m, sv_mean_db, nasc_m2_per_nmi2, zone) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < cells.size(); i++) {
                NascCell n = cells.get(i);
                if (n.hasPosition()) {
                    var point = gf.createPoint(new Coordinate(n.lon(), n.lat()));
                    extent.expandToInclude(point.getCoordinate());
                    p.setBytes(1, GeoPackageGeometry.encode(point, GeoPackageSchema.WGS84_SRS_ID));
                } else {
                    p.setNull(1, java.sql.Types.BLOB);
                }
                p.setLong(2, importId);
                p.setString(3, n.source());
                p.setString(4, n.channel());
                p.setString(5, n.category());
                p.setInt(6, n.interval());
                p.setInt(7, n.layer());
                p.setString(8, n.time() == null ? null : n.time().toString());
                SqlValues.setDouble(p, 9, n.lat());
                SqlValues.setDouble(p, 10, n.lon());
                SqlValues.setDouble(p, 11, n.depthMinM());
                SqlValues.setDouble(p, 12, n.depthMaxM());
                SqlValues.setDouble(p, 13, n.svMeanDb());
                p.setDouble(14, n.nascM2PerNmi2());
                p.setString(15, zones.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
        if (!extent.isNull()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = '" + NAME + "'")) {
                if (r.next() && r.getObject(1) != null) {
                    extent.expandToInclude(r.getDouble(1), r.getDouble(2));
                    extent.expandToInclude(r.getDouble(3), r.getDouble(4));
                }
            }
            GeoPackageSchema.updateExtent(c, NAME, extent);
        }
    }

    /** The cells, all or those of the imports of one survey. */
    static List<NascCell> read(Connection c, String survey) throws SQLException {
        List<NascCell> cells = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT n.source, n.channel, n.category, n.interval, n.layer, n.time_utc, n.lat, n.lon, "
                + "n.depth_min_m, n.depth_max_m, n.sv_mean_db, n.nasc_m2_per_nmi2 FROM " + NAME + " n"
                + (survey == null ? "" : " JOIN imports i ON n.import_id = i.id WHERE i.survey = ?") + " ORDER BY n.fid")) {
            if (survey != null) {
                s.setString(1, survey);
            }
            ResultSet r = s.executeQuery();
            while (r.next()) {
                String t = r.getString(6);
                cells.add(new NascCell(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5), t == null ? null : Instant.parse(t),
                        SqlValues.getDouble(r, 7), SqlValues.getDouble(r, 8), SqlValues.getDouble(r, 9), SqlValues.getDouble(r, 10), SqlValues.getDouble(r, 11), r.getDouble(12)));
            }
        }
        return cells;
    }
}
