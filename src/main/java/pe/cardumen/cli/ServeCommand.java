package pe.cardumen.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.serve.PredictionServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen serve}: the prediction service (README, "Prediction service"). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve predictions, quota tables, reports, model cards, zones and monitoring over HTTP with Prometheus metrics "
                + "(GET /openapi.json lists the routes). Listens on loopback unless --bind says otherwise; writes need --token-file.")
final class ServeCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace to serve.")
    Path workspace;

    @Option(names = "--models", description = "The model registry folder (default: the installed models/).")
    Path models;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String bind;

    @Option(names = "--token-file", description = "A file holding the bearer token that requests changing the workspace must carry "
            + "(e.g. a mounted Kubernetes secret). Without it the server takes no writes.")
    Path tokenFile;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body, bytes (default ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-import", defaultValue = "268435456", description = "Largest file POST /surveys/{id}/import accepts, bytes "
            + "(default ${DEFAULT-VALUE}, 256 MiB; streamed to disk).")
    long maxImport;

    @Option(names = "--thresholds", description = "A file with rmse.max and coverage.min that a survey imported over HTTP is scored against "
            + "(default: the bundled monitoring.properties; in Kubernetes, the ConfigMap's).")
    Path thresholds;

    ServeCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workspace)) {
            throw new IllegalArgumentException(workspace + ": no such workspace file");
        }
        byte[] token = null;
        if (tokenFile != null) {
            String t = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            if (t.length() < 16) {
                throw new IllegalArgumentException(tokenFile + ": the token must be at least 16 characters");
            }
            token = t.getBytes(StandardCharsets.UTF_8);
        }
        if (models != null) {
            System.setProperty("cardumen.models", models.toAbsolutePath().toString());
        }
        PredictionServer server = PredictionServer.start(services.get(), new PredictionServer.Options(workspace, bind, port, token, maxBody, maxImport,
                thresholds == null ? pe.cardumen.model.MonitoringThresholds.defaults() : pe.cardumen.model.MonitoringThresholds.load(thresholds)));
        var err = spec.commandLine().getErr();
        err.printf("cardumen serve: http://%s:%d (workspace %s)%s%n", bind, server.port(), workspace.getFileName(),
                token == null ? "; read only (no --token-file)" : "");
        err.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "cardumen-serve-stop"));
        stop.await();
        return 0;
    }
}
