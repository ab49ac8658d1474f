package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.GridSpec;
import pe.cardumen.geo.ZoneGridGenerator;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.VectorLayerReader;
import pe.cardumen.report.ZoneLayerExporter;

/**
 * The composition root: builds each service once and hands it to the UI and the CLI. No static
 * access; whoever needs a service gets this object (or the service) through its constructor.
 *
 * <p>Thread-safe: the coastline is loaded once, on first use.
 */
public final class Services {
    private final SampleData sampleData;
    private final GridSpec gridSpec;
    private volatile Coastline coastline;
    private volatile ZoneLayer generatedZones;

    public Services(SampleData sampleData, GridSpec gridSpec) {
        this.sampleData = sampleData;
        this.gridSpec = gridSpec;
    }

    /** Services over the located sample data and the full Peruvian grid. */
    public static Services standard() {
        return new Services(SampleData.locate(), GridSpec.PERU);
    }

    public SampleData sampleData() {
        return sampleData;
    }

    public GridSpec gridSpec() {
        return gridSpec;
    }

    /** The bundled coastline (a class-path resource), loaded on first use. */
    public Coastline coastline() throws IOException {
        Coastline c = coastline;
        if (c == null) {
            synchronized (this) {
                c = coastline;
                if (c == null) {
                    c = Coastline.bundled();
                    coastline = c;
                }
            }
        }
        return c;
    }

    /**
     * The AIP grid of the bundled coastline: the bundled copy when it was made from this coastline and
     * specification ({@link pe.cardumen.geo.ZoneGridCache}), else generated; then kept (the coastline
     * and the grid specification never change during a run).
     */
    public ZoneLayer generateZones(ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException {
        return zones(progress, cancel);
    }

    /** The generator itself, never the bundled copy (what the test of the copy compares it with). */
    public ZoneLayer generateZonesAfresh(ProgressListener progress, CancellationToken cancel) throws IOException {
        return new ZoneGridGenerator().generate(coastline(), gridSpec, progress, cancel);
    }

    private ZoneLayer zones(ProgressListener progress, CancellationToken cancel) throws IOException {
        ZoneLayer z = generatedZones;
        if (z == null) {
            var cached = pe.cardumen.geo.ZoneGridCache.bundled(pe.cardumen.geo.ZoneGridCache.key(pe.cardumen.geo.ZoneGridCache.bundledCoastlineSha256(),
                    gridSpec));
            z = cached.isPresent() ? new ZoneLayer(ZoneGridGenerator.SOURCE, cached.get())
                    : new ZoneGridGenerator().generate(coastline(), gridSpec, progress, cancel);
            generatedZones = z;
        } else {
            progress.progress(1, 1, "zones already generated");
        }
        return z;
    }

    public VectorLayerReader vectorLayerReader() {
        return new VectorLayerReader();
    }

    public ZoneLayerExporter zoneExporter() {
        return new ZoneLayerExporter();
    }

    /** The demo workspace builder. */
    public DemoWorkspace demoWorkspace() {
        return new DemoWorkspace(this);
    }

    /**
     * The installed model versions' folder: {@code cardumen.models} when set, else {@code models/}
     * beside the sample-data folder.
     */
    public Path modelsDirectory() {
        String property = System.getProperty("cardumen.models");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path parent = sampleData.root().map(Path::getParent).orElse(null);
        return parent == null ? Path.of("models").toAbsolutePath() : parent.resolve("models");
    }

    /** Model training, prediction and the registry. */
    public ModelService models() {
        return new ModelService(this);
    }

    /** The quota report. */
    public ReportService reports() {
        return new ReportService(this);
    }

    /** Quota planning. */
    public QuotaService quota() {
        return new QuotaService(this);
    }

    /** Simulated and imported survey histories. */
    public SurveyHistory surveyHistory() {
        return new SurveyHistory(this);
    }

    /**
     * The bundled ENSO indices: ICEN per month (with ENFEN categories and coastal events) and ONI per
     * season (with phases), under the default thresholds.
     *
     * @param icen the ICEN series
     * @param oni  the ONI series
     */
    public record EnsoSeries(java.util.List<pe.cardumen.features.Enso.IcenMonth> icen, java.util.List<pe.cardumen.features.Enso.OniPhase> oni) {
    }

    /** Reads the bundled ENSO index files. */
    public EnsoSeries ensoSeries() throws IOException, FileFormatException {
        var reader = new pe.cardumen.io.indices.EnsoIndexReader();
        var enso = new pe.cardumen.features.Enso(pe.cardumen.features.EnsoThresholds.defaults());
        return new EnsoSeries(enso.icen(reader.readNinoRegions(sampleData.resolve(SampleData.NINO_REGIONS))),
                enso.oniPhases(reader.readOni(sampleData.resolve(SampleData.ONI))));
    }

    /** Where the desktop app keeps its own files (the demo workspace): {@code cardumen.home} or {@code ~/Cardumen}. */
    public static Path userDirectory() {
        String home = System.getProperty("cardumen.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), "Cardumen");
    }
}
