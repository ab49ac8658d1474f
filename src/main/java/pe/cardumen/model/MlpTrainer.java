package pe.cardumen.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import pe.cardumen.domain.CancellationToken;

/**
 * A multilayer perceptron predicting three quantiles (P10, P50, P90) of the transformed target,
 * trained with TensorFlow Java by the pinball (quantile) loss with Adam, mini-batches in a seeded
 * order, and early stopping on the validation loss (the best epoch's weights are kept).
 *
 * <p>The last layer gives a median m and two raw spreads a, b; the quantiles are
 * {@code P10 = m − softplus(a)}, {@code P50 = m}, {@code P90 = m + softplus(b)}, so they never cross.
 * Weights start from a seeded Glorot-uniform draw made in Java and TensorFlow runs single-threaded, so
 * the same data, configuration and seed give the same weights.
 *
 * <p>The exported SavedModel is a fresh inference graph (no optimiser, no loss): input
 * {@code features} of shape (n, k), output {@code quantiles} of shape (n, 3), signature
 * {@code serving_default}, tag {@code serve}.
 */
public final class MlpTrainer {
    /** The quantile levels of the three outputs. */
    public static final float[] QUANTILES = {0.1f, 0.5f, 0.9f};

    /**
     * Hyper-parameters.
     *
     * @param hidden       units of each hidden layer (ReLU)
     * @param learningRate Adam's learning rate
     * @param batch        mini-batch size
     * @param maxEpochs    epochs at most
     * @param patience     epochs without a better validation loss before stopping
     */
    public record Config(int[] hidden, float learningRate, int batch, int maxEpochs, int patience) implements java.io.Serializable {
        public Config {
            if (hidden.length == 0 || learningRate <= 0 || batch < 1 || maxEpochs < 1 || patience < 1) {
                throw new IllegalArgumentException("an MLP needs at least one hidden layer, a positive learning rate, batch, epochs and patience");
            }
            hidden = hidden.clone();
        }

        /** e.g. {@code 64-32}. */
        public String layers() {
            StringBuilder b = new StringBuilder();
            for (int h : hidden) {
                b.append(b.length() == 0 ? "" : "-").append(h);
            }
            return b.toString();
        }
    }

    /** Rows of standardised inputs and the transformed target. */
    public record Data(float[][] x, float[] y) implements java.io.Serializable {
        public Data {
            if (x.length != y.length) {
                throw new IllegalArgumentException(x.length + " input rows for " + y.length + " targets");
            }
        }
    }

    /** The trained network: weight matrices and biases per layer (the last has 3 outputs). */
    public record Network(List<float[][]> weights, List<float[]> biases, int epochs, int bestEpoch, double validationLoss, List<double[]> history)
            implements java.io.Serializable {
    }

    /** Told after each epoch: epoch (1-based), training loss, validation loss. */
    @FunctionalInterface
    public interface EpochListener {
        void epoch(int epoch, double trainLoss, double validationLoss);
    }

