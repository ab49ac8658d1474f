package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.FormatRegistry;
import pe.cardumen.io.OpenOptions;
import pe.cardumen.io.sonar.SimradRawReader;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Imports files into a workspace, choosing the reader by probing each file: Simrad raw files are
 * echo-integrated (one channel, {@link IntegrationSettings}); Echoview cells CSV and ICES acoustic
 * CSV/XML are read as they are; grids (NetCDF-3/4, GeoTIFF, ERDDAP CSV) are reduced to zonal
 * statistics per zone and time step. Each file is one import, stored in one transaction with its provenance,
 * rejects and cells; a file that fails leaves the workspace as it was and the others still import.
 */
public final class Importer {
    /** The outcome of one file. */
    public record Outcome(Path file, String kind, int cells, int rejected, List<String> warnings, String error) {
        /** Whether the file was imported. */
        public boolean imported() {
            return error == null;
        }
    }

    /** The readers, one provider per format. */
    private static final FormatRegistry FORMATS = FormatRegistry.standard();

    private final double channelKhz;
    private final IntegrationSettings settings;
    private final java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, CalibrationOverrides> overrides;
    private final String survey;
    private String species;

    /**
     * @param channelKhz the channel integrated from raw files, kHz
     * @param settings   the echo-integration grid and exclusions for raw files
     */
    public Importer(double channelKhz, IntegrationSettings settings) {
        this(channelKhz, settings, c -> CalibrationOverrides.NONE);
    }

    /**
     * @param overrides the user's calibration corrections per channel for raw files
     */
    public Importer(double channelKhz, IntegrationSettings settings,
                    java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, CalibrationOverrides> overrides) {
        this(channelKhz, settings, overrides, null);
    }

    private Importer(double channelKhz, IntegrationSettings settings,
                     java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, CalibrationOverrides> overrides, String survey) {
        this.channelKhz = channelKhz;
        this.settings = settings;
        this.overrides = overrides;
        this.survey = survey;
    }

