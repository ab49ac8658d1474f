package pe.cardumen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.model.ModelInput;
import pe.cardumen.model.ModelPredictor;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.model.ModelTraining;
import pe.cardumen.model.TensorFlowRuntime;
import pe.cardumen.model.TrainingConfig;
import pe.cardumen.workspace.Workspace;

/**
 * The model figures of the README (a documented harness: engine start and model load happen once per
 * process, so JMH's repetition would hide them). In one fresh JVM it measures: TensorFlow's engine
 * start (natives loaded from the class path), loading {@code anchoveta-biomass:2.0.0} through DJL (with
 * its verification), inference throughput on 100,000 rows (best of 5 passes after 2 warm-ups), and —
 * with the argument {@code train} — building the demo workspace and training version 2.0.0's
 * configuration on it; then peak heap and the process's peak resident memory.
 * {@code ./mvnw -Pbench -DskipTests package exec:exec -Dbench.main=pe.cardumen.bench.ModelHarness -Dbench=train}
 */
public final class ModelHarness {
    private ModelHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean train = args.length > 0 && args[0].equals("train");
        Path home = Files.createTempDirectory("cardumen-bench");
        System.setProperty("cardumen.home", home.toString());
        long t0 = System.nanoTime();
        TensorFlowRuntime.start(TensorFlowRuntime.defaultCache());
        double engine = (System.nanoTime() - t0) / 1e9;

        Services services = Services.standard();
        ModelRegistry.Version v = services.models().registry().resolve("anchoveta-biomass:2.0.0");
        long t1 = System.nanoTime();
        ModelPredictor p = ModelPredictor.open(v);
        double open = (System.nanoTime() - t1) / 1e9;

        int n = 100_000;
        int k = v.card().inputs().size();
        Random r = new Random(1);
        float[][] rows = new float[n][k];
        for (float[] row : rows) {
            for (int j = 0; j < k; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        ModelInput input = new ModelInput(v.card().inputNames(), rows);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 7; rep++) {
            long s = System.nanoTime();
            float[][] q = p.predict(input);
            double secs = (System.nanoTime() - s) / 1e9;
            if (q.length != n) {
                throw new IllegalStateException("predicted " + q.length + " rows");
            }
            if (rep >= 2) {
                best = Math.min(best, secs);
            }
        }
        p.close();
        System.out.printf(Locale.ROOT, "engine start (TensorFlow natives): %.2f s%n", engine);
        System.out.printf(Locale.ROOT, "load %s through DJL incl. verification: %.3f s (DJL's own load %.3f s)%n", v.ref(), open, p.loadSeconds());
        System.out.printf(Locale.ROOT, "inference: %,d rows × %d inputs in %.1f ms = %,.0f rows/s (best of 5)%n", n, k, best * 1e3, n / best);

        if (train) {
            Path ws = home.resolve("demo.cardumen.gpkg");
            long t2 = System.nanoTime();
            services.demoWorkspace().build(ws, ProgressListener.NONE, CancellationToken.NONE);
            double demo = (System.nanoTime() - t2) / 1e9;
            String csv;
            try (Workspace w = Workspace.open(ws)) {
                csv = services.models().featureCsv(w, FeatureBuilder.Periods.SURVEYS, null, null);
            }
            long t3 = System.nanoTime();
            var result = new ModelTraining().train(csv, TrainingConfig.read(Path.of("models/configs/anchoveta-biomass-2.0.0.json")),
                    home.resolve("model"), (m, f) -> { }, CancellationToken.NONE);
            double secs = (System.nanoTime() - t3) / 1e9;
            System.out.printf(Locale.ROOT, "demo workspace with the simulated history: %.1f s%n", demo);
            System.out.printf(Locale.ROOT, "training anchoveta-biomass 2.0.0's configuration (%d training rows, %d grid points, export, evaluation): %.1f s%n",
                    result.trainRows(), 4, secs);
        }
        long heap = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: n/a");
        System.out.printf(Locale.ROOT, "peak heap %d MB; peak resident memory %s%n", heap >> 20, rss.replace("VmHWM:", "").trim());
    }
}
