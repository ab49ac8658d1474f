package pe.cardumen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.ModelService;
import pe.cardumen.app.Services;
import pe.cardumen.model.FeatureFrame;
import pe.cardumen.model.ModelCard;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen models list|show|verify|compare|import|default}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "The installed model versions: list, show a card, verify, compare, import, set the default.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Show.class, ModelsCommand.Verify.class, ModelsCommand.Compare.class,
            ModelsCommand.Install.class, ModelsCommand.Default.class, ModelsCommand.Monitor.class, ModelsCommand.Metrics.class})
final class ModelsCommand extends CommandGroup {
    ModelsCommand(Supplier<Services> services) {
        super(services);
    }

    ModelRegistry registry() {
        return services().models().registry();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every installed version with its verification status and hash.")
    static final class ListVersions implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Override
        public Integer call() throws Exception {
            var out = parent.out();
            List<ModelRegistry.Version> all = parent.registry().list();
            out.println("model,version,verified,inputs,created,sha256,description");
            for (ModelRegistry.Version v : all) {
                ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
                out.printf(Locale.ROOT, "%s,%s,%s,%d,%s,%s,\"%s\"%n", v.card().id(), v.card().version(), check.ok() ? "ok" : "FAILED", v.card().inputs().size(),
                        v.card().created(), v.sha256(), v.card().description() == null ? "" : v.card().description().replace("\"", "'"));
            }
            if (all.isEmpty()) {
                parent.err().println("no model versions in " + parent.registry().root());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A version's card (model.json) and its hash.")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(index = "0", description = "ID or ID:VERSION.")
        String ref;

        @Override
        public Integer call() throws Exception {
            ModelRegistry.Version v = parent.registry().resolve(ref);
            parent.out().print(Files.readString(v.dir().resolve(ModelCard.FILE)));
            parent.out().println("sha256 " + v.sha256());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check a version's files against their SHA-256, its paths and its graph's operations. "
            + "Exit 1 when it fails.")
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(index = "0", description = "ID, ID:VERSION, or a version folder.")
        String ref;

        @Option(names = "--sha256", description = "The version's published hash: verification fails unless the version (card included) has it.")
        String expected;

        @Override
        public Integer call() throws Exception {
            Path dir = Files.isDirectory(Path.of(ref)) ? Path.of(ref) : parent.registry().resolve(ref).dir();
            ModelRegistry.Verification v = ModelRegistry.verify(dir);
            if (v.ok()) {
                ModelCard c = ModelCard.read(dir.resolve(ModelCard.FILE));
                String sha = ModelRegistry.versionSha256(dir);
                if (expected != null && !expected.equalsIgnoreCase(sha)) {
                    parent.err().println("cardumen: " + dir + " FAILED verification: its sha256 " + sha + " is not the expected " + expected
                            + " (a file or the card differs from the published version)");
                    return 1;
                }
                parent.out().printf(Locale.ROOT, "%s: verified — %d files and the card match their SHA-256, %d operations all allowed %s; sha256 %s%n",
                        c.ref(), c.files().size(), v.scan().operations().size(), v.scan().operations(), sha);
                return 0;
            }
            parent.err().println("cardumen: " + dir + " FAILED verification:");
            v.problems().forEach(p -> parent.err().println("  " + p));
            return 1;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Install a version from a folder or .zip (e.g. a Keras SavedModel with a card) "
            + "after the same checks.")
    static final class Install implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(index = "0", description = "The version's folder or zip.")
        Path source;

        @Option(names = "--sha256", description = "The version's published hash: refused unless the version (card included) has it.")
        String expected;

        @Override
        public Integer call() throws Exception {
            ModelRegistry.Version v = parent.registry().install(source, expected);
            parent.out().printf(Locale.ROOT, "installed %s in %s (sha256 %s)%n", v.ref(), v.dir(), v.sha256());
            return 0;
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Set (or show) the workspace's default model, which predict and monitor use.")
    static final class Default implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Option(names = "--workspace", required = true, description = "The workspace.")
        Path workspace;

        @Parameters(index = "0", arity = "0..1", description = "ID:VERSION to make the default.")
        String ref;

        @Override
        public Integer call() throws Exception {
            try (Workspace ws = Workspace.open(workspace)) {
                if (ref == null) {
                    parent.out().println(ws.setting(ModelService.DEFAULT_MODEL).orElse("(none)"));
                    return 0;
                }
                ModelRegistry.Version v = parent.registry().resolve(ref);
                ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
                if (!check.ok()) {
                    throw new IllegalArgumentException(v.ref() + " fails verification: " + String.join("; ", check.problems()));
                }
                ws.setSetting(ModelService.DEFAULT_MODEL, v.ref());
                parent.out().println("default model of " + workspace.getFileName() + ": " + v.ref());
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Two versions side by side: held-out metrics with deltas (B − A) as CSV, "
            + "the inputs only one has, and with --workspace and --period each zone's predicted P50 by both.")
    static final class Compare implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(index = "0", description = "Version A (ID:VERSION).")
        String a;

        @Parameters(index = "1", description = "Version B (ID:VERSION).")
        String b;

        @Option(names = "--workspace", description = "A workspace to predict a period with both versions.")
        Path workspace;

        @Option(names = "--period", description = "The month to predict with both, YYYY-MM (needs --workspace).")
        String period;

        @Option(names = "--zones-out", description = "Write the per-zone differences to this CSV (zone,p50_t_a,p50_t_b,delta_t,delta_pct).")
        Path zonesOut;

        @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
        boolean csv;

        @Override
        public Integer call() throws Exception {
            ModelRegistry reg = parent.registry();
            ModelRegistry.Version va = reg.resolve(a);
            ModelRegistry.Version vb = reg.resolve(b);
            var out = parent.out();
            var err = parent.err();
            out.printf(Locale.ROOT, "metric,forecast,%s,%s,delta%n", va.ref(), vb.ref());
            Map<String, Map<String, Double>> ma = va.card().metrics() == null ? Map.of() : va.card().metrics();
            Map<String, Map<String, Double>> mb = vb.card().metrics() == null ? Map.of() : vb.card().metrics();
            TreeSet<String> forecasts = new TreeSet<>(ma.keySet());
            forecasts.addAll(mb.keySet());
            for (String f : forecasts) {
                Map<String, Double> x = ma.getOrDefault(f, Map.of());
                Map<String, Double> y = mb.getOrDefault(f, Map.of());
                TreeSet<String> names = new TreeSet<>(x.keySet());
                names.addAll(y.keySet());
                for (String n : names) {
                    double p = x.getOrDefault(n, Double.NaN);
                    double q = y.getOrDefault(n, Double.NaN);
                    out.printf(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f%n", n, f, p, q, q - p);
                }
            }
            List<String> onlyA = new ArrayList<>(va.card().inputNames());
            onlyA.removeAll(vb.card().inputNames());
            List<String> onlyB = new ArrayList<>(vb.card().inputNames());
            onlyB.removeAll(va.card().inputNames());
            err.println("inputs only in " + va.ref() + ": " + (onlyA.isEmpty() ? "none" : onlyA));
            err.println("inputs only in " + vb.ref() + ": " + (onlyB.isEmpty() ? "none" : onlyB));
            if (period != null) {
                if (workspace == null) {
                    throw new picocli.CommandLine.ParameterException(parent.spec.commandLine(), "--period needs --workspace");
                }
                YearMonth month = YearMonth.parse(period.trim());
                ModelService models = parent.services().models();
                Map<String, double[]> zones = new LinkedHashMap<>();
                double ta;
                double tb;
                try (Workspace ws = Workspace.open(workspace)) {
                    FeatureFrame frame = FeatureFrame.parse(models.featureCsv(ws, FeatureBuilder.Periods.MONTHS, month, month), "features of " + month);
                    var pa = models.predict(va, frame, ws, month, false);
                    var pb = models.predict(vb, frame, ws, month, false);
                    for (int i = 0; i < pa.zones().size(); i++) {
                        zones.put(pa.zones().get(i).zone(), new double[] {pa.zones().get(i).p50T(), pb.zones().get(i).p50T()});
                    }
                    ta = pa.totalP50T();
                    tb = pb.totalP50T();
                }
                err.printf(Locale.ROOT, "%s total P50: %s %.0f t, %s %.0f t (%+.1f %%)%n", month, va.ref(), ta, vb.ref(), tb, 100 * (tb - ta) / ta);
                if (zonesOut != null) {
                    StringBuilder s = new StringBuilder("zone,p50_t_a,p50_t_b,delta_t,delta_pct\n");
                    zones.forEach((z, v) -> s.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.2f%n", z, v[0], v[1], v[1] - v[0],
                            v[0] > 0 ? 100 * (v[1] - v[0]) / v[0] : Double.NaN)));
                    Files.writeString(zonesOut, s.toString());
                    err.println("per-zone differences written to " + zonesOut);
                }
            }
            return 0;
        }
    }

    @Command(name = "monitor", mixinStandardHelpOptions = true, description = "Score the workspace's default model against every survey it has not "
            + "scored yet, keep the scores, and print their history as CSV. Exit 3 when a score of the default model crosses a threshold.")
    static final class Monitor implements Callable<Integer> {
        /** Exit status of an alert (1 is a failure, 2 a usage error). */
        static final int ALERT = 3;

        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Option(names = "--workspace", required = true, description = "The workspace.")
        Path workspace;

        @Option(names = "--thresholds", description = "A file with rmse.max and coverage.min (default: the bundled monitoring.properties).")
        Path thresholds;

        @Override
        public Integer call() throws Exception {
            var t = thresholds == null ? pe.cardumen.model.MonitoringThresholds.defaults() : pe.cardumen.model.MonitoringThresholds.load(thresholds);
            ModelService.Monitoring m;
            try (Workspace ws = Workspace.open(workspace)) {
                m = parent.services().models().monitor(ws, t);
            }
            var out = parent.out();
            out.println("model,model_sha256,survey,period,rmse,mae,r2,bias,coverage,auc,total_error_pct,n,alert");
            for (var s : m.history()) {
                out.printf(Locale.ROOT, "%s,%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.2f,%d,%s%n", s.model(), s.modelSha256(), s.survey(), s.period(), s.rmse(),
                        s.mae(), s.r2(), s.bias(), s.coverage(), s.auc(), s.totalErrorPct(), s.n(), s.alert().replace(",", ";"));
            }
            long alerts = m.history().stream().filter(s -> s.model().equals(m.model()) && s.alerted()).count();
            parent.err().printf(Locale.ROOT, "%s: %d surveys scored now, %d in the history; thresholds RMSE ≤ %.3f, coverage ≥ %.3f; %s%n", m.model(),
                    m.scored().size(), m.history().size(), t.rmseMax(), t.coverageMin(), alerts == 0 ? "no alert" : alerts + " ALERT(S)");
            return alerts == 0 ? 0 : ALERT;
        }
    }

    @Command(name = "metrics", mixinStandardHelpOptions = true, description = "A version's held-out metrics (model and baselines) as JSON, for DVC "
            + "('dvc metrics diff') and scripts.")
    static final class Metrics implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModelsCommand parent;

        @Parameters(index = "0", description = "ID, ID:VERSION, or a version folder.")
        String ref;

        @Option(names = "--out", description = "Write the JSON to this file instead of standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path dir = Files.isDirectory(Path.of(ref)) ? Path.of(ref) : parent.registry().resolve(ref).dir();
            ModelCard c = ModelCard.read(dir.resolve(ModelCard.FILE));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", c.ref());
            doc.put("sha256", ModelRegistry.versionSha256(dir));
            // NaN is not JSON: a metric without a value (a point forecast's coverage) is left out
            Map<String, Map<String, Double>> finite = new LinkedHashMap<>();
            (c.metrics() == null ? Map.<String, Map<String, Double>>of() : c.metrics()).forEach((k, v) -> {
                Map<String, Double> m = new LinkedHashMap<>();
                v.forEach((n, x) -> {
                    if (x != null && Double.isFinite(x)) {
                        m.put(n, x);
                    }
                });
                finite.put(k, m);
            });
            doc.put("metrics", finite);
            String json = new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc) + "\n";
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, json);
            } else {
                parent.out().print(json);
            }
            return 0;
        }
    }
}
