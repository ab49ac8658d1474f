package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarTime;
import pe.cardumen.geo.Geodesy;

class EchoIntegrationTest {
    private static final long T0 = SonarTime.toTicks(java.time.Instant.parse("2024-03-01T12:00:00Z"));
    private static final long SECOND = 10_000_000L;

    private static Path dy1201(boolean withBot) throws Exception {
        Path dir = TestData.tempDir("integration");
        Path src = TestData.referenceData().resolve("echosounder");
        Files.copy(src.resolve("DY1201_EK60-D20120214-T231011.raw"), dir.resolve("DY1201_EK60-D20120214-T231011.raw"));
        if (withBot) {
            Files.copy(src.resolve("DY1201_EK60-D20120214-T231011.bot"), dir.resolve("DY1201_EK60-D20120214-T231011.bot"));
        }
        return dir.resolve("DY1201_EK60-D20120214-T231011.raw");
    }

    /**
     * Hand-computed: dz = 0.5 m, transducer at 0 m, Sv = −50 dB (sv = 10⁻⁵ m⁻¹) in every sample; layer
     * 10–20 m holds the samples with (i − 1)·0.5 in [10, 20): i = 21…40, 20 samples.
     * sa = 20 × 10⁻⁵ × 0.5 = 10⁻⁴; NASC = 4π·1852²·10⁻⁴ = 12.56637 × 3,429,904 × 10⁻⁴ = 4310.14 m² nmi⁻²
     * for every ping, so for the interval too. One sample below −70 dB counts as zero: 19 samples → 4094.64.
     */
    @Test
    void handComputedCell() {
        IntegrationSettings s = IntegrationSettings.DEFAULT.withInterval(0).withLayers(10, 30, 10).withNearField(0).withBottomExclusion(false);
        EchoIntegration e = new EchoIntegration(s, BottomDetector.DEFAULT);
        float[] sv = new float[100];
        Arrays.fill(sv, -50f);
        e.addPing(T0, sv, 0.5, 0, Double.NaN);
        float[] weak = sv.clone();
        weak[30] = -80f;
        e.addPing(T0 + SECOND, weak, 0.5, 0, Double.NaN);
        List<IntegrationCell> cells = e.cells(null);
        assertThat(cells).hasSize(4);
        IntegrationCell first = cells.get(0);
        assertThat(first.depthMinM()).isEqualTo(10);
        assertThat(first.depthMaxM()).isEqualTo(20);
        assertThat(first.samples()).isEqualTo(20);
        assertThat(first.nascM2PerNmi2()).isCloseTo(4 * Math.PI * 1852 * 1852 * 1e-4, within(1e-6));
        assertThat(first.nascM2PerNmi2()).isCloseTo(4310.14, within(0.01));
        assertThat(first.svMeanDb()).isCloseTo(-50, within(1e-9));
        IntegrationCell weakCell = cells.get(2);
        assertThat(weakCell.interval()).isEqualTo(1);
        assertThat(weakCell.nascM2PerNmi2()).isCloseTo(4094.64, within(0.01));
        // Sv_mean keeps the zeroed sample in its count: 10·log10(19·10⁻⁵ / 20)
        assertThat(weakCell.svMeanDb()).isCloseTo(10 * Math.log10(19e-5 / 20), within(1e-9));
    }

    @Test
    void bottomNearFieldAndSurfaceExclusions() {
        IntegrationSettings s = IntegrationSettings.DEFAULT.withInterval(0).withLayers(0, 40, 40);
        float[] sv = new float[100];
        Arrays.fill(sv, -50f);
        EchoIntegration e = new EchoIntegration(s.withNearField(0).withBottomExclusion(true), BottomDetector.DEFAULT);
        // recorded bottom at 20.25 m, margin 0.5: samples down to depth 19.75 m, i.e. (i − 1)·0.5 ≤ 19.75, i ≤ 40: i = 1…40
        e.addPing(T0, sv, 0.5, 0, 20.25);
        assertThat(e.cells(null).get(0).samples()).isEqualTo(40);
        EchoIntegration nf = new EchoIntegration(s.withNearField(3).withBottomExclusion(false), BottomDetector.DEFAULT);
        // range from the transducer (i − 1)·0.5 ≥ 3 m: i ≥ 7, and depth < 40: i ≤ 80 → 74 samples
        nf.addPing(T0, sv, 0.5, 0, Double.NaN);
        assertThat(nf.cells(null).get(0).samples()).isEqualTo(74);
        EchoIntegration surface = new EchoIntegration(s.withNearField(0).withBottomExclusion(false).withSurfaceExclusion(5), BottomDetector.DEFAULT);
        // depth ≥ 5 m: i ≥ 11 → 70 samples
        surface.addPing(T0, sv, 0.5, 0, Double.NaN);
        assertThat(surface.cells(null).get(0).samples()).isEqualTo(70);
    }

