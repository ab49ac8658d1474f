package pe.cardumen.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.features.simulation.HistoryParameters;
import pe.cardumen.features.simulation.NinoSeries;
import pe.cardumen.features.simulation.SimulatedHistory;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.indices.EnsoIndexReader;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Survey histories: generating the simulated one from the bundled ENSO indices, and importing a
 * history folder (a {@value SimulatedHistory#MANIFEST} naming each survey's NASC and haul files, plus
 * grids) into a workspace survey by survey, with each survey's biomass computed and stored.
 */
public final class SurveyHistory {
    private final Services services;

    public SurveyHistory(Services services) {
        this.services = services;
    }

    /**
     * Generates the simulated history into {@code out} over the given zones.
     *
     * @return the surveys generated
     */
    public List<SimulatedHistory.Survey> simulate(Path out, long seed, HistoryParameters parameters, ZoneLayer zones, ProgressListener progress,
                                                  CancellationToken cancel) throws IOException, FileFormatException {
        EnsoIndexReader reader = new EnsoIndexReader();
        NinoSeries nino = new NinoSeries(reader.readNinoRegions(services.sampleData().resolve(SampleData.NINO_REGIONS)),
                reader.readOni(services.sampleData().resolve(SampleData.ONI)), YearMonth.parse(parameters.text("nino.proxy.fit.from")));
        return new SimulatedHistory(zones, parameters, BiomassParameters.defaults(), nino, seed).write(out, progress, cancel);
    }

    /** What importing a history did. */
    public record Imported(int surveys, int files, List<String> problems) {
    }

    /**
     * Imports a history folder: for each row of its manifest, the NASC and haul files into that survey,
     * and its biomass computed with the default parameter set and stored; then every grid ({@code *.nc})
     * of the folder. A survey whose files fail is reported and the others go on.
     *
     * @param replicates bootstrap replicates of each survey's biomass (≥ 2)
     */
    public Imported importInto(Workspace ws, Path dir, int replicates, long seed, ProgressListener progress, CancellationToken cancel)
            throws IOException, WorkspaceException {
        Path manifest = dir.resolve(SimulatedHistory.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(dir + ": no " + SimulatedHistory.MANIFEST + "; a history folder lists its surveys there "
                    + "(cardumen simulate-history writes one)");
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int idCol = header.indexOf("survey");
        int nascCol = header.indexOf("nasc_file");
        int haulCol = header.indexOf("hauls_file");
        if (idCol < 0 || nascCol < 0 || haulCol < 0) {
            throw new IOException(manifest + ", line 1: needs the columns survey, nasc_file and hauls_file");
        }
        ZoneLayer zones = new ZoneLayer(ws.zoneSource(), ws.zones());
        BiomassParameters params = BiomassParameters.defaults();
        List<String> problems = new ArrayList<>();
        int files = 0;
        int surveys = 0;
        // every survey's files are imported in order (writes are serial anyway); as soon as a survey is in,
        // its biomass is computed on another core (each computation reads through its own connection),
        // while the next surveys and the grids are imported; the results are stored in survey order at the end
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cardumen-history-biomass");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> imported = new ArrayList<>();
            List<java.util.concurrent.Future<BiomassSurvey.Report>> reports = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                cancel.throwIfCancelled();
                String[] f = lines.get(n).split(",", -1);
                if (f.length != header.size()) {
                    problems.add(manifest.getFileName() + ", line " + (n + 1) + ": " + f.length + " fields, expected " + header.size());
                    continue;
                }
                String id = f[idCol];
                progress.progress(n - 1, 2 * lines.size(), "survey " + id);
                Importer importer = new Importer(38, IntegrationSettings.DEFAULT).inSurvey(id);
                boolean ok = true;
                for (Importer.Outcome o : importer.importAll(ws, zones, List.of(dir.resolve(f[nascCol]), dir.resolve(f[haulCol])), ProgressListener.NONE,
                        cancel)) {
                    if (o.imported()) {
                        files++;
                    } else {
                        ok = false;
                        problems.add("survey " + id + ": " + o.error());
                    }
                }
                if (ok) {
                    imported.add(id);
                    reports.add(pool.submit(() -> {
                        cancel.throwIfCancelled();
                        try (Workspace reader = Workspace.open(ws.file())) {
                            return new BiomassSurvey().compute(reader, zones, id, params, null, null, replicates, seed);
                        }
                    }));
                }
            }
            List<Path> grids;
            try (var list = Files.list(dir)) {
                grids = list.filter(p -> p.getFileName().toString().endsWith(".nc")).sorted().toList();
            }
            progress.progress(lines.size(), 2 * lines.size(), "grids");
            for (Importer.Outcome o : new Importer(38, IntegrationSettings.DEFAULT).importAll(ws, zones, grids, ProgressListener.NONE, cancel)) {
                if (o.imported()) {
                    files++;
                } else {
                    problems.add(o.file().getFileName() + ": " + o.error());
                }
            }
            for (int k = 0; k < imported.size(); k++) {
                String id = imported.get(k);
                progress.progress(lines.size() + 1 + (lines.size() - 2) * k / Math.max(1, imported.size()), 2 * lines.size(), "biomass of survey " + id);
                try {
                    BiomassSurvey.store(ws, id, reports.get(k).get(), replicates, seed);
                    surveys++;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IllegalArgumentException) {
                        problems.add("survey " + id + ": " + cause.getMessage());
                    } else if (cause instanceof java.util.concurrent.CancellationException) {
                        throw (java.util.concurrent.CancellationException) cause;
                    } else if (cause instanceof WorkspaceException) {
                        throw (WorkspaceException) cause;
                    } else if (cause instanceof IOException) {
                        throw (IOException) cause;
                    } else {
                        throw new IllegalStateException("biomass of survey " + id + " failed: " + cause, cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        ws.audit("history.import", surveys + " surveys and " + files + " files from " + dir.getFileName());
        progress.progress(lines.size(), lines.size(), "done");
        return new Imported(surveys, files, problems);
    }
}
