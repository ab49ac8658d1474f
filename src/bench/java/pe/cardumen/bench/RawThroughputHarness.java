package pe.cardumen.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.CalibrationParameters;
import pe.cardumen.acoustics.Ek60Calibration;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Throughput and memory of the raw-file pipeline on a large file (a documented harness rather than JMH:
 * each measurement is one pass over a file of hundreds of MB).
 *
 * <p>Builds {@code target/bench/big.raw} of the requested size by repeating the pings and NMEA
 * datagrams of the real DY1201 file with times shifted by the file's duration at every repetition, then
 * measures (1) decode only, (2) decode + calibration of every sample of every channel to Sv, (3)
 * echo-integration of the 38 kHz channel with the default settings and bottom detection, and prints the
 * peak heap. Run it with a small heap to check that memory stays bounded:
 * {@code ./mvnw -Pbench -DskipTests package exec:exec -Dbench.main=pe.cardumen.bench.RawThroughputHarness -Dbench=1024 -Dbench.xmx=512m}
 * (the argument is the file size in MB).
 */
public final class RawThroughputHarness {
    public static void main(String[] args) throws Exception {
        long targetMb = args.length > 0 ? Long.parseLong(args[0]) : 600;
        Path src = Path.of(System.getProperty("cardumen.sampleData", "sample-data"), "echosounder/DY1201_EK60-D20120214-T231011.raw");
        Path big = Path.of("target/bench/big.raw");
        Files.createDirectories(big.getParent());
        long t0 = System.nanoTime();
        build(src, big, targetMb * 1024 * 1024);
        long size = Files.size(big);
        System.out.printf(Locale.ROOT, "built %s: %,d bytes in %.1f s%n", big, size, (System.nanoTime() - t0) / 1e9);

        SimradRawReader reader = new SimradRawReader();
        long[] pings = {0};
        long t1 = System.nanoTime();
        RawReadSummary s = reader.read(big, new RawFileHandler() {
            @Override
            public void ping(Ping p) {
                pings[0]++;
            }
        }, ProgressListener.NONE, CancellationToken.NONE);
        report("decode", size, pings[0], System.nanoTime() - t1);

        List<SonarChannel> channels = new ArrayList<>();
        double[] checksum = {0};
        pings[0] = 0;
        long t2 = System.nanoTime();
        reader.read(big, new RawFileHandler() {
            @Override
            public void configuration(String sounder, List<SonarChannel> cs) {
                channels.clear();
                channels.addAll(cs);
            }

            @Override
            public void ping(Ping p) {
                float[] sv = Ek60Calibration.svDb(p, CalibrationParameters.ek60(channels.get(p.channel() - 1), p));
                checksum[0] += sv[sv.length / 2];
                pings[0]++;
            }
        }, ProgressListener.NONE, CancellationToken.NONE);
        report("decode + calibrate to Sv (all channels)", size, pings[0], System.nanoTime() - t2);

        long t3 = System.nanoTime();
        RawFileIntegrator.Result r = new RawFileIntegrator().integrate(List.of(big), 38, IntegrationSettings.DEFAULT, CalibrationOverrides.NONE,
                null, ProgressListener.NONE, CancellationToken.NONE);
        report("echo-integration 38 kHz, 1 nmi × 24 layers, bottom detection", size, r.pings(), System.nanoTime() - t3);
        System.out.printf(Locale.ROOT, "datagrams %s, %d cells, checksum %.3f%n", s.counts(), r.cells().size(), checksum[0]);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "max heap %,d MB; peak heap used (sum of pool peaks) %,d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    private static void report(String what, long bytes, long pings, long nanos) {
        double s = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-60s %7.1f MB/s  %,10.0f pings/s  (%.2f s)%n", what, bytes / 1048576.0 / s, pings / s, s);
    }

    /** Writes CON0 once, then the other datagrams again and again with times shifted, until the size is reached. */
    private static void build(Path src, Path out, long targetBytes) throws Exception {
        byte[] d = Files.readAllBytes(src);
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> datagrams = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int pos = 0; pos < d.length; pos += b.getInt(pos) + 8) {
            datagrams.add(new int[] {pos, b.getInt(pos)});
            long t = (b.getInt(pos + 8) & 0xFFFFFFFFL) | ((b.getInt(pos + 12) & 0xFFFFFFFFL) << 32);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        long period = last - first + 5_000_000L; // the file's duration + 0.5 s
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            int[] con = datagrams.get(0);
            o.write(d, con[0], con[1] + 8);
            long written = con[1] + 8;
            for (long rep = 0; written < targetBytes; rep++) {
                for (int k = 1; k < datagrams.size() && written < targetBytes; k++) {
                    int[] dg = datagrams.get(k);
                    byte[] copy = java.util.Arrays.copyOfRange(d, dg[0], dg[0] + dg[1] + 8);
                    ByteBuffer c = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                    long t = ((c.getInt(8) & 0xFFFFFFFFL) | ((c.getInt(12) & 0xFFFFFFFFL) << 32)) + rep * period;
                    c.putInt(8, (int) t).putInt(12, (int) (t >>> 32));
                    o.write(copy);
                    written += copy.length;
                }
            }
        }
    }
}