    @Test
    void detectedBottomFollowsTheLeadingEdgeOfTheBottomEcho() {
        float[] sv = new float[200];
        Arrays.fill(sv, -75f);
        for (int i = 120; i < 130; i++) {
            sv[i] = -20f + (i == 121 ? 5 : 0);
        }
        sv[119] = -24f; // within 10 dB of the −15 dB peak: part of the echo's leading edge
        sv[118] = -26f; // more than 10 dB below: not
        double[] depth = new double[200];
        for (int i = 0; i < 200; i++) {
            depth[i] = (i - 1) * 0.5 + 5;
        }
        assertThat(BottomDetector.DEFAULT.detect(sv, depth)).isEqualTo(depth[119]);
        Arrays.fill(sv, -60f);
        assertThat(BottomDetector.DEFAULT.detect(sv, depth)).isNaN();
    }

    /** DY1201 38 kHz per ping in one 10–100 m layer, no bottom, no near field: the reference NASC per ping. */
    @Test
    void perPingLayerMatchesTheReference() throws Exception {
        IntegrationSettings s = IntegrationSettings.DEFAULT.withInterval(0).withLayers(10, 100, 90).withNearField(0).withBottomExclusion(false);
        RawFileIntegrator.Result r = new RawFileIntegrator().integrate(List.of(dy1201(false)), 38, s, CalibrationOverrides.NONE, null,
                ProgressListener.NONE, CancellationToken.NONE);
        List<CSVRecord> ref = Ek60ReferenceTest.csv(TestData.referenceData().resolve("echosounder/expected/nasc/DY1201_EK60_38kHz_NASC_10-100m_per_ping.csv"));
        assertThat(r.cells()).hasSize(136);
        for (int k = 0; k < 136; k++) {
            double expected = Double.parseDouble(ref.get(k).get("nasc_m2nmi2"));
            assertThat(r.cells().get(k).nascM2PerNmi2()).isCloseTo(expected, within(expected * 1e-3));
        }
        assertThat(r.fixes()).isEqualTo(41);
        assertThat(r.cells().get(0).lat()).isCloseTo(54 + 45.9292 / 60, within(1e-3));
    }

    /** NASC·pings summed over intervals equals the per-ping sum, however the track is cut (here 0.002 nmi). */
    @Test
    void splittingIntoIntervalsConservesBackscatter() throws Exception {
        Path raw = dy1201(true);
        IntegrationSettings perPing = IntegrationSettings.DEFAULT.withInterval(0);
        IntegrationSettings cut = IntegrationSettings.DEFAULT.withInterval(0.002);
        RawFileIntegrator integrator = new RawFileIntegrator();
        var a = integrator.integrate(List.of(raw), 38, perPing, CalibrationOverrides.NONE, null, ProgressListener.NONE, CancellationToken.NONE);
        var b = integrator.integrate(List.of(raw), 38, cut, CalibrationOverrides.NONE, null, ProgressListener.NONE, CancellationToken.NONE);
        double sumA = a.cells().stream().mapToDouble(c -> c.nascM2PerNmi2() * c.pings()).sum();
        double sumB = b.cells().stream().mapToDouble(c -> c.nascM2PerNmi2() * c.pings()).sum();
        assertThat(sumB).isCloseTo(sumA, within(sumA * 1e-12));
        int intervals = (int) b.cells().stream().mapToInt(IntegrationCell::interval).distinct().count();
        assertThat(intervals).isGreaterThan(1).isLessThan(136);
        assertThat(a.bottomCounts()[0]).as("bottoms from the .bot file").isEqualTo(136);
    }

    @Test
    void theBottomFileRemovesTheSeabedEcho() throws Exception {
        // seabed ≈ 57 m (the .bot file): layers 50–60 m (holds the seabed echo) and 60–70 m (below it)
        IntegrationSettings s = IntegrationSettings.DEFAULT.withInterval(0).withLayers(50, 70, 10);
        var integrator = new RawFileIntegrator();
        var excluded = integrator.integrate(List.of(dy1201(true)), 38, s, CalibrationOverrides.NONE, null, ProgressListener.NONE, CancellationToken.NONE);
        var kept = integrator.integrate(List.of(dy1201(true)), 38, s.withBottomExclusion(false), CalibrationOverrides.NONE, null,
                ProgressListener.NONE, CancellationToken.NONE);
        var detected = integrator.integrate(List.of(dy1201(false)), 38, s, CalibrationOverrides.NONE, null, ProgressListener.NONE, CancellationToken.NONE);
        double[] ex = layerSums(excluded);
        double[] all = layerSums(kept);
        double[] det = layerSums(detected);
        System.out.printf("50–60 m / 60–70 m NASC sums: bottom from .bot %.0f / %.0f, detected %.0f / %.0f, no exclusion %.0f / %.0f%n",
                ex[0], ex[1], det[0], det[1], all[0], all[1]);
        assertThat(ex[1]).isZero();
        assertThat(all[1]).isGreaterThan(0);
        assertThat(ex[0]).isLessThan(all[0] * 0.1);
        assertThat(detected.bottomCounts()[1]).isEqualTo(136);
        assertThat(det[1]).isZero();
        assertThat(det[0]).isLessThan(all[0] * 0.1);
    }

