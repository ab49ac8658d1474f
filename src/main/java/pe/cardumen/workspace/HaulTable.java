package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.domain.biotic.Haul;

/**
 * Haul length frequencies: table {@code biotic_length} (attributes), one row per haul and length
 * class, tied to the import that brought it. Created with the workspace (schema step 3).
 */
final class HaulTable {
    static final String NAME = "biotic_length";

    private HaulTable() {
    }

    /** Creates the table when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, NAME)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + NAME + " (id INTEGER PRIMARY KEY AUTOINCREMENT, import_id INTEGER NOT NULL REFERENCES imports(id), "
                    + "haul_id TEXT NOT NULL, time_utc TEXT, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, length_cm DOUBLE NOT NULL, count DOUBLE NOT NULL)");
        }
        GeoPackageSchema.registerAttributesTable(c, NAME, "Length frequencies of trawl hauls");
    }

    static void insert(Connection c, long importId, List<Haul> hauls) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + NAME + " (import_id, haul_id, time_utc, lat, lon, length_cm, count) "
                + "VALUES (?,?,?,?,?,?,?)")) {
            for (Haul h : hauls) {
                for (int i = 0; i < h.lengthsCm().length; i++) {
                    p.setLong(1, importId);
                    p.setString(2, h.id());
                    p.setString(3, h.time() == null ? null : h.time().toString());
                    p.setDouble(4, h.lat());
                    p.setDouble(5, h.lon());
                    p.setDouble(6, h.lengthsCm()[i]);
                    p.setDouble(7, h.counts()[i]);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }

    /** Every stored haul; a haul id imported twice keeps the later import's rows. */
    static List<Haul> read(Connection c, String survey) throws SQLException {
        record Acc(long importId, String time, double lat, double lon, List<double[]> rows) {
        }
        Map<String, Acc> byHaul = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT h.import_id, h.haul_id, h.time_utc, h.lat, h.lon, h.length_cm, h.count FROM "
                + NAME + " h" + (survey == null ? "" : " JOIN imports i ON h.import_id = i.id WHERE i.survey = ?") + " ORDER BY h.import_id, h.id")) {
            if (survey != null) {
                s.setString(1, survey);
            }
            ResultSet r = s.executeQuery();
            while (r.next()) {
                long imp = r.getLong(1);
                String id = r.getString(2);
                Acc a = byHaul.get(id);
                if (a == null || a.importId() != imp) {
                    a = new Acc(imp, r.getString(3), r.getDouble(4), r.getDouble(5), new ArrayList<>());
                    byHaul.put(id, a);
                }
                a.rows().add(new double[] {r.getDouble(6), r.getDouble(7)});
            }
        }
        List<Haul> out = new ArrayList<>();
        byHaul.forEach((id, a) -> out.add(new Haul(id, a.time() == null ? null : Instant.parse(a.time()), a.lat(), a.lon(),
                a.rows().stream().mapToDouble(x -> x[0]).toArray(), a.rows().stream().mapToDouble(x -> x[1]).toArray())));
        return out;
    }
}
