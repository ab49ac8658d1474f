package pe.cardumen.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.app.Importer;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen import FILE… --workspace W}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import files into a workspace: Simrad .raw (echo-integrated), Echoview cells .csv, ICES acoustic .csv/.xml, "
                + "grids (NetCDF-3/4, GeoTIFF, ERDDAP CSV) as zonal statistics, haul length frequencies .csv or ICES biotic .csv. "
                + "Each file is one import; a bad file is reported and the others still import.")
final class ImportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", description = "Files to import.")
    List<Path> files;

    @Option(names = "--workspace", required = true, description = "The workspace.")
    Path workspace;

    @Option(names = "--channel", description = "Channel of raw files to integrate, kHz (default 38).")
    double channelKhz = 38;

    @Option(names = "--survey", description = "The survey the echosounder, NASC and haul files belong to (e.g. 2024-1); "
            + "'cardumen biomass --survey' then computes that survey alone.")
    String survey;

    @Option(names = "--species", description = "The CatchSpeciesCode to read from ICES biotic files holding several species.")
    String species;

    private final java.util.function.Supplier<pe.cardumen.app.Services> services;

    ImportCommand(java.util.function.Supplier<pe.cardumen.app.Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        int failed = 0;
        try (Workspace ws = Workspace.open(workspace)) {
            for (Importer.Outcome o : new Importer(channelKhz, IntegrationSettings.DEFAULT).inSurvey(survey).withSpecies(species).importAll(ws, files, ProgressListener.NONE, CancellationToken.NONE)) {
                if (o.imported()) {
                    out.printf(Locale.ROOT, "%s: %s, %d %s imported, %d rejected%n", o.file().getFileName(), o.kind(), o.cells(),
                            o.kind().equals("satellite") ? "zone statistics" : o.kind().equals("hauls") ? "hauls" : "cells", o.rejected());
                    o.warnings().forEach(w -> out.println("  " + w));
                } else {
                    failed++;
                    spec.commandLine().getErr().println("cardumen: " + o.error());
                }
            }
            if (survey != null && failed == 0 && ws.setting(pe.cardumen.app.ModelService.DEFAULT_MODEL).isPresent()) {
                monitor(ws);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** A new survey is scored against the workspace's default model; an alert is printed (and kept in the audit log). */
    private void monitor(Workspace ws) {
        var err = spec.commandLine().getErr();
        try {
            var m = services.get().models().monitor(ws, pe.cardumen.model.MonitoringThresholds.defaults());
            for (var s : m.scored()) {
                err.printf(Locale.ROOT, "%s on survey %s: RMSE %.3f, P10–P90 coverage %.3f%s%n", s.model(), s.survey(), s.rmse(), s.coverage(),
                        s.alerted() ? " — ALERT: " + s.alert() : "");
            }
        } catch (Exception e) {
            err.println("monitoring skipped: " + e.getMessage());
        }
    }
}
