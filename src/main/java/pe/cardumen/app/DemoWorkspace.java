package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Provenance;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.GeoJsonReader;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Assembles the demo workspace from {@code sample-data/}: the one place that does, used by the first
 * start of the desktop app and by {@code cardumen workspace demo}. It holds the coastline's provenance,
 * the generated AIP grid and the bundled SIMULATED survey history (56 surveys with their stored
 * biomass, SST and chlorophyll grids), so every view has data on first start.
 */
public final class DemoWorkspace {
    /** Bootstrap replicates of each simulated survey's biomass in the demo. */
    static final int HISTORY_REPLICATES = 200;

    private final Services services;

    DemoWorkspace(Services services) {
        this.services = services;
    }

    /**
     * Builds the demo workspace at {@code out}, which must not exist. If anything fails or the user
     * cancels, no file is left at {@code out}.
     *
     * @throws WorkspaceException  when the workspace cannot be written
     * @throws FileFormatException when a sample file cannot be read
     */
    public Path build(Path out, ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException, WorkspaceException {
        if (Files.exists(out)) {
            throw new WorkspaceException(out, "already exists; choose another name or delete it first");
        }
        boolean done = false;
        try {
            progress.progress(0, 100, "loading the coastline");
            services.coastline();
            ZoneLayer zones = services.generateZones((d, t, m) -> progress.progress(5 + 30 * d / Math.max(1, t), 100, "generating zones: " + m), cancel);
            cancel.throwIfCancelled();
            progress.progress(35, 100, "writing " + out.getFileName());
            try (Workspace ws = Workspace.create(out)) {
                for (String name : List.of(Coastline.BUNDLED_COASTLINE, Coastline.BUNDLED_LAND)) {
                    byte[] bytes = Coastline.bundledBytes(name);
                    Provenance p = new Provenance(name, bytes.length, FileDigest.sha256(bytes), GeoJsonReader.NAME,
                            AppInfo.version(), java.time.Instant.now());
                    ws.recordImport("coastline", p, 1, List.of(), 0);
                }
                ws.replaceZones(zones.source(), zones.zones(), cancel);
                if (services.sampleData().isPresent()) {
                    Path history = services.sampleData().resolve(SampleData.SIMULATED_HISTORY);
                    var imported = services.surveyHistory().importInto(ws, history, HISTORY_REPLICATES, 1,
                            (d, t, m) -> progress.progress(35 + 64 * d / Math.max(1, t), 100, "SIMULATED history: " + m), cancel);
                    if (!imported.problems().isEmpty()) {
                        throw new IOException("the bundled simulated history did not import: " + String.join("; ", imported.problems()));
                    }
                }
                ws.audit("workspace.demo", "demo workspace built from " + services.sampleData().root()
                        .map(Path::toString).orElse("the bundled coastline (no sample-data folder: zones only)"));
            }
            progress.progress(100, 100, "done");
            done = true;
            return out;
        } finally {
            if (!done) {
                Files.deleteIfExists(out);
            }
        }
    }
}
