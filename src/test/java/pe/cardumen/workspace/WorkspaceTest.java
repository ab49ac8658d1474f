package pe.cardumen.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.Zone;
import pe.cardumen.io.FileDigest;

class WorkspaceTest {

    /** A new workspace in a temporary folder holding {@code n} zones from the named source. */
    private static Path withZones(String fileName, String source, int n) throws Exception {
        Path file = TestData.tempDir("ws").resolve(fileName);
        try (Workspace ws = Workspace.create(file)) {
            ws.replaceZones(source, someZones(n), CancellationToken.NONE);
        }
        return file;
    }

    private static List<Zone> someZones(int n) throws Exception {
        return TestData.fullGrid().zones().subList(0, n);
    }

    @Test
    void storesZonesImportsAndAuditLog() throws Exception {
        Path file = TestData.tempDir("ws").resolve("a.cardumen.gpkg");
        try (Workspace ws = Workspace.create(file)) {
            ws.replaceZones("generated AIP grid", someZones(60), CancellationToken.NONE);
            Provenance p = new Provenance("x.csv", 10, "ab".repeat(32), "csv", "dev", Instant.parse("2026-01-01T00:00:00Z"));
            long id = ws.recordImport("sonar", p, 8, List.of(new Reject("line 3", "bad number")), 1);
            assertThat(ws.rejectsOf(id)).containsExactly(new Reject("line 3", "bad number"));
        }
        try (Workspace ws = Workspace.open(file)) {
            List<Zone> zones = ws.zones();
            assertThat(zones).hasSize(60);
            Zone first = zones.get(0);
            Zone original = someZones(1).get(0);
            assertThat(first.code()).isEqualTo(original.code());
            assertThat(first.areaNmi2()).isEqualTo(original.areaNmi2());
            assertThat(first.geometry().equalsExact(original.geometry().getFactory().createMultiPolygon(
                    new org.locationtech.jts.geom.Polygon[] {(org.locationtech.jts.geom.Polygon) original.geometry()}))).isTrue();
            WorkspaceSummary s = ws.summary();
            assertThat(s.zones()).isEqualTo(60);
            assertThat(s.zoneSource()).isEqualTo("generated AIP grid");
            assertThat(s.imports()).isEqualTo(1);
            assertThat(ws.imports().get(0).rejected()).isEqualTo(1);
            assertThat(ws.auditLog()).extracting(AuditEntry::action).containsExactly("workspace.create", "zones.replace", "import.sonar");
        }
    }

    @Test
    void surveysCarryTheFirstAndLastPingTimeOfTheirOwnCellsInTimeOrder() throws Exception {
        Path file = TestData.tempDir("ws").resolve("surveys.cardumen.gpkg");
        try (Workspace ws = Workspace.create(file)) {
            ws.replaceZones("generated AIP grid", someZones(5), CancellationToken.NONE);
            // survey B (two files, the later imported first) lies before survey A in time
            ws.importNasc("sonar", provenance("b2.raw", "b2"), List.of(cell("2020-03-05T10:00:00Z"), cell("2020-03-04T08:00:00Z")),
                    List.of("", ""), List.of(), 0, "B");
            ws.importNasc("sonar", provenance("b1.raw", "b1"), List.of(cell("2020-03-01T06:30:00Z")), List.of(""), List.of(), 0, "B");
            ws.importNasc("sonar", provenance("a1.raw", "a1"), List.of(cell("2021-02-20T00:00:00Z"), cell("2021-04-01T12:00:00Z")),
                    List.of("", ""), List.of(), 0, "A");
            ws.importHauls(provenance("hauls-c.csv", "c1"), List.of(), List.of(), 0, "C");
        }
        try (Workspace ws = Workspace.open(file)) {
            List<SurveyInfo> surveys = ws.surveys();
            assertThat(surveys).extracting(SurveyInfo::id).containsExactly("B", "A", "C");
            assertThat(surveys.get(0).firstTime()).isEqualTo(Instant.parse("2020-03-01T06:30:00Z"));
            assertThat(surveys.get(0).lastTime()).isEqualTo(Instant.parse("2020-03-05T10:00:00Z"));
            assertThat(surveys.get(0).nascImports()).isEqualTo(2);
            assertThat(surveys.get(1).firstTime()).isEqualTo(Instant.parse("2021-02-20T00:00:00Z"));
            assertThat(surveys.get(1).lastTime()).isEqualTo(Instant.parse("2021-04-01T12:00:00Z"));
            // a survey with hauls only has no ping times and sorts last
            assertThat(surveys.get(2).firstTime()).isNull();
            assertThat(surveys.get(2).lastTime()).isNull();
            assertThat(surveys.get(2).haulImports()).isEqualTo(1);
        }
    }

