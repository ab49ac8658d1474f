package pe.cardumen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.features.simulation.HistoryParameters;
import pe.cardumen.features.simulation.SimulatedHistory;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen simulate-history --seed N --out DIR [--workspace W]}. */
@Command(name = "simulate-history", mixinStandardHelpOptions = true,
        description = "Generate the SIMULATED survey history (two surveys a year over every AIP zone, hauls, SST and chlorophyll grids) from a "
                + "seeded habitat model driven by the real Niño 1+2 anomalies; the same seed gives the same bytes. With --workspace, also import it "
                + "survey by survey and store each survey's biomass.")
final class SimulateHistoryCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", description = "Seed of the random streams (default ${DEFAULT-VALUE}; the bundled history uses 1).")
    long seed = 1;

    @Option(names = "--out", required = true, description = "Folder to write (created; files of the same name are replaced).")
    Path out;

    @Option(names = "--parameters", description = "A file of simulated-history.properties keys replacing the bundled values.")
    Path parameters;

    @Option(names = "--workspace", description = "Also import the history into this workspace (created with the generated AIP grid when missing).")
    Path workspace;

    @Option(names = "--replicates", description = "Bootstrap replicates of each imported survey's biomass (default ${DEFAULT-VALUE}).")
    int replicates = 200;

    SimulateHistoryCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        var print = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        HistoryParameters hp = parameters == null ? HistoryParameters.defaults() : HistoryParameters.load(parameters);
        Services s = services.get();
        ZoneLayer zones;
        if (workspace != null && Files.exists(workspace)) {
            try (Workspace ws = Workspace.open(workspace)) {
                zones = new ZoneLayer(ws.zoneSource(), ws.zones());
            }
        } else {
            zones = s.generateZones(ProgressListener.NONE, CancellationToken.NONE);
        }
        var surveys = s.surveyHistory().simulate(out, seed, hp, zones, ProgressListener.NONE, CancellationToken.NONE);
        double worst = 0;
        for (SimulatedHistory.Survey v : surveys) {
            worst = Math.max(worst, Math.max(Math.abs(v.simulatedNorthT() / v.targetNorthT() - 1), Math.abs(v.simulatedSouthT() / v.targetSouthT() - 1)));
        }
        print.printf(Locale.ROOT, "wrote %d SIMULATED surveys (%s to %s) over %d zones to %s; seed %d; largest deviation from the targets %.4f %%%n",
                surveys.size(), surveys.get(0).id(), surveys.get(surveys.size() - 1).id(), zones.size(), out, seed, 100 * worst);
        if (workspace != null) {
            if (!Files.exists(workspace)) {
                try (Workspace ws = Workspace.create(workspace)) {
                    ws.replaceZones(zones.source(), zones.zones(), CancellationToken.NONE);
                }
            }
            try (Workspace ws = Workspace.open(workspace)) {
                var imported = s.surveyHistory().importInto(ws, out, replicates, seed, ProgressListener.NONE, CancellationToken.NONE);
                print.printf(Locale.ROOT, "imported %d surveys (%d files) into %s, biomass stored per survey%n", imported.surveys(), imported.files(),
                        workspace.getFileName());
                imported.problems().forEach(p -> err.println("cardumen: " + p));
                return imported.problems().isEmpty() ? 0 : 1;
            }
        }
        return 0;
    }
}
