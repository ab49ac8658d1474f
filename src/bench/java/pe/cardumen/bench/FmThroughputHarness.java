package pe.cardumen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pe.cardumen.acoustics.BroadbandSpectrum;
import pe.cardumen.acoustics.CalibratedPing;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.Ek80Calibration;
import pe.cardumen.acoustics.SvCalibrator;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Speed of EK80 FM processing on the real WBT Mini file (12 pings: 515 samples × 3 sectors at 38 kHz,
 * 2,059 × 1 at 200 kHz): decode + pulse compression + Sv of every ping, repeated, and Sv(f) of the
 * seabed region (101 frequencies). A documented harness, not JMH: the file is read {@code N} times after
 * as many warm-up reads ({@code ./mvnw -Pbench -DskipTests package exec:exec
 * -Dbench.main=pe.cardumen.bench.FmThroughputHarness -Dbench=200}).
 */
public final class FmThroughputHarness {
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path file = Path.of(System.getProperty("cardumen.sampleData", "sample-data"), "echosounder/EK80-WBTMini-FM.raw");
        long size = Files.size(file);
        long[] samples = {0};
        List<CalibratedPing> last = new ArrayList<>();
        Ek80Calibration[] cal = {null};
        BroadbandSpectrum.Terms[] terms = {null};
        for (int round = 0; round < 2; round++) {
            long pings = 0;
            samples[0] = 0;
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                last.clear();
                SvCalibrator[] self = {null};
                self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> true, cp -> {
                    samples[0] += cp.svDb().length;
                    if (cp.ping().channel() == 2) {
                        last.add(cp);
                        if (cal[0] == null) {
                            cal[0] = self[0].ek80(cp.channel(), cp.ping());
                            terms[0] = self[0].broadbandTerms(cp.channel(), cp.ping());
                        }
                    }
                }, null);
                new SimradRawReader().read(file, self[0], ProgressListener.NONE, CancellationToken.NONE);
                pings += 12;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s decode + pulse compression + Sv, both channels: %.1f MB/s, %,.0f pings/s, %,.0f samples/s (%d reads, %.2f s)%n",
                    round == 0 ? "warm-up" : "measured", size * (double) repeats / 1048576 / s, pings / s, samples[0] / s, repeats, s);
        }
        // per ping, without the file's fixed costs (XML configuration, filters): compression + Sv of the pings read
        List<pe.cardumen.domain.sonar.Ping> raw = new ArrayList<>();
        List<Ek80Calibration> cals = new ArrayList<>();
        SvCalibrator[] self = {null};
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> true, cp -> {
            raw.add(cp.ping());
            cals.add(self[0].ek80(cp.channel(), cp.ping()));
        }, null);
        new SimradRawReader().read(file, self[0], ProgressListener.NONE, CancellationToken.NONE);
        long bytes = 0;
        for (var p : raw) {
            bytes += 4L * p.complex().length;
        }
        for (int round = 0; round < 2; round++) {
            int loops = 500;
            double check = 0;
            long t0 = System.nanoTime();
            for (int l = 0; l < loops; l++) {
                for (int i = 0; i < raw.size(); i++) {
                    float[] sv = cals.get(i).svDb(raw.get(i));
                    check += sv[sv.length / 2];
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s pulse compression + Sv per ping (calibration built): %.1f MB/s of complex samples, %,.0f pings/s "
                    + "(%d × %d pings, %.2f s, checksum %.1f)%n", round == 0 ? "warm-up" : "measured", bytes * (double) loops / 1048576 / s,
                    raw.size() * (double) loops / s, loops, raw.size(), s, check);
        }
        double dz = cal[0].base().sampleThicknessM();
        int from = (int) Math.ceil((12 - cal[0].rangeM(0)) / dz);
        int to = (int) Math.floor((15 - cal[0].rangeM(0)) / dz);
        double[] f = BroadbandSpectrum.sweep(last.get(0).ping(), 101);
        BroadbandSpectrum.Spectrum spectrum = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            spectrum = BroadbandSpectrum.sv(last, cal[0], terms[0], from, to, f);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "Sv(f) of 12–15 m over 6 pings of 200 kHz (%d windows of %d samples × 101 frequencies): best of 20 %.1f ms%n",
                spectrum.windows(), BroadbandSpectrum.windowSamples(cal[0]), best / 1e6);
    }
}
