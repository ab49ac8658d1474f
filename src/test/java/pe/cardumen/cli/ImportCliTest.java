package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.io.FileDigest;
import pe.cardumen.workspace.ImportRecord;
import pe.cardumen.workspace.Workspace;

/** {@code cardumen import}: raw, Echoview and ICES files into a workspace, bad files reported, the rest kept. */
class ImportCliTest {
    private static Path workspace() throws Exception {
        Path ws = TestData.tempDir("import-cli").resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        return ws;
    }

    @Test
    void importsEveryKindAndRecordsProvenance() throws Exception {
        Path ws = workspace();
        Path raw = TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
        Path ev = Path.of("src/test/resources/fixtures/acoustic/Celdas 38 kHz Olaya-Flores 1508-10.csv");
        Path ices = Path.of("src/test/resources/fixtures/acoustic/ices-acoustic.xml");
        CliTest.Run r = CliTest.run("import", raw.toString(), ev.toString(), ices.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("DY1201_EK60-D20120214-T231011.raw: sonar, 24 cells imported")
                .contains("Celdas 38 kHz Olaya-Flores 1508-10.csv: echoview, 3 cells imported, 3 rejected")
                .contains("ices-acoustic.xml: ices, 3 cells imported, 1 rejected");
        try (Workspace w = Workspace.open(ws)) {
            List<ImportRecord> imports = w.imports();
            assertThat(imports).extracting(ImportRecord::kind).containsExactly("sonar", "echoview", "ices");
            assertThat(imports.get(0).sha256()).isEqualTo(FileDigest.sha256(raw));
            assertThat(w.rejectsOf(imports.get(1).id())).hasSize(3);
            List<NascCell> cells = w.nascCells();
            assertThat(cells).hasSize(24 + 3 + 3);
            NascCell evFirst = cells.get(24);
            assertThat(evFirst.nascM2PerNmi2()).isEqualTo(1250.776);
            assertThat(evFirst.lat()).isCloseTo(-12.05021, within(1e-12));
            assertThat(w.summary().results()).containsEntry("result_nasc", 30);
        }
        // the Echoview cell off Callao lies in an AIP zone, which is stored with it
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws);
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT zone FROM result_nasc WHERE source LIKE 'Celdas%' AND interval = 1 AND layer = 1")) {
            rs.next();
            assertThat(rs.getString(1)).matches("\\d{4,5}");
        }
    }

    @Test
    void aBadFileIsReportedAndTheOthersImport() throws Exception {
        Path ws = workspace();
        Path junk = TestData.tempDir("import-cli").resolve("notes.txt");
        Files.writeString(junk, "not acoustic data");
        Path ices = Path.of("src/test/resources/fixtures/acoustic/ices-acoustic.csv");
        CliTest.Run r = CliTest.run("import", junk.toString(), ices.toString(), "--workspace", ws.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("notes.txt: is not a file Cardumen imports");
        assertThat(r.out()).contains("ices-acoustic.csv: ices, 4 cells imported, 2 rejected");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).hasSize(1);
        }
    }

    @Test
    void anFmFileIsImported() throws Exception {
        Path ws = workspace();
        Path fm = TestData.sampleData().resolve("echosounder/EK80-WBTMini-FM.raw");
        CliTest.Run r = CliTest.run("import", fm.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("EK80-WBTMini-FM.raw: sonar, [1-9]\\d* cells imported");
    }

    @Test
    void aFileRefusedByTheCalibrationIsNamedInTheMessage() throws Exception {
        // a WBT file whose FIL1 filter datagrams were removed: its τeff cannot be computed
        byte[] raw = Files.readAllBytes(TestData.sampleData().resolve("echosounder/EK80_-D20221108-T151353.raw"));
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int dropped = 0;
        for (int at = 0; at + 8 <= raw.length; ) {
            int length = b.getInt(at);
            String type = new String(raw, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("FIL1")) {
                dropped++;
            } else {
                kept.write(raw, at, length + 8);
            }
            at += length + 8;
        }
        assertThat(dropped).isPositive();
        Path noFilters = TestData.tempDir("import-cli").resolve("no-filters.raw");
        Files.write(noFilters, kept.toByteArray());
        CliTest.Run r = CliTest.run("import", noFilters.toString(), "--workspace", workspace().toString());
        assertThat(r.status()).isEqualTo(1);
        // the refusal comes from the calibration, which knows pings, not files: the importer names the file
        assertThat(r.err()).contains("cardumen: no-filters.raw: channel 1 has no FIL1 filter stages 1 and 2");
    }

    @Test
    void gridsAreImportedAsZonalStatisticsAndGiveAnomalies() throws Exception {
        Path ws = workspace();
        Path nc = TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        CliTest.Run r = CliTest.run("import", nc.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("oisst_v21_peru_2026-01-01_2026-02-15.nc: satellite, " + (46 * 930) + " zone statistics imported");
        try (Workspace w = Workspace.open(ws)) {
            var rows = w.zonal("sst");
            assertThat(rows).hasSize(46 * 930);
            assertThat(w.imports()).extracting(ImportRecord::reader).containsExactly("NetCDF classic");
            // the climatology of January is the mean of the 31 January days: anomalies of a zone sum to 0 over January
            var anomalies = new pe.cardumen.ocean.Anomalies(rows);
            double sum = 0;
            int n = 0;
            for (var row : rows) {
                if (row.zone().equals("5113") && row.timeUtc().startsWith("2026-01") && !Double.isNaN(row.mean())) {
                    sum += anomalies.anomaly(row);
                    n++;
                }
            }
            assertThat(n).isEqualTo(31);
            assertThat(sum).isCloseTo(0, within(1e-9));
        }
        CliTest.Run a = CliTest.run("satellite", "anomaly", "--workspace", ws.toString(), "--csv");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out().lines().findFirst()).contains("time_utc,zone,mean,climatology,anomaly,unit");
        CliTest.Run none = CliTest.run("satellite", "anomaly", "--workspace", ws.toString(), "--variable", "chlor_a");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no zonal statistics of 'chlor_a'");
    }

    /**
     * Chlorophyll 0.1, 1, 10 and 100 mg m⁻³ in four cells of zone 10120: the zone's mean concentration
     * is 27.775, and the log10 feature stored beside it has mean 0.5, min −1, max 2 and standard
     * deviation √1.25 (worked by hand).
     */
    @Test
    void chlorophyllIsAlsoStoredAsLog10() throws Exception {
        Path ws = workspace();
        var zone = TestData.fullGrid().byCode("10120").orElseThrow();
        double lat0 = Math.round(zone.geometry().getInteriorPoint().getY() * 100) / 100.0;
        double lon0 = Math.round(zone.geometry().getInteriorPoint().getX() * 100) / 100.0;
        double[][] cells = {{lat0, lon0}, {lat0, lon0 + 0.01}, {lat0 + 0.01, lon0}, {lat0 + 0.01, lon0 + 0.01}};
        double[] chl = {0.1, 1, 10, 100};
        StringBuilder sb = new StringBuilder("time,latitude,longitude,chlor_a\nUTC,degrees_north,degrees_east,mg m-3\n");
        for (int k = 0; k < 4; k++) {
            assertThat(TestData.fullGrid().zoneAt(cells[k][1], cells[k][0]).map(z -> z.code())).as("cell %d is in zone 10120", k).contains("10120");
            sb.append("2026-01-15T00:00:00Z,").append(cells[k][0]).append(',').append(cells[k][1]).append(',').append(chl[k]).append('\n');
        }
        Path csv = TestData.tempDir("chl").resolve("chl.csv");
        Files.writeString(csv, sb.toString());
        CliTest.Run r = CliTest.run("import", csv.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        try (Workspace w = Workspace.open(ws)) {
            var plain = w.zonal("chlor_a").stream().filter(z -> z.zone().equals("10120")).findFirst().orElseThrow();
            assertThat(plain.mean()).isCloseTo(27.775, within(1e-6));
            assertThat(plain.unit()).isEqualTo("mg m⁻³");
            var log = w.zonal("log10_chlor_a").stream().filter(z -> z.zone().equals("10120")).findFirst().orElseThrow();
            assertThat(log.unit()).isEqualTo("log10(mg m⁻³)");
            assertThat(log.mean()).isCloseTo(0.5, within(1e-6));
            assertThat(log.min()).isCloseTo(-1, within(1e-6));
            assertThat(log.max()).isCloseTo(2, within(1e-6));
            assertThat(log.std()).isCloseTo(Math.sqrt(1.25), within(1e-6));
            assertThat(log.nValid()).isEqualTo(4);
        }
        CliTest.Run z = CliTest.run("satellite", "zonal", csv.toString(), "--log10", "--csv");
        assertThat(z.status()).as(z.err()).isZero();
        assertThat(z.out().lines().filter(l -> l.contains(",10120,"))).singleElement().asString()
                .startsWith("2026-01-15T00:00:00Z,10120,0.5").endsWith(",4,1.0000,log10(mg m⁻³)");
    }

    /**
     * The OISST file cut in half keeps its header and the first days: those import, the rest is
     * reported as skipped. A grid of nothing but fill imports with a warning that it has no values.
     */
    @Test
    void aTruncatedGridImportsItsCompleteDaysAndAnAllFillGridSaysSo() throws Exception {
        Path ws = workspace();
        Path dir = TestData.tempDir("partial");
        byte[] bytes = Files.readAllBytes(TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"));
        Path cut = dir.resolve("cut.nc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path fill = dir.resolve("fill.csv");
        Files.writeString(fill, "time,latitude,longitude,sst\nUTC,degrees_north,degrees_east,degree_C\n"
                + "2026-01-15T00:00:00Z,-12.0,-78.0,NaN\n2026-01-15T00:00:00Z,-12.0,-77.75,NaN\n");
        CliTest.Run r = CliTest.run("import", cut.toString(), fill.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("cut.nc: satellite").contains("skipped").contains("truncated")
                .contains("fill.csv: satellite").contains("no valid value of sst");
        try (Workspace w = Workspace.open(ws)) {
            var days = w.zonal("sst").stream().filter(z -> z.nValid() > 0).map(z -> z.timeUtc()).distinct().count();
            // each day of 49 × 49 float32 takes 9,604 bytes of the 2nd half: about 22 complete days remain
            assertThat(days).isBetween(15L, 45L);
            assertThat(w.imports()).filteredOn(i -> i.fileName().equals("cut.nc")).singleElement()
                    .satisfies(i -> assertThat(i.warnings()).isPositive());
        }
    }

    /**
     * Importing the same content again must not count it twice: a grid or a sonar file imported the
     * same way is skipped with a message; a sonar file imported another way (here into a survey)
     * replaces its earlier cells, and the earlier import is marked superseded instead of claiming cells
     * that are gone.
     */
    @Test
    void theSameFileImportedAgainIsNotCountedTwice() throws Exception {
        Path ws = workspace();
        Path nc = TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        Path raw = TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
        assertThat(CliTest.run("import", nc.toString(), raw.toString(), "--workspace", ws.toString()).status()).isZero();
        int cells;
        try (Workspace w = Workspace.open(ws)) {
            cells = w.nascCells().size();
            assertThat(cells).isPositive();
        }
        CliTest.Run again = CliTest.run("import", nc.toString(), raw.toString(), "--workspace", ws.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("already imported (import 1 of oisst_v21_peru_2026-01-01_2026-02-15.nc")
                .contains("already imported (import 2 of DY1201_EK60-D20120214-T231011.raw");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.zonal("sst")).hasSize(46 * 930);
            assertThat(w.nascCells()).hasSize(cells);
            assertThat(w.imports()).filteredOn(i -> i.kind().equals("sonar")).hasSize(1);
        }
        CliTest.Run inSurvey = CliTest.run("import", raw.toString(), "--workspace", ws.toString(), "--survey", "2012-DY");
        assertThat(inSurvey.status()).as(inSurvey.err()).isZero();
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.nascCells()).hasSize(cells);
            var sonar = w.imports().stream().filter(i -> i.kind().equals("sonar")).toList();
            assertThat(sonar).hasSize(2);
            assertThat(sonar.get(0).supersededBy()).isEqualTo(sonar.get(1).id());
            assertThat(sonar.get(1).superseded()).isFalse();
            assertThat(sonar.get(1).survey()).isEqualTo("2012-DY");
            assertThat(w.surveys()).extracting(pe.cardumen.workspace.SurveyInfo::id).containsExactly("2012-DY");
        }
        assertThat(CliTest.run("workspace", "info", ws.toString()).out()).contains("(superseded by #3)");
    }
}
