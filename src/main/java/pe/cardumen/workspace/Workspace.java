package pe.cardumen.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.Zone;

/**
 * An open workspace file ({@code *.cardumen.gpkg}).
 *
 * <p>Tables besides the GeoPackage core: {@code zones} (feature table), {@code workspace_meta}
 * (key/value), {@code imports} and {@code import_rejects}, {@code audit_log}. Each public write method
 * runs in one transaction together with its audit-log line; on any failure or cancellation the
 * transaction is rolled back and the file is unchanged.
 *
 * <p>Not thread-safe: use one instance from one thread at a time (the UI's task runner serialises
 * workspace access). Close it when done.
 */
public final class Workspace implements AutoCloseable {
    /** File-name suffix of workspaces. */
    public static final String SUFFIX = ".cardumen.gpkg";
    /** Schema version written to {@code workspace_meta}. */

    private final Path file;
    private final Connection connection;

    private Workspace(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Creates a new, empty workspace. The file is first written under a temporary name beside the
     * target and then moved into place, so a crash never leaves a half-made workspace.
     *
     * @throws WorkspaceException when the file exists or cannot be written
     */
    public static Workspace create(Path file) throws WorkspaceException {
        if (Files.exists(file)) {
            throw new WorkspaceException(file, "already exists; choose another name or delete it first");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".creating");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            try (Connection c = connect(tmp)) {
                execute(c, "BEGIN IMMEDIATE");
                GeoPackageSchema.initialise(c);
                ZoneTable.create(c, "Spatial units of the assessment (AIP cells or an imported layer)");
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT)");
                    s.execute("CREATE TABLE imports (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, file_name TEXT NOT NULL, "
                            + "size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, reader TEXT NOT NULL, reader_version TEXT NOT NULL, "
                            + "imported_at TEXT NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL, warnings INTEGER NOT NULL, survey TEXT, "
                            + "settings TEXT, superseded_by INTEGER)");
                    s.execute("CREATE TABLE import_rejects (import_id INTEGER NOT NULL REFERENCES imports(id), location TEXT NOT NULL, reason TEXT NOT NULL)");
                    s.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time_utc TEXT NOT NULL, action TEXT NOT NULL, "
                            + "detail TEXT NOT NULL, app_version TEXT NOT NULL, user_name TEXT)");
                }
                GeoPackageSchema.registerAttributesTable(c, "workspace_meta", "Workspace settings");
                GeoPackageSchema.registerAttributesTable(c, "imports", "Every file imported, with its SHA-256");
                GeoPackageSchema.registerAttributesTable(c, "import_rejects", "Records an import rejected, with location and reason");
                GeoPackageSchema.registerAttributesTable(c, "audit_log", "Who did what, when");
                // the base is schema 1; the steps bring it to the current schema in the same transaction
                WorkspaceSchema.applyFrom(c, 1);
                putMeta(c, "schema_version", Integer.toString(WorkspaceSchema.CURRENT));
                putMeta(c, "created_by", AppInfo.NAME + " " + AppInfo.version());
                putMeta(c, "created_at", Instant.now().toString());
                putMeta(c, "zone_source", "none");
                insertAudit(c, "workspace.create", "created " + file.getFileName());
                execute(c, "COMMIT");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is only clutter; the original error matters
            }
            throw new WorkspaceException(file, "cannot be created: " + e.getMessage(), e);
        }
        return open(file);
    }

    /**
     * Opens an existing workspace.
     *
     * @throws WorkspaceException when the file is missing, not a GeoPackage, or not a Cardumen workspace
     */
    public static Workspace open(Path file) throws WorkspaceException {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file, "does not exist; create one with 'cardumen workspace demo --out FILE'");
        }
        Connection c = null;
        try {
            if (Files.size(file) < 100 || !hasSqliteHeader(file)) {
                throw new WorkspaceException(file, "is not a GeoPackage (no SQLite header); open a *.cardumen.gpkg file");
            }
            c = connect(file);
            if (!GeoPackageSchema.isGeoPackage(c) || !WorkspaceSchema.hasTable(c, "workspace_meta") || !WorkspaceSchema.hasTable(c, ZoneTable.NAME)) {
                throw new WorkspaceException(file, "is a database but not a Cardumen workspace (no workspace_meta or zones table)");
            }
            WorkspaceSchema.upgrade(c, file);
            return new Workspace(file, c);
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            throw new WorkspaceException(file, "cannot be opened: " + e.getMessage(), e);
        } catch (WorkspaceException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The workspace file. */
    public Path file() {
        return file;
    }

    /**
     * Replaces the zone layer, in one transaction with its audit line.
     *
     * @param source where the zones come from ({@code generated AIP grid} or a file name)
     * @param cancel checked between rows; cancelling leaves the previous zones in place
     */
    public void replaceZones(String source, List<Zone> zones, CancellationToken cancel) throws WorkspaceException {
        write("replace zones", c -> {
            ZoneTable.replace(c, zones, cancel);
            putMeta(c, "zone_source", source);
            insertAudit(c, "zones.replace", zones.size() + " zones from " + source);
            return null;
        });
    }

    /** The zones, in the order they were stored. */
    public List<Zone> zones() throws WorkspaceException {
        return read("read zones", ZoneTable::read);
    }

    /** Where the zones come from, as recorded by {@link #replaceZones}. */
    public String zoneSource() throws WorkspaceException {
        return read("read settings", c -> meta(c, "zone_source").orElse("none"));
    }

    /**
     * Records an import and its rejects, in one transaction with its audit line.
     *
     * @param kind what was imported ({@code zones}, {@code sonar}, …)
     * @return the import's id
     */
    public long recordImport(String kind, Provenance provenance, int accepted, List<Reject> rejects, int warnings) throws WorkspaceException {
        return write("record the import of " + provenance.fileName(), c -> {
            long id = insertImport(c, kind, provenance, accepted, rejects, warnings);
            insertAudit(c, "import." + kind, provenance.fileName() + " (" + provenance.sha256().substring(0, 12) + "…): "
                    + accepted + " accepted, " + rejects.size() + " rejected");
            return id;
        });
    }

    /**
     * Records an import of echo-integrated cells and stores the cells in {@code result_nasc}, all in one
     * transaction with the import's provenance, rejects and audit line.
     *
     * @param zones the AIP zone of each cell (empty string when none), parallel to {@code cells}
     * @return the import's id
     */
    public long importNasc(String kind, Provenance provenance, List<pe.cardumen.domain.sonar.NascCell> cells, List<String> zones,
                           List<Reject> rejects, int warnings) throws WorkspaceException {
        return importNasc(kind, provenance, null, cells, zones, rejects, warnings, null).id();
    }

    /**
     * As {@link #importNasc(String, Provenance, List, List, List, int)}, the import belonging to a survey.
     *
     * @param survey the survey's id ({@code null}: none)
     */
    public long importNasc(String kind, Provenance provenance, List<pe.cardumen.domain.sonar.NascCell> cells, List<String> zones,
                           List<Reject> rejects, int warnings, String survey) throws WorkspaceException {
        return importNasc(kind, provenance, null, cells, zones, rejects, warnings, survey).id();
    }

    /**
     * Stores echo-integrated cells unless the same content was already imported the same way.
     *
     * <p>In one write transaction (so that two processes importing the same file at once store it
     * once): when an import of the same kind, SHA-256, survey and settings exists, nothing is stored
     * and that import is returned as the duplicate; when the same file was imported with other
     * settings or another survey (e.g. recalibrated), its cells are replaced by these and the earlier
     * import is marked superseded, so that nothing is counted twice and no record claims cells that
     * are gone.
     *
     * @param settings what besides the file determines the cells (channel, integration settings,
     *                 calibration), as canonical text; {@code null} when the file alone does
     * @param survey   the survey's id ({@code null}: none)
     */
    public StoredImport importNasc(String kind, Provenance provenance, String settings, List<pe.cardumen.domain.sonar.NascCell> cells,
                                   List<String> zones, List<Reject> rejects, int warnings, String survey) throws WorkspaceException {
        if (zones.size() != cells.size()) {
            throw new IllegalArgumentException(zones.size() + " zones for " + cells.size() + " cells");
        }
        String key = nascKey(settings, survey);
        return write("store the NASC of " + provenance.fileName(), c -> {
            Optional<ImportRecord> same = liveImport(c, kind, provenance.sha256(), key, true);
            if (same.isPresent()) {
                return new StoredImport(same.get().id(), same.get());
            }
            List<Long> earlier = new ArrayList<>();
            try (PreparedStatement old = c.prepareStatement("SELECT id FROM imports WHERE kind = ? AND sha256 = ? AND superseded_by IS NULL")) {
                old.setString(1, kind);
                old.setString(2, provenance.sha256());
                try (ResultSet r = old.executeQuery()) {
                    while (r.next()) {
                        earlier.add(r.getLong(1));
                    }
                }
            }
            long id = insertImport(c, kind, provenance, cells.size(), rejects, warnings, survey, key);
            for (long previous : earlier) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + NascTable.NAME + " WHERE import_id = ?")) {
                    del.setLong(1, previous);
                    del.executeUpdate();
                }
                try (PreparedStatement sup = c.prepareStatement("UPDATE imports SET superseded_by = ? WHERE id = ?")) {
                    sup.setLong(1, id);
                    sup.setLong(2, previous);
                    sup.executeUpdate();
                }
                insertAudit(c, "import." + kind, provenance.fileName() + ": import " + previous + " is superseded by import " + id
                        + " (same file, other settings or survey); its cells are replaced");
            }
            NascTable.insert(c, id, cells, zones);
            insertAudit(c, "import." + kind, provenance.fileName() + " (" + provenance.sha256().substring(0, 12) + "…): "
                    + cells.size() + " cells, " + rejects.size() + " rejected");
            return new StoredImport(id, null);
        });
    }

    private static String nascKey(String settings, String survey) {
        return (survey == null ? "" : "survey=" + survey + ";") + (settings == null ? "" : settings);
    }

    /**
     * Records an import of a grid and stores its zonal statistics in {@code result_zonal}, in one
     * transaction with its provenance and audit line.
     *
     * @return the import's id
     */
    public long importZonal(String kind, Provenance provenance, List<ZonalRow> rows, int warnings) throws WorkspaceException {
        return storeZonal(kind, provenance, rows, warnings).id();
    }

    /**
     * Stores a grid's zonal statistics unless a grid with the same content was already imported (its
     * rows would count twice in climatologies); checked and stored in one write transaction.
     */
    public StoredImport storeZonal(String kind, Provenance provenance, List<ZonalRow> rows, int warnings) throws WorkspaceException {
        return write("store the zonal statistics of " + provenance.fileName(), c -> {
            Optional<ImportRecord> same = liveImport(c, kind, provenance.sha256(), null, false);
            if (same.isPresent()) {
                return new StoredImport(same.get().id(), same.get());
            }
            long id = insertImport(c, kind, provenance, rows.size(), List.of(), warnings);
            ZonalTable.insert(c, id, rows);
            insertAudit(c, "import." + kind, provenance.fileName() + " (" + provenance.sha256().substring(0, 12) + "…): " + rows.size()
                    + " zone × time statistics");
            return new StoredImport(id, null);
        });
    }

    /**
     * Records an import of haul length frequencies and stores them in {@code biotic_length}, in one
     * transaction with the provenance, rejects and audit line.
     *
     * @return the import's id
     */
    public long importHauls(Provenance provenance, List<pe.cardumen.domain.biotic.Haul> hauls, List<Reject> rejects, int warnings)
            throws WorkspaceException {
        return importHauls(provenance, hauls, rejects, warnings, null);
    }

    /**
     * As {@link #importHauls(Provenance, List, List, int)}, the import belonging to a survey.
     *
     * @param survey the survey's id ({@code null}: none)
     */
    public long importHauls(Provenance provenance, List<pe.cardumen.domain.biotic.Haul> hauls, List<Reject> rejects, int warnings, String survey)
            throws WorkspaceException {
        return storeHauls(provenance, hauls, rejects, warnings, survey).id();
    }

    /**
     * Stores hauls unless a file with the same content was already imported (its catches would count
     * twice); checked and stored in one write transaction.
     */
    public StoredImport storeHauls(Provenance provenance, List<pe.cardumen.domain.biotic.Haul> hauls, List<Reject> rejects, int warnings,
                                   String survey) throws WorkspaceException {
        return write("store the hauls of " + provenance.fileName(), c -> {
            Optional<ImportRecord> same = liveImport(c, "hauls", provenance.sha256(), null, false);
            if (same.isPresent()) {
                return new StoredImport(same.get().id(), same.get());
            }
            long id = insertImport(c, "hauls", provenance, hauls.size(), rejects, warnings, survey, null);
            HaulTable.insert(c, id, hauls);
            insertAudit(c, "import.hauls", provenance.fileName() + " (" + provenance.sha256().substring(0, 12) + "…): " + hauls.size()
                    + " hauls, " + rejects.size() + " rejected");
            return new StoredImport(id, null);
        });
    }

    /** What storing an import did: stored it under {@code id}, or found it already imported. */
    public record StoredImport(long id, ImportRecord duplicateOf) {
        /** Whether nothing was stored because the same content was already imported. */
        public boolean skipped() {
            return duplicateOf != null;
        }
    }

    /** The earlier, not superseded import of the same content (same kind and SHA-256), if any. */
    public java.util.Optional<ImportRecord> earlierImport(String kind, String sha256) throws WorkspaceException {
        return read("read imports", c -> liveImport(c, kind, sha256, null, false));
    }

    /**
     * The first import of this kind and content not superseded; with {@code matchSettings}, also with
     * these settings ({@code null} matches {@code NULL}).
     */
    private static Optional<ImportRecord> liveImport(Connection c, String kind, String sha256, String settings, boolean matchSettings)
            throws SQLException {
        String sql = IMPORT_COLUMNS + " FROM imports WHERE kind = ? AND sha256 = ? AND superseded_by IS NULL"
                + (matchSettings ? " AND settings IS ?" : "") + " ORDER BY id LIMIT 1";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, kind);
            p.setString(2, sha256);
            if (matchSettings) {
                p.setString(3, settings);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(importRecord(r)) : Optional.empty();
            }
        }
    }

    private static final String IMPORT_COLUMNS = "SELECT id, kind, file_name, size_bytes, sha256, reader, reader_version, imported_at, "
            + "accepted, rejected, warnings, survey, superseded_by";

    private static ImportRecord importRecord(ResultSet r) throws SQLException {
        long superseded = r.getLong(13);
        Long by = r.wasNull() ? null : superseded;
        return new ImportRecord(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5), r.getString(6),
                r.getString(7), Instant.parse(r.getString(8)), r.getInt(9), r.getInt(10), r.getInt(11), r.getString(12), by);
    }

    /** The stored hauls (a haul imported again keeps its latest rows). */
    public List<pe.cardumen.domain.biotic.Haul> hauls() throws WorkspaceException {
        return read("read hauls", c -> HaulTable.read(c, null));
    }

    /** The hauls of the imports of one survey ({@code null}: every haul). */
    public List<pe.cardumen.domain.biotic.Haul> hauls(String survey) throws WorkspaceException {
        return read("read hauls", c -> HaulTable.read(c, survey));
    }

    /**
     * The surveys named by imports, in order of their first NASC time (surveys without NASC last).
     */
    public List<SurveyInfo> surveys() throws WorkspaceException {
        return read("read surveys", c -> {
            List<SurveyInfo> list = new ArrayList<>();
            // first and last ping time per survey in one pass over the NASC cells (a correlated sub-query
            // per survey scanned the whole table twice per survey: 1 s for the demo's 56 surveys)
            Map<String, String[]> times = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT j.survey, MIN(n.time_utc), MAX(n.time_utc) FROM "
                    + NascTable.NAME + " n JOIN imports j ON n.import_id = j.id WHERE j.survey IS NOT NULL GROUP BY j.survey")) {
                while (r.next()) {
                    times.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
                }
            }
            String sql = "SELECT i.survey, SUM(CASE WHEN i.kind = 'hauls' THEN 0 ELSE 1 END), SUM(CASE WHEN i.kind = 'hauls' THEN 1 ELSE 0 END), "
                    + "MAX(CASE WHEN i.file_name LIKE 'SIMULATED%' THEN 1 ELSE 0 END) "
                    + "FROM imports i WHERE i.survey IS NOT NULL AND i.kind <> 'satellite' AND i.superseded_by IS NULL GROUP BY i.survey";
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    String[] span = times.getOrDefault(r.getString(1), new String[2]);
                    String first = span[0];
                    String last = span[1];
                    list.add(new SurveyInfo(r.getString(1), r.getInt(2), r.getInt(3), first == null ? null : Instant.parse(first),
                            last == null ? null : Instant.parse(last), r.getInt(4) == 1));
                }
            }
            list.sort(java.util.Comparator.comparing(SurveyInfo::firstTime, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(SurveyInfo::id));
            return list;
        });
    }

    /** Whether a survey's imports are SIMULATED data (their file names say so), without reading its cells. */
    public boolean isSimulatedSurvey(String survey) throws WorkspaceException {
        return read("read surveys", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MAX(CASE WHEN file_name LIKE 'SIMULATED%' THEN 1 ELSE 0 END) FROM imports "
                    + "WHERE survey = ? AND superseded_by IS NULL")) {
                p.setString(1, survey);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() && r.getInt(1) == 1;
                }
            }
        });
    }

    /**
     * Stores a biomass computation with its parameter set: an identical set already stored keeps its
     * version, a new one gets the next; the run and its zones name that version.
     *
     * @param survey     the survey computed ({@code null}: the workspace's NASC without a survey choice)
     * @param parameters the set's canonical text ({@code key=value} lines, sorted)
     * @return the run's id
     */
    public BiomassRun storeBiomass(String survey, String parameters, int replicates, long seed, double totalT, double cv, List<BiomassRow> rows)
            throws WorkspaceException {
        long run = write("store the biomass", c -> {
            long set = BiomassTable.parameterSet(c, "biomass", parameters);
            long id = BiomassTable.insertRun(c, survey, set, replicates, seed, totalT, cv, rows);
            insertAudit(c, "biomass", "run " + id + (survey == null ? "" : " of survey " + survey) + " with parameter set v" + set + ": "
                    + rows.size() + " zones, " + Math.round(totalT) + " t");
            return id;
        });
        return biomassRuns().stream().filter(r -> r.id() == run).findFirst().orElseThrow();
    }

    /** Every stored biomass computation, oldest first. */
    public List<BiomassRun> biomassRuns() throws WorkspaceException {
        return read("read biomass runs", BiomassTable::runs);
    }

    /** The zones of a stored biomass computation. */
    public List<BiomassRow> biomass(long run) throws WorkspaceException {
        return read("read biomass", c -> BiomassTable.rows(c, run));
    }

    /** A stored parameter set's text, or {@code null} when there is no such version. */
    public String parameterSet(long version) throws WorkspaceException {
        return read("read a parameter set", c -> BiomassTable.definition(c, version));
    }

    /** Stores a model's prediction for a period with the version's hash; returns the run's id. */
    public long storePrediction(String model, String modelSha256, String period, List<PredictionRow> rows) throws WorkspaceException {
        return write("store the prediction", c -> {
            long id = PredictionTable.insert(c, model, modelSha256, period, rows);
            insertAudit(c, "predict", "run " + id + ": " + model + " (" + modelSha256.substring(0, 12) + "…) for " + period + ", " + rows.size() + " zones");
            return id;
        });
    }

    /** Every stored prediction, oldest first. */
    public List<PredictionRun> predictionRuns() throws WorkspaceException {
        return read("read predictions", PredictionTable::runs);
    }

    /** The zones of a stored prediction. */
    public List<PredictionRow> prediction(long run) throws WorkspaceException {
        return read("read a prediction", c -> PredictionTable.rows(c, run));
    }

    /** Stores a monitoring score, with an audit line (an alert says so). */
    public void storeScore(ModelScore score) throws WorkspaceException {
        write("store a model score", c -> {
            ModelScoreTable.insert(c, score);
            insertAudit(c, score.alerted() ? "model.alert" : "model.score", score.model() + " on survey " + score.survey() + ": rmse "
                    + String.format(java.util.Locale.ROOT, "%.3f, coverage %.3f", score.rmse(), score.coverage()) + (score.alerted() ? " — ALERT: " + score.alert() : ""));
            return null;
        });
    }

    /** Every monitoring score, oldest first. */
    public List<ModelScore> scores() throws WorkspaceException {
        return read("read model scores", ModelScoreTable::read);
    }

    /** A workspace setting ({@code workspace_meta}), if set. */
    public Optional<String> setting(String key) throws WorkspaceException {
        return read("read settings", c -> meta(c, key));
    }

    /** Sets a workspace setting, with an audit line. */
    public void setSetting(String key, String value) throws WorkspaceException {
        write("save a setting", c -> {
            putMeta(c, key, value);
            insertAudit(c, "setting", key + " = " + value);
            return null;
        });
    }

    /** The variables that have stored zonal statistics, sorted. */
    public List<String> zonalVariables() throws WorkspaceException {
        return read("read zonal statistics", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT variable FROM " + ZonalTable.NAME + " ORDER BY variable")) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /** The stored zonal statistics of a variable, by time. */
    public List<ZonalRow> zonal(String variable) throws WorkspaceException {
        return read("read zonal statistics", c -> ZonalTable.read(c, variable));
    }

    /** Every stored NASC cell, in import order. */
    public List<pe.cardumen.domain.sonar.NascCell> nascCells() throws WorkspaceException {
        return read("read NASC results", c -> NascTable.read(c, null));
    }

    /** The NASC cells of the imports of one survey ({@code null}: every cell), in import order. */
    public List<pe.cardumen.domain.sonar.NascCell> nascCells(String survey) throws WorkspaceException {
        return read("read NASC results", c -> NascTable.read(c, survey));
    }

    /** Every import, oldest first. */
    public List<ImportRecord> imports() throws WorkspaceException {
        return read("read imports", c -> {
            List<ImportRecord> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(IMPORT_COLUMNS + " FROM imports ORDER BY id")) {
                while (r.next()) {
                    list.add(importRecord(r));
                }
            }
            return list;
        });
    }

    /** The rejects of one import, in file order. */
    public List<Reject> rejectsOf(long importId) throws WorkspaceException {
        return read("read rejects", c -> {
            List<Reject> list = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT location, reason FROM import_rejects WHERE import_id = ? ORDER BY rowid")) {
                p.setLong(1, importId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        list.add(new Reject(r.getString(1), r.getString(2)));
                    }
                }
            }
            return list;
        });
    }

    /** Appends a line to the audit log in its own transaction. */
    public void audit(String action, String detail) throws WorkspaceException {
        write("write the audit log", c -> {
            insertAudit(c, action, detail);
            return null;
        });
    }

    /** The audit log, oldest first. */
    public List<AuditEntry> auditLog() throws WorkspaceException {
        return read("read the audit log", c -> {
            List<AuditEntry> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, time_utc, action, detail, app_version, user_name FROM audit_log ORDER BY id")) {
                while (r.next()) {
                    list.add(new AuditEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
                }
            }
            return list;
        });
    }

    /** Counts for {@code cardumen workspace info} and the UI's status line. */
    public WorkspaceSummary summary() throws WorkspaceException {
        return read("summarise", c -> {
            int zones = count(c, "SELECT COUNT(*) FROM " + ZoneTable.NAME);
            double area;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(SUM(area_nmi2), 0) FROM " + ZoneTable.NAME)) {
                r.next();
                area = r.getDouble(1);
            }
            Map<String, Integer> results = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT table_name FROM gpkg_contents WHERE table_name LIKE 'result_%' ORDER BY table_name")) {
                List<String> tables = new ArrayList<>();
                while (r.next()) {
                    tables.add(r.getString(1));
                }
                for (String t : tables) {
                    results.put(t, count(c, "SELECT COUNT(*) FROM \"" + t.replace("\"", "") + "\""));
                }
            }
            return new WorkspaceSummary(file.getFileName().toString(), meta(c, "created_by").orElse("unknown"),
                    meta(c, "zone_source").orElse("none"), zones, area, count(c, "SELECT COUNT(*) FROM imports"),
                    count(c, "SELECT COUNT(*) FROM audit_log"), results);
        });
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    /** A unit of work on the connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs a unit of work in a write transaction. {@code BEGIN IMMEDIATE} takes SQLite's write lock at
     * the start (waiting up to {@link #busyTimeoutMillis()} for another writer, in this process or
     * another), so that concurrent writers queue instead of failing with {@code SQLITE_BUSY} when a read
     * transaction tries to become a write one.
     */
    private synchronized <T> T write(String what, SqlWork<T> work) throws WorkspaceException {
        try {
            execute(connection, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new WorkspaceException(file, "could not " + what + ": " + busyOr(e) + "; the workspace is unchanged", e);
        }
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof java.util.concurrent.CancellationException) {
                throw (java.util.concurrent.CancellationException) e;
            }
            throw new WorkspaceException(file, "could not " + what + " (" + busyOr(e) + "); the workspace is unchanged", e);
        }
    }

    /** Runs a unit of work in a read transaction: a consistent snapshot; in WAL mode it never blocks writers. */
    private synchronized <T> T read(String what, SqlWork<T> work) throws WorkspaceException {
        try {
            execute(connection, "BEGIN");
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback();
            throw new WorkspaceException(file, "could not " + what + ": " + busyOr(e), e);
        }
    }

    private static String busyOr(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
            return "another program kept the workspace locked for more than " + busyTimeoutMillis() / 1000
                    + " s (a long import or computation in another Cardumen window or command); try again when it has finished";
        }
        return m;
    }

    private void rollback() {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was active (BEGIN failed), or the connection is unusable: SQLite's journal
            // restores the file on next open
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * How long a writer waits for another writer before giving up: {@code cardumen.workspace.busyTimeoutMillis},
     * by default 120 000 ms (longer than any single import's transaction).
     */
    static int busyTimeoutMillis() {
        return Integer.getInteger("cardumen.workspace.busyTimeoutMillis", 120_000);
    }

    /**
     * Opens a connection in autocommit mode (transactions are begun explicitly by {@link #write} and
     * {@link #read}), in WAL journal mode so that readers and one writer proceed together, with a busy
     * timeout so that writers queue.
     */
    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    /**
     * Brings a workspace written by an earlier version up to date: columns added since are added
     * (empty), in one write transaction (checked again inside it, as another process may be doing the same).
     */
    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, java.nio.charset.StandardCharsets.US_ASCII).startsWith("SQLite format 3");
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO workspace_meta VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    private static Optional<String> meta(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static long insertImport(Connection c, String kind, Provenance provenance, int accepted, List<Reject> rejects, int warnings)
            throws SQLException {
        return insertImport(c, kind, provenance, accepted, rejects, warnings, null, null);
    }

    private static long insertImport(Connection c, String kind, Provenance provenance, int accepted, List<Reject> rejects, int warnings,
                                     String survey, String settings) throws SQLException {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO imports (kind, file_name, size_bytes, sha256, reader, reader_version, "
                + "imported_at, accepted, rejected, warnings, survey, settings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(11, survey);
            p.setString(12, settings);
            p.setString(1, kind);
            p.setString(2, provenance.fileName());
            p.setLong(3, provenance.sizeBytes());
            p.setString(4, provenance.sha256());
            p.setString(5, provenance.reader());
            p.setString(6, provenance.readerVersion());
            p.setString(7, provenance.readAt().toString());
            p.setInt(8, accepted);
            p.setInt(9, rejects.size());
            p.setInt(10, warnings);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO import_rejects VALUES (?,?,?)")) {
            for (Reject r : rejects) {
                p.setLong(1, id);
                p.setString(2, r.location());
                p.setString(3, r.reason());
                p.addBatch();
            }
            p.executeBatch();
        }
        return id;
    }

    static void insertAudit(Connection c, String action, String detail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_log (time_utc, action, detail, app_version, user_name) VALUES (?,?,?,?,?)")) {
            p.setString(1, Instant.now().toString());
            p.setString(2, action);
            p.setString(3, detail);
            p.setString(4, AppInfo.version());
            p.setString(5, System.getProperty("user.name"));
            p.executeUpdate();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }
}
