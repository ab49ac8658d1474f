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
 * Biomass parameter sets and results: {@code parameter_set} (one row per distinct set; its id is its
 * version), {@code biomass_run} (one computation, naming its set) and {@code result_biomass} (per zone
 * of a run). All attribute tables, created with the workspace (schema step 3).
 */
final class BiomassTable {
    private BiomassTable() {
    }

    /** Creates the tables when missing (schema step 3). */
    static void create(Connection c) throws SQLException {
        if (WorkspaceSchema.hasTable(c, "parameter_set")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parameter_set (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, created_at TEXT NOT NULL, "
                    + "definition TEXT NOT NULL, UNIQUE (kind, definition))");
            s.execute("CREATE TABLE biomass_run (id INTEGER PRIMARY KEY AUTOINCREMENT, parameter_set_id INTEGER NOT NULL REFERENCES parameter_set(id), "
                    + "computed_at TEXT NOT NULL, replicates INTEGER NOT NULL, seed INTEGER NOT NULL, total_t DOUBLE NOT NULL, cv DOUBLE, survey TEXT)");
            s.execute("CREATE TABLE result_biomass (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES biomass_run(id), "
                    + "zone TEXT NOT NULL, n_intervals INTEGER NOT NULL, nasc_mean DOUBLE, density_t_per_nmi2 DOUBLE, biomass_t DOUBLE, cv DOUBLE, "
                    + "juvenile_pct_number DOUBLE, juvenile_pct_weight DOUBLE)");
        }
        GeoPackageSchema.registerAttributesTable(c, "parameter_set", "Versioned parameter sets (biomass)");
        GeoPackageSchema.registerAttributesTable(c, "biomass_run", "Biomass computations and the parameter set of each");
        GeoPackageSchema.registerAttributesTable(c, "result_biomass", "Biomass per zone of each computation");
    }

    /** The version of a parameter set: that of an identical stored set, else a new one. */
    static long parameterSet(Connection c, String kind, String definition) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM parameter_set WHERE kind = ? AND definition = ?")) {
            p.setString(1, kind);
            p.setString(2, definition);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return r.getLong(1);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO parameter_set (kind, created_at, definition) VALUES (?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, kind);
            p.setString(2, Instant.now().toString());
            p.setString(3, definition);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    static long insertRun(Connection c, String survey, long set, int replicates, long seed, double totalT, double cv, List<BiomassRow> rows) throws SQLException {
        long run;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO biomass_run (parameter_set_id, computed_at, replicates, seed, total_t, cv, survey) "
                + "VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(7, survey);
            p.setLong(1, set);
            p.setString(2, Instant.now().toString());
            p.setInt(3, replicates);
            p.setLong(4, seed);
            p.setDouble(5, totalT);
            SqlValues.setDouble(p, 6, cv);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                run = k.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO result_biomass (run_id, zone, n_intervals, nasc_mean, density_t_per_nmi2, "
                + "biomass_t, cv, juvenile_pct_number, juvenile_pct_weight) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (BiomassRow r : rows) {
                p.setLong(1, run);
                p.setString(2, r.zone());
                p.setInt(3, r.intervals());
                SqlValues.setDouble(p, 4, r.nascMean());
                SqlValues.setDouble(p, 5, r.densityTPerNmi2());
                SqlValues.setDouble(p, 6, r.biomassT());
                SqlValues.setDouble(p, 7, r.cv());
                SqlValues.setDouble(p, 8, r.juvenilePctNumber());
                SqlValues.setDouble(p, 9, r.juvenilePctWeight());
                p.addBatch();
            }
            p.executeBatch();
        }
        return run;
    }

    static List<BiomassRun> runs(Connection c) throws SQLException {
        List<BiomassRun> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT b.id, b.parameter_set_id, b.computed_at, b.replicates, b.seed, "
                + "b.total_t, b.cv, (SELECT COUNT(*) FROM result_biomass x WHERE x.run_id = b.id), b.survey FROM biomass_run b ORDER BY b.id")) {
            while (r.next()) {
                out.add(new BiomassRun(r.getLong(1), r.getString(9), r.getLong(2), Instant.parse(r.getString(3)), r.getInt(4), r.getLong(5), r.getDouble(6),
                        SqlValues.getDouble(r, 7), r.getInt(8)));
            }
        }
        return out;
    }

    static List<BiomassRow> rows(Connection c, long run) throws SQLException {
        List<BiomassRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT zone, n_intervals, nasc_mean, density_t_per_nmi2, biomass_t, cv, juvenile_pct_number, "
                + "juvenile_pct_weight FROM result_biomass WHERE run_id = ? ORDER BY id")) {
            p.setLong(1, run);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new BiomassRow(r.getString(1), r.getInt(2), SqlValues.getDouble(r, 3), SqlValues.getDouble(r, 4), SqlValues.getDouble(r, 5),
                            SqlValues.getDouble(r, 6), SqlValues.getDouble(r, 7), SqlValues.getDouble(r, 8)));
                }
            }
        }
        return out;
    }

    static String definition(Connection c, long version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT definition FROM parameter_set WHERE id = ?")) {
            p.setLong(1, version);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