    /**
     * The same importer, its NASC and haul imports belonging to a survey (grids are not survey data).
     *
     * @param survey the survey's id, e.g. {@code 2024-1}; {@code null} for none
     * @throws IllegalArgumentException when the id is blank or has a comma, quote or line break
     */
    public Importer inSurvey(String survey) {
        if (survey != null && (survey.isBlank() || survey.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r'))) {
            throw new IllegalArgumentException("a survey id must be non-blank text without commas, quotes or line breaks, not '" + survey + "'");
        }
        Importer copy = new Importer(channelKhz, settings, overrides, survey == null ? null : survey.strip());
        copy.species = species;
        return copy;
    }

    /**
     * The same importer, reading this species from ICES biotic files that hold several.
     *
     * @param speciesCode the file's {@code CatchSpeciesCode} (e.g. an AphiaID); {@code null}: the only one
     */
    public Importer withSpecies(String speciesCode) {
        Importer copy = new Importer(channelKhz, settings, overrides, survey);
        copy.species = speciesCode;
        return copy;
    }

    /**
     * Stores the settled cells of a live survey's file ({@link pe.cardumen.acoustics.LiveSurvey#settledFiles}):
     * the file's provenance (size, SHA-256 of what was recorded), the cells of the intervals that begin in
     * it (distance intervals continuing from the previous file), under this importer's survey. A later
     * batch import of the same file with the usual settings supersedes it (nothing is counted twice).
     */
    public Outcome importLive(Workspace ws, pe.cardumen.acoustics.LiveSurvey.FileCells settled) throws WorkspaceException {
        Path f = settled.file();
        try {
            String key = String.format(Locale.ROOT, "live;channel=%s kHz;%s;calibration=%s", channelKhz, settings,
                    settled.channel() == null ? "none" : java.util.Map.of(settled.channel().channelId(), overrides.apply(settled.channel())));
            return storeSonar(ws, f, settled.cells(), key, settled.warnings());
        } catch (IOException e) {
            return new Outcome(f, "", 0, 0, List.of(), namingTheFile(f, e));
        }
    }

    private Outcome storeSonar(Workspace ws, Path f, List<IntegrationCell> integrated, String key, List<String> warnings)
            throws IOException, WorkspaceException {
        List<NascCell> cells = new ArrayList<>();
        List<String> zoneCodes = new ArrayList<>();
        String channel = String.format(Locale.ROOT, "%.0f kHz", channelKhz);
        for (IntegrationCell c : integrated) {
            cells.add(new NascCell(f.getFileName().toString(), channel, "", c.interval(), c.layer(), c.timeStart(), c.lat(), c.lon(),
                    c.depthMinM(), c.depthMaxM(), c.svMeanDb(), c.nascM2PerNmi2()));
            zoneCodes.add(c.zone());
        }
        Provenance p = new Provenance(f.getFileName().toString(), Files.size(f), FileDigest.sha256(f), SimradRawReader.NAME,
                AppInfo.version(), Instant.now());
        var stored = ws.importNasc("sonar", p, key, cells, zoneCodes, List.of(), warnings.size(), survey);
        if (stored.skipped()) {
            return alreadyImported(f, "sonar", stored.duplicateOf());
        }
        return new Outcome(f, "sonar", cells.size(), 0, warnings, null);
    }

    /** Imports each file; never throws for a bad file, which is reported in its outcome. */
    public List<Outcome> importAll(Workspace ws, List<Path> files, ProgressListener progress, CancellationToken cancel) throws WorkspaceException {
        return importAll(ws, new ZoneLayer(ws.zoneSource(), ws.zones()), files, progress, cancel);
    }

    /**
     * As {@link #importAll(Workspace, List, ProgressListener, CancellationToken)}, with the workspace's
     * zones already read (a caller importing many files in turn reads them once).
     */
    public List<Outcome> importAll(Workspace ws, ZoneLayer zones, List<Path> files, ProgressListener progress, CancellationToken cancel)
            throws WorkspaceException {
        List<Outcome> outcomes = new ArrayList<>();
        int i = 0;
        for (Path f : files) {
            cancel.throwIfCancelled();
            progress.progress(i++, files.size(), f.getFileName().toString());
            try {
                outcomes.add(importOne(ws, zones, f, cancel));
            } catch (FileFormatException | IOException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                outcomes.add(new Outcome(f, "", 0, 0, List.of(), namingTheFile(f, e)));
            } catch (WorkspaceException e) {
                outcomes.add(new Outcome(f, "", 0, 0, List.of(), e.getMessage()));
            }
        }
        progress.progress(files.size(), files.size(), "done");
        return outcomes;
    }

    /**
     * The failure's message, starting with the file's name when the reader's own message does not
     * name it (a reader's {@link FileFormatException} does; a calibration's refusal, e.g. of FM pings,
     * does not): the user importing many files must see which one failed.
     */
    static String namingTheFile(Path f, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String name = f.getFileName().toString();
        return m.contains(name) ? m : name + ": " + m;
    }

    /** A grid: zonal statistics of every time step over the workspace's zones. */
    private Outcome importGrid(Workspace ws, ZoneLayer zones, Path f, CancellationToken cancel) throws IOException, FileFormatException, WorkspaceException {
        Outcome skipped = skipIfImported(ws, "satellite", f);
        if (skipped != null) {
            return skipped;
        }
        try (pe.cardumen.io.grid.CfGrid g = pe.cardumen.io.grid.CfGrid.open(f, null)) {
            pe.cardumen.ocean.ZonalStatistics stats = new pe.cardumen.ocean.ZonalStatistics(zones, g.latitudes(), g.longitudes());
            List<pe.cardumen.workspace.ZonalRow> rows = new ArrayList<>();
            Instant[] times = g.times();
            // chlorophyll is also stored as log10 (the feature the models use), next to the concentration
            boolean chlorophyll = g.unit().startsWith("mg");
            List<String> warnings = new ArrayList<>(g.warnings());
            long valid = 0;
            for (int t = 0; t < times.length; t++) {
                cancel.throwIfCancelled();
                float[] step;
                try {
                    step = g.step(t);
                } catch (FileFormatException e) {
                    if (t == 0) {
                        throw e;
                    }
                    // a truncated or damaged file: keep the complete steps before the damage, say what was left out
                    warnings.add("time steps " + (t + 1) + "–" + times.length + " of " + times.length + " skipped: " + e.getMessage());
                    break;
                }
                String time = times[t] == null ? null : times[t].toString();
                for (var s : stats.compute(step)) {
                    valid += s.nValid();
                    rows.add(new pe.cardumen.workspace.ZonalRow(g.variableName(), g.unit(), time, s.zone(), s.mean(), s.min(), s.max(), s.std(), s.nValid(),
                            s.validFraction()));
                }
                if (chlorophyll) {
                    for (var s : stats.compute(pe.cardumen.ocean.Log10Field.of(step))) {
                        rows.add(new pe.cardumen.workspace.ZonalRow(pe.cardumen.ocean.Log10Field.PREFIX + g.variableName(), pe.cardumen.ocean.Log10Field.UNIT,
                                time, s.zone(), s.mean(), s.min(), s.max(), s.std(), s.nValid(), s.validFraction()));
                    }
                }
            }
            Provenance p = new Provenance(f.getFileName().toString(), Files.size(f), FileDigest.sha256(f), g.format(), AppInfo.version(), Instant.now());
            if (valid == 0) {
                warnings.add("no valid value of " + g.variableName() + " lies in any zone (all fill, or the grid does not cover the zones)");
            }
            var stored = ws.storeZonal("satellite", p, rows, warnings.size());
            if (stored.skipped()) {
                return alreadyImported(f, "satellite", stored.duplicateOf());
            }
            return new Outcome(f, "satellite", rows.size(), g.skippedRows(), List.copyOf(warnings), null);
        }
    }

    /**
     * Grids and hauls already imported (same content) are not imported again: their rows would count
     * twice in climatologies and biomass. Returns the skip outcome, or null to go on.
     */
    private static Outcome skipIfImported(Workspace ws, String kind, Path f) throws IOException, WorkspaceException {
        var earlier = ws.earlierImport(kind, FileDigest.sha256(f));
        return earlier.isEmpty() ? null : alreadyImported(f, kind, earlier.get());
    }

    private static Outcome alreadyImported(Path f, String kind, pe.cardumen.workspace.ImportRecord earlier) {
        return new Outcome(f, kind, 0, 0, List.of("already imported (import " + earlier.id() + " of " + earlier.fileName() + ", "
                + earlier.importedAt() + "); not imported again"), null);
    }

    private Outcome importOne(Workspace ws, ZoneLayer zones, Path f, CancellationToken cancel)
            throws IOException, FileFormatException, WorkspaceException {
        if (!Files.isRegularFile(f)) {
            throw new FileFormatException(f, "", "does not exist or is not a file");
        }
        FormatRegistry.Match match = FORMATS.probe(f).stream().findFirst().orElseThrow(() -> new FileFormatException(f, "",
                "is not a file Cardumen imports (" + FORMATS.formats(FormatKind.SONAR) + ", " + FORMATS.formats(FormatKind.NASC) + ", "
                        + FORMATS.formats(FormatKind.GRID) + ", " + FORMATS.formats(FormatKind.HAULS) + "); zone layers ("
                        + FORMATS.formats(FormatKind.VECTOR) + ") go through 'cardumen zones import'"));
        FormatKind<?> kind = match.provider().kind();
        if (kind == FormatKind.VECTOR) {
            throw new FileFormatException(f, "", "is a " + match.provider().format() + " layer; zone layers go through 'cardumen zones import'");
        }
        if (kind == FormatKind.SONAR) {
            // what besides the file's bytes decides the cells: a re-import with the same ones is skipped
            java.util.Map<String, CalibrationOverrides> applied = new java.util.TreeMap<>();
            java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, CalibrationOverrides> recording = ch -> {
                CalibrationOverrides o = overrides.apply(ch);
                applied.put(ch.channelId(), o);
                return o;
            };
            RawFileIntegrator.Result r = new RawFileIntegrator().integrate(List.of(f), channelKhz, settings, recording, zones,
                    ProgressListener.NONE, cancel);
            Path bot = RawFileIntegrator.companionBottomFile(f);
            String key = String.format(Locale.ROOT, "channel=%s kHz;%s;calibration=%s;bot=%s", channelKhz, settings, applied,
                    Files.isRegularFile(bot) ? FileDigest.sha256(bot) : "none");
            return storeSonar(ws, f, r.cells(), key, r.warnings());
        }
        if (kind == FormatKind.HAULS) {
            Outcome skipped = skipIfImported(ws, "hauls", f);
            if (skipped != null) {
                return skipped;
            }
            @SuppressWarnings("unchecked")
            var hauls = ((FormatProvider<ImportResult<pe.cardumen.domain.biotic.Haul>>) match.provider()).open(f, new OpenOptions(species, null, null));
            var stored = ws.storeHauls(hauls.provenance(), hauls.accepted(), hauls.rejects(), hauls.warnings().size(), survey);
            if (stored.skipped()) {
                return alreadyImported(f, "hauls", stored.duplicateOf());
            }
            List<String> messages = new ArrayList<>(hauls.warnings());
            for (Reject rej : hauls.rejects()) {
                messages.add("rejected " + rej);
            }
            return new Outcome(f, "hauls", hauls.accepted().size(), hauls.rejects().size(), messages, null);
        }
        if (kind == FormatKind.GRID) {
            return importGrid(ws, zones, f, cancel);
        }
        @SuppressWarnings("unchecked")
        ImportResult<NascCell> result = ((FormatProvider<ImportResult<NascCell>>) match.provider()).open(f, OpenOptions.NONE);
        String kindName = match.provider() instanceof pe.cardumen.io.sonar.IcesAcousticFormat ? "ices" : "echoview";
        List<String> zoneCodes = new ArrayList<>();
        for (NascCell c : result.accepted()) {
            zoneCodes.add(c.hasPosition() ? zones.zoneAt(c.lon(), c.lat()).map(z -> z.code()).orElse("") : "");
        }
        var stored = ws.importNasc(kindName, result.provenance(), null, result.accepted(), zoneCodes, result.rejects(), result.warnings().size(), survey);
        if (stored.skipped()) {
            return alreadyImported(f, kindName, stored.duplicateOf());
        }
        List<String> messages = new ArrayList<>(result.warnings());
        for (Reject rej : result.rejects()) {
            messages.add("rejected " + rej);
        }
        return new Outcome(f, kindName, result.accepted().size(), result.rejects().size(), messages, null);
    }
}
