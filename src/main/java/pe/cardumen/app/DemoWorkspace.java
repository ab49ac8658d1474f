package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Provenance;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.GeoJsonReader;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Assembles the demo workspace from {@code sample-data/}: the one place that does, used by the first
 * start of the desktop app and by {@code cardumen workspace demo}. Today it holds the coastline's
 * provenance and the generated AIP grid; later capabilities add their sample imports here.
 */
public final class DemoWorkspace {
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
            ZoneLayer zones = services.generateZones((d, t, m) -> progress.progress(5 + 80 * d / Math.max(1, t), 100, "generating zones: " + m), cancel);
            cancel.throwIfCancelled();
            progress.progress(85, 100, "writing " + out.getFileName());
            try (Workspace ws = Workspace.create(out)) {
                for (String relative : List.of(SampleData.COASTLINE, SampleData.LAND)) {
                    Path f = services.sampleData().resolve(relative);
                    Provenance p = new Provenance(f.getFileName().toString(), Files.size(f), FileDigest.sha256(f), GeoJsonReader.NAME,
                            AppInfo.version(), java.time.Instant.now());
                    ws.recordImport("coastline", p, 1, List.of(), 0);
                }
                ws.replaceZones(zones.source(), zones.zones(), cancel);
                ws.audit("workspace.demo", "demo workspace built from " + services.sampleData().root());
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
