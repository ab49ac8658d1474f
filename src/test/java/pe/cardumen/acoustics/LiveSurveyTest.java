package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;

/**
 * Live echo-integration: a real EK60 file written datagram by datagram (each datagram in two writes,
 * so that polls see half-written ones) by another thread while the survey is polled; the live result
 * must equal the batch result of the finished file, and a finished interval must never change.
 */
class LiveSurveyTest {
    private static final Path RAW = TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
    private static final IntegrationSettings SETTINGS = IntegrationSettings.DEFAULT.withInterval(0.002); // DY1201 drifts 0.01 nmi in its 136 pings

    @Test
    void aFileWrittenWhileItIsFollowedGivesTheBatchCells() throws Exception {
        byte[] raw = Files.readAllBytes(RAW);
        Path dir = TestData.tempDir("live-one");
        Path growing = dir.resolve("D20120214-T231011.raw");
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
                int i = 0;
                for (long[] d : TestData.rawDatagrams(raw)) {
                    int half = (int) (d[1] / 2);
                    out.write(raw, (int) d[0], half);
                    out.flush();
                    if (i++ % 25 == 0) {
                        Thread.sleep(1);
                    }
                    out.write(raw, (int) d[0] + half, (int) d[1] - half);
                    out.flush();
                }
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                done.set(true);
            }
        }, "sounder");
        LiveSurvey live = new LiveSurvey(dir, 38, SETTINGS, c -> CalibrationOverrides.NONE, null);
        writer.start();
        List<LiveSurvey.Snapshot> snapshots = new ArrayList<>();
        int pingsSeen = 0;
        while (!done.get()) {
            LiveSurvey.Snapshot s = live.poll(CancellationToken.NONE);
            pingsSeen += s.newPings().size();
            snapshots.add(s);
            Thread.sleep(3);
        }
        writer.join();
        assertThat(failed.get()).isNull();
        LiveSurvey.Snapshot last = live.poll(CancellationToken.NONE);
        pingsSeen += last.newPings().size();
        assertThat(snapshots.size()).as("polls while the file grew").isGreaterThan(3);
        // never misread as truncated or corrupted while growing
        assertThat(last.warnings()).isEmpty();
        assertThat(pingsSeen).isEqualTo(136);

        Path copy = TestData.tempDir("live-batch").resolve("D20120214-T231011.raw");
        Files.write(copy, raw);
        RawFileIntegrator.Result batch = new RawFileIntegrator().integrate(List.of(copy), 38, SETTINGS, CalibrationOverrides.NONE, null,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(last.pings()).isEqualTo(batch.pings());
        assertThat(last.fixes()).isEqualTo(batch.fixes());
        assertThat(last.cells()).isEqualTo(batch.cells());
        assertThat(batch.cells().stream().mapToInt(IntegrationCell::interval).distinct().count()).as("several intervals").isGreaterThan(3);
        // a finished interval never changes afterwards
        for (LiveSurvey.Snapshot s : snapshots) {
            for (IntegrationCell c : s.finishedCells()) {
                assertThat(batch.cells()).contains(c);
            }
        }
        assertThat(snapshots.stream().mapToInt(LiveSurvey.Snapshot::finishedIntervals).max().orElse(0)).isPositive();
    }

    @Test
    void distanceIntervalsContinueAcrossTheFilesOfASurvey() throws Exception {
        Path dir = TestData.tempDir("live-two");
        Path a = dir.resolve("D20120214-T231011.raw");
        Path b = dir.resolve("D20120214-T231500.raw");
        // the sounder starts a new file: the configuration datagram again, then the rest of the pings
        TestData.splitRaw(Files.readAllBytes(RAW), a, b);
        LiveSurvey live = new LiveSurvey(dir, 38, SETTINGS, c -> CalibrationOverrides.NONE, null);
        LiveSurvey.Snapshot s = live.poll(CancellationToken.NONE);
        RawFileIntegrator.Result batch = new RawFileIntegrator().integrate(List.of(a, b), 38, SETTINGS, CalibrationOverrides.NONE, null,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(s.files()).containsExactly(a, b);
        assertThat(s.cells()).isEqualTo(batch.cells());
        assertThat(live.pingSpan(a)[1]).isLessThan(live.pingSpan(b)[0]);
        // an interval spans the two files: its pings come from both
        assertThat(s.cells().stream().filter(c -> c.timeStart().isBefore(pe.cardumen.domain.sonar.SonarTime.toInstant(live.pingSpan(b)[0]))
                && !c.timeEnd().isBefore(pe.cardumen.domain.sonar.SonarTime.toInstant(live.pingSpan(b)[0])))).isNotEmpty();
        assertThat(s.speedKnots()).isBetween(0.0, 20.0);
    }

    @Test
    void aCorruptedDatagramIsReportedWithItsOffsetAndWhatCameBeforeIsKept() throws Exception {
        byte[] raw = Files.readAllBytes(RAW);
        List<long[]> d = TestData.rawDatagrams(raw);
        long at = d.get(d.size() / 3)[0];
        byte[] broken = raw.clone();
        ByteBuffer.wrap(broken).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at, 0x7FFFFFF0);
        Path dir = TestData.tempDir("live-broken");
        Files.write(dir.resolve("D20120214-T231011.raw"), broken);
        LiveSurvey live = new LiveSurvey(dir, 38, SETTINGS, c -> CalibrationOverrides.NONE, null);
        LiveSurvey.Snapshot s = live.poll(CancellationToken.NONE);
        assertThat(s.pings()).isBetween(20, 120);
        assertThat(s.warnings()).singleElement().asString().contains(String.format(java.util.Locale.ROOT, "byte %,d: datagram length", at))
                .contains("corrupted");
        // polling again neither repeats nor loses anything
        assertThat(live.poll(CancellationToken.NONE).pings()).isEqualTo(s.pings());
    }
}
