package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/** {@code cardumen sonar info|sv} on the real files. */
class SonarCliTest {
    private static Path raw(String name) {
        return TestData.referenceData().resolve("echosounder").resolve(name);
    }

    @Test
    void infoDescribesAnEk60File() throws Exception {
        CliTest.Run r = CliTest.run("sonar", "info", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("sounder").asText()).isEqualTo("ER60 2.2.1");
        assertThat(n.get("channels")).hasSize(5);
        JsonNode ch2 = n.get("channels").get(1);
        assertThat(ch2.get("frequency_hz").asDouble()).isEqualTo(38000);
        assertThat(ch2.get("pings").asInt()).isEqualTo(136);
        assertThat(ch2.get("beam_type").asText()).isEqualTo("split");
        assertThat(ch2.get("pulse_lengths_s").get(0).asDouble()).isEqualTo(0.001024);
        assertThat(ch2.get("time_start_utc").asText()).isEqualTo("2012-02-14T23:10:11.298575100Z");
        assertThat(n.get("datagrams").get("RAW0").asInt()).isEqualTo(680);
        assertThat(n.get("positions").get("valid_fixes").asInt()).isEqualTo(41);
        assertThat(n.get("positions").get("lat_min").asDouble()).isBetween(54.7, 54.8);
        assertThat(n.get("warnings")).isEmpty();
    }

    @Test
    void infoReadsAnEk80File() throws Exception {
        CliTest.Run r = CliTest.run("sonar", "info", raw("EK80_-D20221108-T151353.raw").toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("sounder").asText()).isEqualTo("EK80 2.0.1.0");
        assertThat(n.get("channels")).hasSize(5);
        assertThat(n.get("channels").get(0).get("complex_sectors").asInt()).isEqualTo(4);
        assertThat(n.get("datagrams").get("FIL1").asInt()).isEqualTo(10);
    }

