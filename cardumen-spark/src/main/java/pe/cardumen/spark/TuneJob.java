package pe.cardumen.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.model.MlpTrainer;
import pe.cardumen.model.ModelTraining;
import pe.cardumen.model.TrainingConfig;

/**
 * {@code archive tune}: the hyper-parameter grid of a training configuration spread over the
 * executors, one trial per task, each trained by the desktop's TensorFlow Java trainer
 * ({@link ModelTraining#trial}) with the seed a sequential {@code cardumen train} gives it; the trained
 * networks come back to the driver, which picks the lowest validation loss and exports, cards, scores
 * and verifies it exactly as {@code cardumen train} does ({@link ModelTraining#finish}), with every
 * trial and the search's engine in the card.
 */
public final class TuneJob {
    private TuneJob() {
    }

    /** The search's data as it travels to the executors. */
    private record Search(List<MlpTrainer.Config> grid, MlpTrainer.Data train, MlpTrainer.Data validation, long seed) implements java.io.Serializable {
    }

    /**
     * Runs the search and writes the best version into {@code out}.
     *
     * @param features the feature-table CSV (Hadoop URI or local path; the output of {@code cardumen features} or {@code archive features})
     */
    public static ModelTraining.Result run(SparkSession spark, String features, TrainingConfig config, Path out, ModelTraining.Progress progress)
            throws IOException {
        org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(features);
        var fs = f.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.isFile(f)) {
            throw new IllegalArgumentException(features + ": no such feature table (write one with 'cardumen features --out' or 'archive features')");
        }
        String csv;
        try (InputStream in = fs.open(f)) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ModelTraining.Prepared p = ModelTraining.prepare(csv, config, out);
        int n = p.grid().size();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Search> search = jsc.broadcast(new Search(p.grid(), p.train(), p.validation(), config.seed()));
        progress.report("searching " + n + " configurations on " + spark.sparkContext().master() + " (" + spark.sparkContext().defaultParallelism()
                + " cores)", 0);
        List<ModelTraining.Trial> trials;
        try {
            trials = new ArrayList<>(jsc.parallelize(IntStream.range(0, n).boxed().toList(), n).map(g -> {
                Search s = search.value();
                return ModelTraining.trial(s.grid(), s.train(), s.validation(), s.seed(), g, (m, x) -> { }, CancellationToken.NONE);
            }).collect());
        } finally {
            search.destroy();
        }
        for (ModelTraining.Trial t : trials) {
            progress.report(String.format(java.util.Locale.ROOT, "trial %d/%d (%s, lr %s): %d epochs, validation loss %.5f", t.index() + 1, n,
                    t.config().layers(), t.config().learningRate(), t.network().epochs(), t.network().validationLoss()), 0.5);
        }
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("engine", "Apache Spark " + spark.version());
        engine.put("master", spark.sparkContext().master());
        engine.put("trials", n);
        engine.put("tasks", n);
        return new ModelTraining().finish(p, trials, out, engine, progress);
    }
}
