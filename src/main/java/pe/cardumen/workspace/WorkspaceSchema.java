package pe.cardumen.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace's schema versions and the one migration step to each. A workspace records its version
 * in {@code workspace_meta.schema_version}; opening an older one upgrades it in one transaction (a
 * failure leaves it as it was), opening a newer one is refused. Every table exists from the version
 * that introduced it on, so no read or write creates one on the way.
 *
 * <ol>
 *   <li>the base: GeoPackage tables, {@code zones}, {@code workspace_meta}, {@code imports},
 *       {@code import_rejects}, {@code audit_log};</li>
 *   <li>{@code imports.survey}, {@code .settings} and {@code .superseded_by}; {@code biomass_run.survey};</li>
 *   <li>every content table: {@code result_nasc}, {@code result_zonal}, {@code biotic_length},
 *       {@code parameter_set}, {@code biomass_run}, {@code result_biomass}, {@code prediction_run},
 *       {@code result_prediction}, {@code model_score} (before, each was created by its first write).</li>
 * </ol>
 *
 * <p>Steps are idempotent: workspaces of version 1 written by later releases already have some of
 * what the steps add, and the steps leave that as it is.
 */
final class WorkspaceSchema {
    /** The version this release writes and reads. */
    static final int CURRENT = 3;

    /** One step: from {@code version − 1} to {@code version}. */
    private record Step(int version, String what, Migration migration) {
    }

    @FunctionalInterface
    private interface Migration {
        void apply(Connection c) throws SQLException;
    }

    private static final List<Step> STEPS = List.of(
            new Step(2, "survey, settings and superseded_by of imports; survey of biomass runs", WorkspaceSchema::toVersion2),
            new Step(3, "every content table created with the workspace", WorkspaceSchema::toVersion3));

    private WorkspaceSchema() {
    }

    /** The version a workspace records (1 when it records none: the first release wrote none). */
    static int version(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = 'schema_version'"); ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                return 1;
            }
            try {
                return Integer.parseInt(r.getString(1).trim());
            } catch (NumberFormatException e) {
                throw new SQLException("workspace_meta.schema_version is '" + r.getString(1) + "', not a number");
            }
        }
    }

    /**
     * Brings an opened workspace to {@link #CURRENT}: nothing when it is current, the missing steps in one
     * transaction when it is older; refuses a newer one.
     */
    static void upgrade(Connection c, Path file) throws SQLException, WorkspaceException {
        int v = version(c);
        if (v > CURRENT) {
            throw new WorkspaceException(file, "was written by a newer Cardumen (workspace schema " + v + "); this version reads schemas up to "
                    + CURRENT + ". Open it with the newer Cardumen, or install it");
        }
        if (v == CURRENT) {
            return;
        }
        execute(c, "BEGIN IMMEDIATE");
        try {
            // another process may have upgraded it since the check above
            int now = version(c);
            if (now < CURRENT) {
                applyFrom(c, now);
                Workspace.putMeta(c, "schema_version", Integer.toString(CURRENT));
                Workspace.insertAudit(c, "workspace.upgrade", "schema " + now + " → " + CURRENT);
            }
            execute(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            execute(c, "ROLLBACK");
            throw e;
        }
    }

    /** Applies every step after {@code version}, inside the caller's transaction. */
    static void applyFrom(Connection c, int version) throws SQLException {
        for (Step s : STEPS) {
            if (s.version() > version) {
                s.migration().apply(c);
            }
        }
    }

    private static void toVersion2(Connection c) throws SQLException {
        for (String[] column : new String[][] {{"survey", "TEXT"}, {"settings", "TEXT"}, {"superseded_by", "INTEGER"}}) {
            if (!hasColumn(c, "imports", column[0])) {
                execute(c, "ALTER TABLE imports ADD COLUMN " + column[0] + " " + column[1]);
            }
        }
        if (hasTable(c, "biomass_run") && !hasColumn(c, "biomass_run", "survey")) {
            execute(c, "ALTER TABLE biomass_run ADD COLUMN survey TEXT");
        }
    }

    private static void toVersion3(Connection c) throws SQLException {
        NascTable.create(c);
        ZonalTable.create(c);
        HaulTable.create(c);
        BiomassTable.create(c);
        PredictionTable.create(c);
        ModelScoreTable.create(c);
    }

    /** Whether the database has a table of that name: the one place that asks. */
    static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (r.next()) {
                if (r.getString("name").equalsIgnoreCase(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