    private static double[] layerSums(RawFileIntegrator.Result r) {
        double[] s = new double[2];
        for (IntegrationCell c : r.cells()) {
            s[c.layer()] += c.nascM2PerNmi2();
        }
        return s;
    }

    @Test
    void distanceIntervalsNeedPositions() {
        EchoIntegration e = new EchoIntegration(IntegrationSettings.DEFAULT, BottomDetector.DEFAULT);
        e.addPing(T0, new float[10], 0.2, 5, Double.NaN);
        assertThatThrownBy(() -> e.cells(null)).hasMessageContaining("no NMEA positions").hasMessageContaining("--per-ping");
    }

    @Test
    void trackInterpolatesAndMeasuresGeodesically() {
        Track t = new Track();
        t.add(T0, -12.0, -77.5);
        t.add(T0 + 600 * SECOND, -12.1, -77.5);
        double[] mid = t.at(T0 + 300 * SECOND);
        assertThat(mid[0]).isCloseTo(-12.05, within(1e-12));
        assertThat(t.at(T0 - 30 * SECOND)[0]).isEqualTo(-12.0);
        assertThat(t.at(T0 - 120 * SECOND)[0]).isNaN();
        double[] d = t.cumulativeDistanceNmi(new long[] {T0, T0 + 300 * SECOND, T0 + 600 * SECOND});
        assertThat(d[2]).isCloseTo(Geodesy.distanceNmi(-77.5, -12.0, -77.5, -12.1), within(1e-9));
        // 0.1° of latitude at 12°S ≈ 5.97 nmi
        assertThat(d[2]).isCloseTo(5.97, within(0.01));
    }

    @Test
    void cellsAreInvariantToPingOrderWithinAnInterval() {
        long seed = 7;
        System.out.println("cellsAreInvariantToPingOrder seed " + seed);
        Random random = new Random(seed);
        IntegrationSettings s = IntegrationSettings.DEFAULT.withInterval(0.5).withNearField(0).withBottomExclusion(false);
        float[][] pings = new float[20][300];
        for (float[] p : pings) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (-90 + 60 * random.nextDouble());
            }
        }
        EchoIntegration a = new EchoIntegration(s, BottomDetector.DEFAULT);
        EchoIntegration b = new EchoIntegration(s, BottomDetector.DEFAULT);
        for (EchoIntegration e : List.of(a, b)) {
            e.addFix(T0, -12, -78);
            e.addFix(T0 + 100 * SECOND, -12.05, -78);
        }
        for (int k = 0; k < 20; k++) {
            a.addPing(T0 + k * 5 * SECOND, pings[k], 0.4, 5, Double.NaN);
        }
        for (int k = 19; k >= 0; k--) {
            b.addPing(T0 + k * 5 * SECOND, pings[k], 0.4, 5, Double.NaN);
        }
        assertThat(b.cells(null)).isEqualTo(a.cells(null));
    }

    /** BOT0 datagrams written into the raw file itself (before their ping) give the bottom too. */
    @Test
    void bottomDatagramsInsideTheRawFileAreUsed() throws Exception {
        Path dir = TestData.tempDir("bot0");
        byte[] raw = Files.readAllBytes(TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw"));
        byte[] bot = Files.readAllBytes(TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.bot"));
        java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bot).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // BOT0 datagrams by time, then write each before the first RAW0 of the same time
        java.util.Map<Long, byte[]> bottoms = new java.util.HashMap<>();
        for (int pos = b.getInt(0) + 8; pos < bot.length; pos += b.getInt(pos) + 8) {
            long t = b.getLong(pos + 8);
            bottoms.put(t, java.util.Arrays.copyOfRange(bot, pos, pos + b.getInt(pos) + 8));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int pos = 0; pos < raw.length; pos += r.getInt(pos) + 8) {
            long t = r.getLong(pos + 8);
            byte[] d = bottoms.remove(t);
            if (d != null) {
                out.write(d);
            }
            out.write(raw, pos, r.getInt(pos) + 8);
        }
        Path merged = dir.resolve("with-bot0.raw");
        Files.write(merged, out.toByteArray());
        var result = new RawFileIntegrator().integrate(List.of(merged), 38, IntegrationSettings.DEFAULT.withInterval(0), CalibrationOverrides.NONE,
                null, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(result.bottomCounts()[0]).as("pings whose bottom came from BOT0").isEqualTo(136);
    }
}
