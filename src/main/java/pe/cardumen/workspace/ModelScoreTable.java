package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code model_score}: each scoring of a model version against a survey (monitoring), created with the workspace (schema step 3). */
final class ModelScoreTable {
    private ModelScoreTable() {
    }

    /** Creates the table when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, "model_score")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE model_score (id INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT NOT NULL, model_sha256 TEXT NOT NULL, survey TEXT NOT NULL, "
                    + "period TEXT NOT NULL, computed_at TEXT NOT NULL, rmse DOUBLE, mae DOUBLE, r2 DOUBLE, bias DOUBLE, coverage DOUBLE, auc DOUBLE, "
                    + "total_error_pct DOUBLE, n INTEGER, alert TEXT)");
        }
        GeoPackageSchema.registerAttributesTable(c, "model_score", "Monitoring: each model version scored against each survey");
    }

    static long insert(Connection c, ModelScore s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO model_score (model, model_sha256, survey, period, computed_at, rmse, mae, r2, bias, "
                + "coverage, auc, total_error_pct, n, alert) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, s.model());
            p.setString(2, s.modelSha256());
            p.setString(3, s.survey());
            p.setString(4, s.period());
            p.setString(5, s.computedAt().toString());
            SqlValues.setDouble(p, 6, s.rmse());
            SqlValues.setDouble(p, 7, s.mae());
            SqlValues.setDouble(p, 8, s.r2());
            SqlValues.setDouble(p, 9, s.bias());
            SqlValues.setDouble(p, 10, s.coverage());
            SqlValues.setDouble(p, 11, s.auc());
            SqlValues.setDouble(p, 12, s.totalErrorPct());
            p.setInt(13, s.n());
            p.setString(14, s.alert());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    static List<ModelScore> read(Connection c) throws SQLException {
        List<ModelScore> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT model, model_sha256, survey, period, computed_at, rmse, mae, r2, bias, "
                + "coverage, auc, total_error_pct, n, alert FROM model_score ORDER BY id")) {
            while (r.next()) {
                out.add(new ModelScore(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Instant.parse(r.getString(5)), SqlValues.getDouble(r, 6),
                        SqlValues.getDouble(r, 7), SqlValues.getDouble(r, 8), SqlValues.getDouble(r, 9), SqlValues.getDouble(r, 10), SqlValues.getDouble(r, 11),
                        SqlValues.getDouble(r, 12), r.getInt(13), r.getString(14)));
            }
        }
        return out;
    }
}
