package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Model predictions: {@code prediction_run} (one per model version and period, with the version's
 * hash) and {@code result_prediction} (per zone). Attribute tables, created with the workspace (schema step 3).
 */
final class PredictionTable {
    private PredictionTable() {
    }

    /** Creates the tables when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, "prediction_run")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE prediction_run (id INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT NOT NULL, model_sha256 TEXT NOT NULL, "
                    + "period TEXT NOT NULL, computed_at TEXT NOT NULL, total_p50_t DOUBLE)");
            s.execute("CREATE TABLE result_prediction (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES prediction_run(id), "
                    + "zone TEXT NOT NULL, p10_t DOUBLE, p50_t DOUBLE, p90_t DOUBLE, density_p50_t_per_nmi2 DOUBLE)");
        }
        GeoPackageSchema.registerAttributesTable(c, "prediction_run", "Model predictions: model version, its SHA-256 and the period");
        GeoPackageSchema.registerAttributesTable(c, "result_prediction", "Predicted biomass per zone (P10, P50, P90, t)");
    }

    static long insert(Connection c, String model, String sha, String period, List<PredictionRow> rows) throws SQLException {
        long run;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO prediction_run (model, model_sha256, period, computed_at, total_p50_t) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, model);
            p.setString(2, sha);
            p.setString(3, period);
            p.setString(4, Instant.now().toString());
            p.setDouble(5, rows.stream().mapToDouble(PredictionRow::p50T).sum());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                run = k.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO result_prediction (run_id, zone, p10_t, p50_t, p90_t, density_p50_t_per_nmi2) "
                + "VALUES (?,?,?,?,?,?)")) {
            for (PredictionRow r : rows) {
                p.setLong(1, run);
                p.setString(2, r.zone());
                p.setDouble(3, r.p10T());
                p.setDouble(4, r.p50T());
                p.setDouble(5, r.p90T());
                p.setDouble(6, r.densityP50());
                p.addBatch();
            }
            p.executeBatch();
        }
        return run;
    }

    static List<PredictionRun> runs(Connection c) throws SQLException {
        List<PredictionRun> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, model, model_sha256, period, computed_at, total_p50_t FROM prediction_run ORDER BY id")) {
            while (r.next()) {
                out.add(new PredictionRun(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), Instant.parse(r.getString(5)), r.getDouble(6)));
            }
        }
        return out;
    }

    static List<PredictionRow> rows(Connection c, long run) throws SQLException {
        List<PredictionRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT zone, p10_t, p50_t, p90_t, density_p50_t_per_nmi2 FROM result_prediction WHERE run_id = ? ORDER BY id")) {
            p.setLong(1, run);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new PredictionRow(r.getString(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
                }
            }
        }
        return out;
    }
}