    private static Provenance provenance(String name, String hashSeed) {
        String hex = String.format("%64s", Integer.toHexString(hashSeed.hashCode())).replace(' ', '0');
        return new Provenance(name, 10, hex, "test", "dev", Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static pe.cardumen.domain.sonar.NascCell cell(String time) {
        return new pe.cardumen.domain.sonar.NascCell("t.raw", "38 kHz", "fish", 1, 1, Instant.parse(time), -12.0, -77.5, 10, 20, -60, 100);
    }

    @Test
    void aCancelledZoneReplacementLeavesTheFileAsItWas() throws Exception {
        Path file = withZones("b.cardumen.gpkg", "first", 10);
        String before = FileDigest.sha256(file);
        try (Workspace ws = Workspace.open(file)) {
            CancellationToken token = new CancellationToken();
            List<Zone> many = new ArrayList<>(someZones(200));
            // cancel when the 100th zone is read, i.e. half-way through the writes
            List<Zone> cancelling = new java.util.AbstractList<>() {
                @Override
                public Zone get(int i) {
                    if (i == 100) {
                        token.cancel();
                    }
                    return many.get(i);
                }

                @Override
                public int size() {
                    return many.size();
                }
            };
            assertThatThrownBy(() -> ws.replaceZones("second", cancelling, token)).isInstanceOf(CancellationException.class);
            assertThat(ws.zones()).hasSize(10);
            assertThat(ws.zoneSource()).isEqualTo("first");
        }
        assertThat(FileDigest.sha256(file)).isEqualTo(before);
    }

    @Test
    void aFailedWriteLeavesTheWorkspaceUnchangedAndSaysSo() throws Exception {
        Path file = TestData.tempDir("ws").resolve("c.cardumen.gpkg");
        try (Workspace ws = Workspace.create(file)) {
            ws.replaceZones("first", someZones(5), CancellationToken.NONE);
            List<Zone> duplicated = new ArrayList<>(someZones(5));
            duplicated.add(someZones(1).get(0)); // the UNIQUE constraint on code fails on the last row
            assertThatThrownBy(() -> ws.replaceZones("second", duplicated, CancellationToken.NONE))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("c.cardumen.gpkg")
                    .hasMessageContaining("the workspace is unchanged");
            assertThat(ws.zones()).hasSize(5);
            assertThat(ws.auditLog()).extracting(AuditEntry::action).containsExactly("workspace.create", "zones.replace");
        }
    }

    @Test
    void refusesFilesThatAreNotWorkspaces() throws Exception {
        Path dir = TestData.tempDir("ws");
        Path text = dir.resolve("notes.cardumen.gpkg");
        Files.writeString(text, "just some notes, definitely not SQLite, but long enough to pass the size check ".repeat(3));
        assertThatThrownBy(() -> Workspace.open(text)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("notes.cardumen.gpkg").hasMessageContaining("not a GeoPackage");
        Path plain = dir.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        assertThatThrownBy(() -> Workspace.open(plain)).hasMessageContaining("not a Cardumen workspace");
        assertThatThrownBy(() -> Workspace.open(dir.resolve("missing.cardumen.gpkg"))).hasMessageContaining("does not exist");
        Path existing = dir.resolve("e.cardumen.gpkg");
        Workspace.create(existing).close();
        assertThatThrownBy(() -> Workspace.create(existing)).hasMessageContaining("already exists");
    }

    /** The GeoPackage requirements a reader like GDAL or QGIS checks first (OGC 12-128r18 Req 2, 10–14, 18–22). */
    @Test
    void isAConformingGeoPackage() throws Exception {
        Path file = withZones("d.cardumen.gpkg", "g", 30);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 72);
        assertThat(new String(head, 0, 16, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        // application_id at offset 68 is "GPKG"
        assertThat(new String(head, 68, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GPKG");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("ok");
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(3);
            }
            try (ResultSet r = s.executeQuery("SELECT data_type, srs_id, min_x, max_y FROM gpkg_contents WHERE table_name = 'zones'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("features");
                assertThat(r.getInt(2)).isEqualTo(4326);
                assertThat(r.getDouble(3)).isBetween(-90.0, -75.0);
                assertThat(r.getDouble(4)).isBetween(-4.0, -3.0);
            }
            try (ResultSet r = s.executeQuery("SELECT geometry_type_name, z, m FROM gpkg_geometry_columns WHERE table_name = 'zones'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("MULTIPOLYGON");
            }
            try (ResultSet r = s.executeQuery("SELECT geom FROM zones LIMIT 1")) {
                r.next();
                byte[] blob = r.getBytes(1);
                assertThat(new String(blob, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GP");
                assertThat(GeoPackageGeometry.srsId(blob)).isEqualTo(4326);
            }
        }
    }

    /** GDAL's own reading of the workspace, when {@code ogrinfo} (Debian gdal-bin) is installed. */
    @Test
    void gdalReadsTheZoneLayer() throws Exception {
        Assumptions.assumeTrue(commandExists("ogrinfo"), "ogrinfo (Debian package gdal-bin) is not installed; the GeoPackage structure is checked by isAConformingGeoPackage");
        Path file = withZones("g.cardumen.gpkg", "g", 30);
        Process p = new ProcessBuilder("ogrinfo", "-so", "-ro", file.toString(), "zones").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Geometry: Multi Polygon").contains("Feature Count: 30").contains("area_nmi2: Real").contains("WGS 84");
        assertThat(out).doesNotContain("ERROR").doesNotContain("Warning");
    }

    private static boolean commandExists(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** The prediction service tells a workspace changed by its file: reading must never write it. */
    @Test
    void readingAWorkspaceWithoutScoresPredictionsOrBiomassLeavesTheFileUnchanged() throws Exception {
        Path file = withZones("readonly.cardumen.gpkg", "generated AIP grid", 10);
        long size = Files.size(file);
        var modified = Files.getLastModifiedTime(file);
        byte[] before = Files.readAllBytes(file);
        Thread.sleep(20);
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.scores()).isEmpty();
            assertThat(ws.predictionRuns()).isEmpty();
            assertThat(ws.biomassRuns()).isEmpty();
            assertThat(ws.zones()).hasSize(10);
        }
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).satisfiesAnyOf(w -> assertThat(w).doesNotExist(), w -> assertThat(w).isEmptyFile());
    }

    private static final String[] CONTENT_TABLES = {"result_nasc", "result_zonal", "biotic_length", "parameter_set", "biomass_run", "result_biomass",
        "prediction_run", "result_prediction", "model_score"};

    /**
     * A workspace as the first release wrote it: the base tables, imports without survey, settings and
     * superseded_by, no content table, schema 1 — made from a new one by taking version 2 and 3 away.
     */
    private static Path schemaOne(String name) throws Exception {
        Path file = withZones(name, "generated AIP grid", 10);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String t : CONTENT_TABLES) {
                s.execute("DROP TABLE " + t);
                s.execute("DELETE FROM gpkg_contents WHERE table_name = '" + t + "'");
                s.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = '" + t + "'");
            }
            for (String col : new String[] {"survey", "settings", "superseded_by"}) {
                s.execute("ALTER TABLE imports DROP COLUMN " + col);
            }
            s.execute("UPDATE workspace_meta SET value = '1' WHERE key = 'schema_version'");
        }
        return file;
    }

    private static List<String> tables(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static String meta(Path file, String key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM workspace_meta WHERE key = '" + key + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void aNewWorkspaceHasTheCurrentSchemaAndEveryTable() throws Exception {
        Path file = withZones("schema-new.cardumen.gpkg", "g", 5);
        assertThat(meta(file, "schema_version")).isEqualTo(Integer.toString(WorkspaceSchema.CURRENT));
        assertThat(tables(file)).contains(CONTENT_TABLES);
    }

    /** Opening a schema-1 workspace upgrades it in one transaction, says so in the audit log, and keeps its content. */
    @Test
    void anOlderWorkspaceIsUpgradedWhenOpened() throws Exception {
        Path file = schemaOne("schema-1.cardumen.gpkg");
        assertThat(tables(file)).doesNotContain(CONTENT_TABLES);
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.zones()).hasSize(10);
            assertThat(ws.auditLog()).anySatisfy(a -> assertThat(a.action() + " " + a.detail()).isEqualTo("workspace.upgrade schema 1 → 3"));
            // what version 2 added works: an import under a survey
            ws.recordImport("nasc", new Provenance("x.csv", 1, "ab".repeat(32), "r", "1", Instant.now()), 0, List.of(), 0);
            assertThat(ws.imports()).hasSize(1);
            assertThat(ws.biomassRuns()).isEmpty();
        }
        assertThat(meta(file, "schema_version")).isEqualTo("3");
        assertThat(tables(file)).contains(CONTENT_TABLES);
        // a second opening has nothing to do
        String digest = FileDigest.sha256(file);
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.zones()).hasSize(10);
        }
        assertThat(FileDigest.sha256(file)).isEqualTo(digest);
    }

    /** An upgrade that fails half-way leaves the workspace exactly as it was. */
    @Test
    void aFailedUpgradeLeavesTheWorkspaceAsItWas() throws Exception {
        Path file = schemaOne("schema-fail.cardumen.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // a view where step 3 creates a table: CREATE TABLE fails after step 2 altered imports
            s.execute("CREATE VIEW result_zonal AS SELECT 1 AS x");
        }
        String before = FileDigest.sha256(file);
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class).hasMessageContaining("result_zonal");
        assertThat(FileDigest.sha256(file)).isEqualTo(before);
        assertThat(meta(file, "schema_version")).isEqualTo("1");
    }

    @Test
    void aNewerWorkspaceIsRefusedAndLeftAlone() throws Exception {
        Path file = withZones("schema-future.cardumen.gpkg", "g", 5);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE workspace_meta SET value = '9' WHERE key = 'schema_version'");
        }
        String before = FileDigest.sha256(file);
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("schema-future.cardumen.gpkg").hasMessageContaining("newer Cardumen (workspace schema 9)")
                .hasMessageContaining("up to " + WorkspaceSchema.CURRENT);
        assertThat(FileDigest.sha256(file)).isEqualTo(before);
    }
}