    @Test
    void svPrintsTheCalibratedSamplesOfTheChosenPings() throws Exception {
        CliTest.Run r = CliTest.run("sonar", "sv", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--pings", "3-4", "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ping_index,ping_time_utc,sample_index,range_m,depth_m,sv_db");
        assertThat(lines).hasSize(1 + 2 * 994);
        // ping 3, sample 200 against the pyEcholab reference (ch2_38kHz_Sv_first5.csv)
        String[] f = lines.get(1 + 200).split(",");
        assertThat(f[0]).isEqualTo("3");
        String[] refRow = Files.readAllLines(raw("expected/DY1201_EK60-D20120214-T231011/ch2_38kHz_Sv_first5.csv")).get(4).split(",");
        assertThat(refRow[0]).isEqualTo("3");
        assertThat(f[1]).startsWith(refRow[1].replace("Z", ""));
        String ref = refRow[3 + 200];
        assertThat(Double.parseDouble(f[5])).isCloseTo(Double.parseDouble(ref), within(1e-3));
        // range (i − 1)·dz and depth = range + 9.15 m transducer depth
        assertThat(Double.parseDouble(f[3])).isCloseTo(199 * 0.185062406, within(1e-3));
        assertThat(Double.parseDouble(f[4])).isCloseTo(199 * 0.185062406 + 9.15, within(1e-3));
    }

    @Test
    void svOfAnEk80ComplexFileMatchesTheReference() throws Exception {
        CliTest.Run r = CliTest.run("sonar", "sv", raw("EK80_-D20221108-T151353.raw").toString(), "--channel", "120", "--pings", "1", "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        String[] ref = Files.readAllLines(raw("expected/EK80_-D20221108-T151353/ch3_120kHz_CW_Sv_first5.csv")).get(2).split(",");
        assertThat(lines).hasSize(1 + Integer.parseInt(ref[2]));
        String[] early = lines.get(1 + 5).split(",", -1);
        assertThat(early[5]).as("inside the transmit pulse the range is not positive").isEmpty();
        String[] f = lines.get(1 + 1000).split(",", -1);
        assertThat(Double.parseDouble(f[5])).isCloseTo(Double.parseDouble(ref[3 + 1000]), within(1e-3));
        // range i·dz − c·τ/4 with dz = 1502 × 12 µs / 2 and τ = 256 µs; depth adds the 5.87 m transducer offset
        assertThat(Double.parseDouble(f[3])).isCloseTo(1000 * 0.009012 - 1502 * 0.000256 / 4, within(1e-3));
        assertThat(Double.parseDouble(f[4]) - Double.parseDouble(f[3])).isCloseTo(5.87, within(1e-3));
    }

    @Test
    void calibrationOverridesChangeSvByTheExpectedAmount() throws Exception {
        String file = raw("DY1201_EK60-D20120214-T231011.raw").toString();
        double base = Double.parseDouble(CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0").out().lines().skip(301).findFirst().orElseThrow().split(",")[5]);
        // Sv falls by 2 dB when the gain rises by 1 dB (G0² in the equation) and by 2 dB per dB of Sa correction
        double gain = Double.parseDouble(CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0", "--gain", "23.88").out().lines().skip(301).findFirst().orElseThrow().split(",")[5]);
        double sa = Double.parseDouble(CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0", "--sa-correction", "-0.11").out().lines().skip(301).findFirst().orElseThrow().split(",")[5]);
        assertThat(base - gain).isCloseTo(2.0, within(2e-4));
        assertThat(base - sa).isCloseTo(1.0, within(2e-4));
    }

    @Test
    void fmChannelsAreDescribedCalibratedAndGiveSpectra() throws Exception {
        String file = raw("EK80-WBTMini-FM.raw").toString();
        JsonNode n = new ObjectMapper().readTree(CliTest.run("sonar", "info", file, "--json").out());
        assertThat(n.get("channels").get(0).get("pulse_form").asText()).isEqualTo("FM");
        assertThat(n.get("channels").get(0).get("fm_sweep_hz").get(0).asDouble()).isEqualTo(34000);
        assertThat(n.get("channels").get(1).get("fm_sweep_hz").get(1).asDouble()).isEqualTo(230000);
        assertThat(CliTest.run("sonar", "info", file).out()).contains("38 kHz, FM 34–45 kHz, 6 pings");
        // Sv of ping 0, sample 289 (the seabed peak): pyEcholab gives −1.35030 dB
        CliTest.Run sv = CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0");
        assertThat(sv.status()).as(sv.err()).isZero();
        String[] row = sv.out().lines().skip(1 + 289).findFirst().orElseThrow().split(",");
        assertThat(row[2]).isEqualTo("289");
        assertThat(Double.parseDouble(row[5])).isCloseTo(-1.35030, within(0.01));
        CliTest.Run svf = CliTest.run("sonar", "spectrum", file, "--channel", "200", "--range", "12:15", "--frequencies", "41");
        assertThat(svf.status()).as(svf.err()).isZero();
        List<String> lines = svf.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("frequency_hz,sv_db");
        assertThat(lines).hasSize(42);
        assertThat(lines.get(1)).startsWith("190000.0,");
        assertThat(lines.get(41)).startsWith("230000.0,");
        assertThat(svf.err()).contains("Sv(f) of EK80-WBTMini-FM.raw, 6 ping(s)");
        CliTest.Run ts = CliTest.run("sonar", "spectrum", file, "--channel", "38", "--range", "12:15", "--ts");
        assertThat(ts.out().lines().findFirst().orElseThrow()).isEqualTo("frequency_hz,ts_db");
        assertThat(ts.err()).contains("TS(f)", "mean range 13.65 m");
        CliTest.Run cw = CliTest.run("sonar", "spectrum", raw("EK80_-D20221108-T151353.raw").toString(), "--channel", "38", "--range", "1:5");
        assertThat(cw.status()).isEqualTo(1);
        assertThat(cw.err()).contains("spectra need FM (broadband) pings");
        CliTest.Run badRange = CliTest.run("sonar", "spectrum", file, "--channel", "38", "--range", "15:12");
        assertThat(badRange.err()).contains("--range '15:12' is not FROM:TO in metres");
    }

    @Test
    void svAsNetcdfWritesEveryChannelOfATruncatedFileToo() throws Exception {
        Path dir = TestData.tempDir("sv-netcdf-cli");
        byte[] raw = Files.readAllBytes(raw("DY1201_EK60-D20120214-T231011.raw"));
        Path cut = dir.resolve("cut.raw");
        Files.write(cut, java.util.Arrays.copyOf(raw, raw.length / 2 + 123));
        Path out = dir.resolve("cut.nc");
        CliTest.Run r = CliTest.run("sonar", "sv", cut.toString(), "--format", "netcdf", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: byte ").contains("cut.raw: Sv of 5 channel(s) ×");
        try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(out)) {
            assertThat(h.getDatasetByPath("Sv").getDimensions()[0]).isEqualTo(5);
        }
        CliTest.Run one = CliTest.run("sonar", "sv", cut.toString(), "--format", "netcdf", "--out", out.toString(), "--channel", "120");
        assertThat(one.err()).contains("Sv of 1 channel(s)");
        assertThat(CliTest.run("sonar", "sv", cut.toString(), "--format", "netcdf").err()).contains("--format netcdf needs --out FILE.nc");
        assertThat(CliTest.run("sonar", "sv", cut.toString(), "--format", "zarr", "--out", out.toString()).err()).contains("--format zarr: give csv or netcdf");
        assertThat(CliTest.run("sonar", "sv", cut.toString()).err()).contains("--channel is required for CSV output");
    }

    @Test
    void watchPrintsTheCellsOfIntegrateAndImportsEachFileIntoTheSurvey() throws Exception {
        // two files of one survey, the second starting with the configuration again
        Path dir = TestData.tempDir("watch-cli");
        Path a = dir.resolve("D20120214-T231011.raw");
        Path b = dir.resolve("D20120214-T231500.raw");
        TestData.splitRaw(Files.readAllBytes(raw("DY1201_EK60-D20120214-T231011.raw")), a, b);
        Path ws = TestData.tempDir("watch-cli-ws").resolve("w.cardumen.gpkg");
        try (pe.cardumen.workspace.Workspace w = pe.cardumen.workspace.Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), pe.cardumen.domain.CancellationToken.NONE);
        }
        CliTest.Run watch = CliTest.run("sonar", "watch", dir.toString(), "--channel", "38", "--interval", "0.002nmi", "--every", "0.1",
                "--stop-when-idle", "0", "--workspace", ws.toString(), "--survey", "DY1201");
        assertThat(watch.status()).as(watch.err()).isZero();
        CliTest.Run batch = CliTest.run("sonar", "integrate", a.toString(), b.toString(), "--channel", "38", "--interval", "0.002nmi",
                "--workspace", ws.toString());
        // the same cells, intervals continuing across the two files
        assertThat(watch.out().lines().sorted().toList()).isEqualTo(batch.out().lines().sorted().toList());
        assertThat(watch.err()).contains("2 file(s), 136 pings").contains("speed 0.3 kn") // the last VTG of the file: $GPVTG,081,T,066,M,00.3,N,00.6,K,A
                .contains("D20120214-T231011.raw: ").contains("cells imported into survey DY1201");
        try (pe.cardumen.workspace.Workspace w = pe.cardumen.workspace.Workspace.open(ws)) {
            assertThat(w.imports()).hasSize(2).allMatch(i -> i.kind().equals("sonar"));
            assertThat(w.nascCells("DY1201")).hasSize((int) batch.out().lines().count() - 1);
        }
        CliTest.Run missing = CliTest.run("sonar", "watch", dir.resolve("nope").toString(), "--channel", "38");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("is not a folder");
    }

    @Test
    void errorsNameTheFileAndWhatToDo() {
        CliTest.Run noChannel = CliTest.run("sonar", "sv", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "50");
        assertThat(noChannel.status()).isEqualTo(1);
        assertThat(noChannel.err()).contains("has no 50 kHz channel; it has [18, 38, 70, 120, 200] kHz");
        assertThat(noChannel.out()).as("no CSV header for a refused file").isEmpty();
        CliTest.Run badRange = CliTest.run("sonar", "sv", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--pings", "9-2");
        assertThat(badRange.status()).isEqualTo(1);
        assertThat(badRange.err()).contains("--pings '9-2' is not a range");
        CliTest.Run badSpeed = CliTest.run("sonar", "sv", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--sound-speed", "14.5");
        assertThat(badSpeed.status()).isEqualTo(1);
        assertThat(badSpeed.err()).contains("sound speed 14.5 m/s is outside");
    }

    @Test
    void integratePerPingMatchesTheReferenceNascAndMeanSv() throws Exception {
        CliTest.Run r = CliTest.run("sonar", "integrate", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--per-ping",
                "--layers", "10:100:90", "--threshold", "-70", "--no-bottom", "--near-field", "0", "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("interval,layer,time_start_utc,time_end_utc,lat,lon,depth_min_m,depth_max_m,sv_mean_db,nasc_m2_per_nmi2,n_pings,zone");
        assertThat(lines).hasSize(137);
        List<String> ref = Files.readAllLines(raw("expected/nasc/DY1201_EK60_38kHz_NASC_10-100m_per_ping.csv"));
        for (int k = 1; k <= 136; k++) {
            String[] f = lines.get(k).split(",", -1);
            String[] e = ref.get(k).split(",");
            assertThat(Double.parseDouble(f[9])).isCloseTo(Double.parseDouble(e[2]), within(Double.parseDouble(e[2]) * 1e-3));
            // mean Sv of the layer (the reference's pyEcholab integrator)
            assertThat(Double.parseDouble(f[8])).isCloseTo(Double.parseDouble(e[9]), within(0.01));
        }
        assertThat(r.err()).contains("136 pings, 41 position fixes");
    }

    @Test
    void integrateDefaultsGiveOneMileIntervalsWithTenMetreLayers() {
        CliTest.Run r = CliTest.run("sonar", "integrate", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        // 40 s at under 1 knot: one interval; 10–250 m in 10 m layers: 24 cells
        assertThat(r.out().lines().count()).isEqualTo(1 + 24);
        assertThat(r.err()).contains("bottom: 136 recorded");
        CliTest.Run bad = CliTest.run("sonar", "integrate", raw("DY1201_EK60-D20120214-T231011.raw").toString(), "--channel", "38", "--layers", "10-250");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("must be top:bottom:thickness");
    }

    @Test
    void anEchoviewCalibrationFileOverridesTheFilesCalibration() throws Exception {
        String file = raw("DY1201_EK60-D20120214-T231011.raw").toString();
        Path ecs = Path.of("src/test/resources/fixtures/acoustic/dy1201-recal.ecs");
        String base = CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0", "--sound-speed", "1480").out();
        CliTest.Run withEcs = CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0", "--ecs", ecs.toString());
        assertThat(withEcs.status()).as(withEcs.err()).isZero();
        double a = Double.parseDouble(base.lines().skip(301).findFirst().orElseThrow().split(",")[5]);
        double b = Double.parseDouble(withEcs.out().lines().skip(301).findFirst().orElseThrow().split(",")[5]);
        // the same sound speed (FileSet); the SourceCal section for 38 kHz adds 1 dB of gain: Sv falls by 2 dB
        assertThat(a - b).isCloseTo(2.0, within(2e-4));
        // the explicit option wins over the file
        CliTest.Run both = CliTest.run("sonar", "sv", file, "--channel", "38", "--pings", "0", "--ecs", ecs.toString(), "--gain", "22.88");
        assertThat(Double.parseDouble(both.out().lines().skip(301).findFirst().orElseThrow().split(",")[5])).isCloseTo(a, within(1e-4));
        Path broken = TestData.tempDir("ecs").resolve("bad.ecs");
        Files.writeString(broken, "SourceCal T1\nGain = high\n");
        CliTest.Run bad = CliTest.run("sonar", "sv", file, "--channel", "38", "--ecs", broken.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("bad.ecs, line 2: Gain = 'high' is not a number");
    }
}
