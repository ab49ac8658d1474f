package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Zonal statistics of imported grids: table {@code result_zonal} (attributes), one row per zone, time
 * step and variable, tied to the import that produced it. Created with the workspace (schema step 3).
 */
final class ZonalTable {
    static final String NAME = "result_zonal";

    private ZonalTable() {
    }

    /** Creates the table when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, NAME)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + NAME + " (id INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL REFERENCES imports(id), "
                    + "variable TEXT NOT NULL, unit TEXT, time_utc TEXT, zone TEXT NOT NULL, mean DOUBLE, min DOUBLE, max DOUBLE, std DOUBLE, "
                    + "n_valid INTEGER NOT NULL, valid_fraction DOUBLE NOT NULL)");
            s.execute("CREATE INDEX " + NAME + "_zone_time ON " + NAME + " (variable, zone, time_utc)");
        }
        GeoPackageSchema.registerAttributesTable(c, NAME, "Statistics of imported grids per zone and time step");
    }

    static void insert(Connection c, long importId, List<ZonalRow> rows) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + NAME + " (import_id, variable, unit, time_utc, zone, mean, min, max, std, "
                + "n_valid, valid_fraction) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ZonalRow r : rows) {
                p.setLong(1, importId);
                p.setString(2, r.variable());
                p.setString(3, r.unit());
                p.setString(4, r.timeUtc());
                p.setString(5, r.zone());
                SqlValues.setDouble(p, 6, r.mean());
                SqlValues.setDouble(p, 7, r.min());
                SqlValues.setDouble(p, 8, r.max());
                SqlValues.setDouble(p, 9, r.std());
                p.setInt(10, r.nValid());
                p.setDouble(11, r.validFraction());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    static List<ZonalRow> read(Connection c, String variable) throws SQLException {
        List<ZonalRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT variable, unit, time_utc, zone, mean, min, max, std, n_valid, valid_fraction FROM "
                + NAME + " WHERE variable = ? ORDER BY time_utc, id")) {
            p.setString(1, variable);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ZonalRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), SqlValues.getDouble(r, 5),
                            SqlValues.getDouble(r, 6), SqlValues.getDouble(r, 7), SqlValues.getDouble(r, 8), r.getInt(9), r.getDouble(10)));
                }
            }
        }
        return out;
    }
}