    /** Trains one network. */
    public Network train(Config c, Data train, Data validation, long seed, EpochListener listener, CancellationToken cancel) {
        TensorFlowRuntime.start(TensorFlowRuntime.defaultCache());
        int k = train.x()[0].length;
        Random rnd = new Random(seed);
        List<float[][]> w0 = new ArrayList<>();
        List<float[]> b0 = new ArrayList<>();
        int in = k;
        List<Integer> widths = new ArrayList<>();
        for (int h : c.hidden()) {
            widths.add(h);
        }
        widths.add(3);
        for (int out : widths) {
            w0.add(glorot(in, out, rnd));
            b0.add(new float[out]);
            in = out;
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, k)));
            Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            List<Variable<TFloat32>> ws = new ArrayList<>();
            List<Variable<TFloat32>> bs = new ArrayList<>();
            for (int l = 0; l < w0.size(); l++) {
                ws.add(tf.withInitScope().variable(tf.withInitScope().constant(w0.get(l))));
                bs.add(tf.withInitScope().variable(tf.withInitScope().constant(b0.get(l))));
            }
            Operand<TFloat32> q = forward(tf, x, ws, bs);
            Operand<TFloat32> loss = pinball(tf, q, y);
            // every gradient is computed before any variable changes: the updates wait on all of them
            // (a reference variable is read when its consumer runs, so an early update would leak into
            // another layer's gradient and make training depend on scheduling)
            Adam adam = new Adam(g, c.learningRate());
            List<Optimizer.GradAndVar<?>> grads = adam.computeGradients(loss);
            List<org.tensorflow.op.Op> gradOps = new ArrayList<>();
            for (Optimizer.GradAndVar<?> gv : grads) {
                gradOps.add(identity(tf, gv));
            }
            Ops after = tf.withControlDependencies(gradOps);
            List<Optimizer.GradAndVar<? extends org.tensorflow.types.family.TType>> held = new ArrayList<>();
            for (Optimizer.GradAndVar<?> gv : grads) {
                held.add(hold(after, gv));
            }
            var minimize = adam.applyGradients(held, "train");
            var config = org.tensorflow.proto.ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).setUsePerSessionThreads(true).build();
            try (Session s = new Session(g, config)) {
                s.initialize();
                int n = train.y().length;
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                double best = Double.POSITIVE_INFINITY;
                int bestEpoch = 0;
                List<float[][]> bestW = w0;
                List<float[]> bestB = b0;
                List<double[]> history = new ArrayList<>();
                int epoch = 0;
                while (epoch < c.maxEpochs() && epoch - bestEpoch < c.patience()) {
                    cancel.throwIfCancelled();
                    epoch++;
                    shuffle(order, rnd);
                    double sum = 0;
                    for (int from = 0; from < n; from += c.batch()) {
                        int to = Math.min(n, from + c.batch());
                        float[][] bx = new float[to - from][];
                        float[][] by = new float[to - from][1];
                        for (int i = from; i < to; i++) {
                            bx[i - from] = train.x()[order[i]];
                            by[i - from][0] = train.y()[order[i]];
                        }
                        try (TFloat32 tx = TFloat32.tensorOf(StdArrays.ndCopyOf(bx)); TFloat32 ty = TFloat32.tensorOf(StdArrays.ndCopyOf(by));
                             var r = s.runner().feed(x, tx).feed(y, ty).addTarget(minimize).fetch(loss).run()) {
                            sum += ((TFloat32) r.get(0)).getFloat() * (to - from);
                        }
                    }
                    double trainLoss = sum / n;
                    double valLoss = evaluate(s, x, y, loss, validation);
                    history.add(new double[] {epoch, trainLoss, valLoss});
                    listener.epoch(epoch, trainLoss, valLoss);
                    if (valLoss < best - 1e-7) {
                        best = valLoss;
                        bestEpoch = epoch;
                        bestW = fetchMatrices(s, ws);
                        bestB = fetchVectors(s, bs);
                    }
                }
                return new Network(bestW, bestB, epoch, bestEpoch, best, history);
            }
        }
    }

    /** The mean pinball loss of a network on data, computed in plain Java (for tests and the search log). */
    public static double loss(Network net, Data d) {
        double sum = 0;
        for (int i = 0; i < d.y().length; i++) {
            float[] q = predict(net, d.x()[i]);
            for (int j = 0; j < 3; j++) {
                double e = d.y()[i] - q[j];
                sum += Math.max(QUANTILES[j] * e, (QUANTILES[j] - 1) * e);
            }
        }
        return sum / (3.0 * d.y().length);
    }

    /** The network's three quantiles for one standardised row, in plain Java (same arithmetic as the graph, in float). */
    public static float[] predict(Network net, float[] row) {
        float[] a = row;
        for (int l = 0; l < net.weights().size(); l++) {
            float[][] w = net.weights().get(l);
            float[] b = net.biases().get(l);
            float[] out = new float[b.length];
            for (int j = 0; j < b.length; j++) {
                float s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += a[i] * w[i][j];
                }
                s += b[j];
                out[j] = l < net.weights().size() - 1 ? Math.max(0, s) : s;
            }
            a = out;
        }
        return new float[] {a[0] - softplus(a[1]), a[0], a[0] + softplus(a[2])};
    }

    /**
     * Writes the network as a SavedModel into {@code dir} (which must not exist or be empty).
     *
     * @param inputName  the signature's input name
     * @param outputName the signature's output name
     */
    public static void export(Network net, Path dir, String inputName, String outputName) throws IOException {
        TensorFlowRuntime.start(TensorFlowRuntime.defaultCache());
        int k = net.weights().get(0).length;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName(inputName).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, k)));
            List<Variable<TFloat32>> ws = new ArrayList<>();
            List<Variable<TFloat32>> bs = new ArrayList<>();
            for (int l = 0; l < net.weights().size(); l++) {
                ws.add(tf.withInitScope().withName("dense_" + l + "_kernel").variable(tf.withInitScope().constant(net.weights().get(l))));
                bs.add(tf.withInitScope().withName("dense_" + l + "_bias").variable(tf.withInitScope().constant(net.biases().get(l))));
            }
            Operand<TFloat32> q = tf.withName(outputName).identity(forward(tf, x, ws, bs));
            try (Session s = new Session(g)) {
                s.initialize();
                SavedModelBundle.exporter(dir.toString()).withSession(s)
                        .withSignature(Signature.builder().key("serving_default").input(inputName, x).output(outputName, q).build()).export();
            }
        }
    }

    private static <T extends org.tensorflow.types.family.TType> org.tensorflow.op.Op identity(Ops tf, Optimizer.GradAndVar<T> gv) {
        return tf.identity(gv.getGradient());
    }

    private static <T extends org.tensorflow.types.family.TType> Optimizer.GradAndVar<T> hold(Ops after, Optimizer.GradAndVar<T> gv) {
        return new Optimizer.GradAndVar<>(after.identity(gv.getGradient()).asOutput(), gv.getVariable());
    }

    private static Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x, List<Variable<TFloat32>> ws, List<Variable<TFloat32>> bs) {
        Operand<TFloat32> a = x;
        for (int l = 0; l < ws.size(); l++) {
            a = tf.math.add(tf.linalg.matMul(a, ws.get(l)), bs.get(l));
            if (l < ws.size() - 1) {
                a = tf.nn.relu(a);
            }
        }
        Operand<TFloat32> m = tf.slice(a, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> lo = tf.math.softplus(tf.slice(a, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1})));
        Operand<TFloat32> hi = tf.math.softplus(tf.slice(a, tf.constant(new int[] {0, 2}), tf.constant(new int[] {-1, 1})));
        return tf.concat(List.of(tf.math.sub(m, lo), m, tf.math.add(m, hi)), tf.constant(1));
    }

    private static Operand<TFloat32> pinball(Ops tf, Operand<TFloat32> q, Operand<TFloat32> y) {
        Operand<TFloat32> e = tf.math.sub(y, q); // broadcast (n,1) - (n,3)
        Operand<TFloat32> tau = tf.constant(new float[][] {QUANTILES});
        Operand<TFloat32> l = tf.math.maximum(tf.math.mul(tau, e), tf.math.mul(tf.math.sub(tau, tf.constant(1f)), e));
        return tf.math.mean(l, tf.constant(new int[] {0, 1}));
    }

    private static double evaluate(Session s, Placeholder<TFloat32> x, Placeholder<TFloat32> y, Operand<TFloat32> loss, Data d) {
        float[][] dy = new float[d.y().length][1];
        for (int i = 0; i < dy.length; i++) {
            dy[i][0] = d.y()[i];
        }
        try (TFloat32 tx = TFloat32.tensorOf(StdArrays.ndCopyOf(d.x())); TFloat32 ty = TFloat32.tensorOf(StdArrays.ndCopyOf(dy));
             var r = s.runner().feed(x, tx).feed(y, ty).fetch(loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private static List<float[][]> fetchMatrices(Session s, List<Variable<TFloat32>> vars) {
        List<float[][]> out = new ArrayList<>();
        for (Variable<TFloat32> v : vars) {
            try (var r = s.runner().fetch(v).run()) {
                Tensor t = r.get(0);
                out.add(StdArrays.array2dCopyOf((TFloat32) t));
            }
        }
        return out;
    }

    private static List<float[]> fetchVectors(Session s, List<Variable<TFloat32>> vars) {
        List<float[]> out = new ArrayList<>();
        for (Variable<TFloat32> v : vars) {
            try (var r = s.runner().fetch(v).run()) {
                out.add(StdArrays.array1dCopyOf((TFloat32) r.get(0)));
            }
        }
        return out;
    }

    private static float[][] glorot(int in, int out, Random rnd) {
        float limit = (float) Math.sqrt(6.0 / (in + out));
        float[][] w = new float[in][out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                w[i][j] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
            }
        }
        return w;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float softplus(float v) {
        return (float) (v > 20 ? v : Math.log1p(Math.exp(v)));
    }
}
