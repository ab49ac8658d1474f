package pe.cardumen.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.app.BiomassSurvey;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.ZoneAttribute;
import pe.cardumen.workspace.BiomassRun;
import pe.cardumen.workspace.SurveyInfo;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Biomass in the window: the parameter set (remembered), computing a survey's biomass (stored with
 * its parameter set), the survey whose stored biomass the map shows — any survey's latest run, chosen
 * on the survey timeline without recomputing — and each zone's history across surveys. Every method
 * runs on the JavaFX thread; the reads and the computation run in the background.
 */
public final class BiomassViewModel {
    /**
     * One survey's biomass density in a zone, for the zone's time series.
     *
     * @param survey    the survey's id
     * @param period    its month
     * @param densityT  biomass density, t nmi⁻²
     * @param simulated whether the survey is simulated data
     */
    public record HistoryPoint(String survey, YearMonth period, double densityT, boolean simulated) {
    }

    /**
     * A survey with stored biomass, for the timeline.
     *
     * @param survey    the survey's id ({@code null} for a run of NASC without a survey)
     * @param run       its latest stored run
     * @param simulated whether it is SIMULATED data
     */
    public record StoredSurvey(String survey, BiomassRun run, boolean simulated) {
    }

    /**
     * A survey's stored biomass as the map shows it.
     *
     * @param survey  the survey
     * @param density biomass density per zone code, t nmi⁻²
     */
    public record Shown(StoredSurvey survey, Map<String, Double> density) {
    }

    /** The channel and category labels of a survey's NASC, for the choice when there are several. */
    public record NascLabels(List<String> channels, List<String> categories) {
    }

    /** What a computation asked for, which a recompute with other parameters repeats. */
    private record Choice(String survey, String channel, String category) {
    }

    /** What the background reads hand back. */
    private record Read(List<StoredSurvey> surveys, Map<String, List<HistoryPoint>> history) {
    }

    private record Computed(BiomassSurvey.Report report, String survey, boolean simulated, Read read) {
    }

    private final PanelContext context;
    private final UiPreferences preferences;
    private final ObjectProperty<BiomassParameters> parameters = new SimpleObjectProperty<>(this, "parameters");
    private final ObjectProperty<BiomassSurvey.Report> report = new SimpleObjectProperty<>(this, "report");
    private final ObjectProperty<String> reportSurvey = new SimpleObjectProperty<>(this, "reportSurvey", "");
    private final ObjectProperty<List<StoredSurvey>> surveys = new SimpleObjectProperty<>(this, "surveys", List.of());
    private final ObjectProperty<StoredSurvey> shown = new SimpleObjectProperty<>(this, "shown");
    private final ObjectProperty<Map<String, List<HistoryPoint>>> history = new SimpleObjectProperty<>(this, "history", Map.of());
    private Choice lastChoice;

    BiomassViewModel(PanelContext context, UiPreferences preferences) {
        this.context = context;
        this.preferences = preferences;
        parameters.set(preferences.biomassParameters().orElse(BiomassParameters.defaults()));
    }

    /** The parameter set the next computation uses (remembered between sessions). */
    public ObjectProperty<BiomassParameters> parametersProperty() {
        return parameters;
    }

    /** The last biomass computed in this session, for the tables; {@code null} before any. */
    public ObjectProperty<BiomassSurvey.Report> reportProperty() {
        return report;
    }

    /** The survey of {@link #reportProperty()} ("" without one), labelled when simulated. */
    public ObjectProperty<String> reportSurveyProperty() {
        return reportSurvey;
    }

    /** Every survey with stored biomass, in survey order (the timeline's stops). */
    public ObjectProperty<List<StoredSurvey>> surveysProperty() {
        return surveys;
    }

    /** The survey whose stored biomass the map shows; {@code null} when none is. */
    public ObjectProperty<StoredSurvey> shownProperty() {
        return shown;
    }

    /** Each zone's biomass density across the workspace's surveys (zone code → points in survey order). */
    public ObjectProperty<Map<String, List<HistoryPoint>>> historyProperty() {
        return history;
    }

    /**
     * The latest survey's latest stored run with its densities, read with the zones when a workspace
     * opens so that the first map already shows it; empty without stored biomass. {@code all} are the
     * workspace's surveys in time order, as {@link Workspace#surveys()} gives them.
     */
    static java.util.Optional<Shown> readLatest(Workspace ws, List<SurveyInfo> all) throws WorkspaceException {
        List<BiomassRun> runs = ws.biomassRuns();
        if (runs.isEmpty()) {
            return java.util.Optional.empty();
        }
        StoredSurvey latest = null;
        for (int i = all.size() - 1; i >= 0 && latest == null; i--) {
            String id = all.get(i).id();
            var run = runs.stream().filter(r -> id.equals(r.survey())).reduce((a, b) -> b);
            if (run.isPresent()) {
                latest = new StoredSurvey(id, run.get(), all.get(i).simulated());
            }
        }
        if (latest == null) {
            var run = runs.stream().filter(r -> r.survey() == null).reduce((a, b) -> b);
            if (run.isEmpty()) {
                return java.util.Optional.empty();
            }
            latest = new StoredSurvey(null, run.get(), false);
        }
        Map<String, Double> density = new HashMap<>();
        ws.biomass(latest.run().id()).forEach(r -> density.put(r.zone(), r.densityTPerNmi2()));
        return java.util.Optional.of(new Shown(latest, density));
    }

    /**
     * A workspace was opened: shows its latest survey's stored biomass (read with the zones), then
     * reads the surveys for the timeline and the zone history in the background.
     */
    void workspaceOpened(Path ws, Shown latest) {
        lastChoice = null;
        report.set(null);
        shown.set(null);
        surveys.set(latest == null ? List.of() : List.of(latest.survey()));
        history.set(Map.of());
        MapViewModel map = context.map();
        if (latest == null) {
            map.zoneBiomassProperty().set(Map.of());
            map.zoneBiomassTitleProperty().set("");
        } else {
            display(latest);
            if (map.colourByProperty().get() == ZoneAttribute.AREA) {
                // a workspace with results opens on them rather than on the zones' areas
                map.colourByProperty().set(ZoneAttribute.BIOMASS);
            }
        }
        context.tasks().run(MessageFormat.format(context.texts().getString("task.history"), ws.getFileName()), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                return read(w);
            }
        }, r -> {
            if (ws.equals(context.workspace().get())) {
                surveys.set(r.surveys());
                history.set(r.history());
            }
        }, context::failed);
    }

    /**
     * Shows a survey's stored biomass (its latest run) on the map, as the timeline asks; nothing is
     * computed or stored.
     */
    public void show(StoredSurvey s) {
        Path ws = context.workspace().get();
        if (ws == null || s == null) {
            return;
        }
        context.tasks().run(MessageFormat.format(context.texts().getString("task.biomassShow"), s.survey() == null ? "—" : s.survey()), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                Map<String, Double> density = new HashMap<>();
                w.biomass(s.run().id()).forEach(r -> density.put(r.zone(), r.densityTPerNmi2()));
                return density;
            }
        }, density -> {
            display(new Shown(s, density));
            context.map().colourByProperty().set(ZoneAttribute.BIOMASS);
        }, context::failed);
    }

    private void display(Shown s) {
        shown.set(s.survey());
        MapViewModel map = context.map();
        map.zoneBiomassTitleProperty().set(title(s.survey().survey(), s.survey().simulated()));
        map.zoneBiomassProperty().set(s.density());
    }

    /** Reads the channel and category labels of a survey's NASC in the background. */
    public void readNascLabels(String survey, Consumer<NascLabels> then) {
        Path ws = context.workspace().get();
        if (ws == null) {
            then.accept(new NascLabels(List.of(), List.of()));
            return;
        }
        context.tasks().run(context.texts().getString("task.nascLabels"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                var cells = w.nascCells(survey);
                return new NascLabels(cells.stream().map(NascCell::channel).distinct().sorted().toList(),
                        cells.stream().map(NascCell::category).distinct().sorted().toList());
            }
        }, then, context::failed);
    }

    /**
     * Computes the biomass of a survey of the open workspace from its NASC and hauls with the current
     * parameter set (1,000 bootstrap replicates, seed 1), stores it with its parameter set and shows it.
     *
     * @param survey   the survey ({@code null}: the NASC without a survey)
     * @param channel  the NASC channel ({@code null}: the only one)
     * @param category the NASC category ({@code null}: the only one)
     */
    public void compute(String survey, String channel, String category) {
        Path ws = context.workspace().get();
        if (ws == null) {
            context.error().accept(context.texts().getString("workspace.none"));
            return;
        }
        var zones = context.map().zonesProperty().get();
        var params = parameters.get();
        lastChoice = new Choice(survey, channel, category);
        context.tasks().run(context.texts().getString("task.biomass"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                if (w.hauls(survey).isEmpty()) {
                    throw new IllegalStateException(context.texts().getString("biomass.noHauls"));
                }
                var r = new BiomassSurvey().compute(w, zones, survey, params, channel, category, 1000, 1);
                c.throwIfCancelled();
                BiomassSurvey.store(w, survey, r, 1000, 1);
                boolean simulated = survey != null && w.isSimulatedSurvey(survey);
                return new Computed(r, survey, simulated, read(w));
            }
        }, r -> {
            surveys.set(r.read().surveys());
            history.set(r.read().history());
            reportSurvey.set((r.survey() == null ? "" : r.survey()) + (r.simulated() ? " — " + context.texts().getString("data.simulated") : ""));
            StoredSurvey s = r.read().surveys().stream().filter(x -> java.util.Objects.equals(x.survey(), r.survey())).reduce((a, b) -> b).orElse(null);
            MapViewModel map = context.map();
            Map<String, Double> density = new HashMap<>();
            r.report().zones().forEach(z -> density.put(z.zone(), z.densityTPerNmi2()));
            if (s != null) {
                display(new Shown(s, density));
            } else {
                shown.set(null);
                map.zoneBiomassTitleProperty().set(title(r.survey(), r.simulated()));
                map.zoneBiomassProperty().set(density);
            }
            map.colourByProperty().set(ZoneAttribute.BIOMASS);
            report.set(r.report());
        }, context::failed);
    }

    /**
     * Replaces the parameter set, remembers it, and recomputes the last computation of this session
     * with it (when there was one).
     */
    public void applyParameters(BiomassParameters p) {
        parameters.set(p);
        preferences.setBiomassParameters(p);
        if (lastChoice != null) {
            compute(lastChoice.survey(), lastChoice.channel(), lastChoice.category());
        }
    }

    /** Says the map's title again in the window's (new) language. */
    void relabel() {
        StoredSurvey s = shown.get();
        if (s != null) {
            context.map().zoneBiomassTitleProperty().set(title(s.survey(), s.simulated()));
        }
    }

    /** The biomass legend's title for a survey ("" without one: the generic title). */
    private String title(String survey, boolean simulated) {
        if (survey == null) {
            return "";
        }
        return MessageFormat.format(context.texts().getString("map.biomassSurvey"), survey)
                + (simulated ? " — " + context.texts().getString("data.simulated") : "");
    }

    /** The surveys with stored biomass and each zone's density in each (the survey's latest run), in survey order. */
    private static Read read(Workspace ws) throws WorkspaceException {
        Map<String, List<HistoryPoint>> out = new HashMap<>();
        List<StoredSurvey> stored = new ArrayList<>();
        List<BiomassRun> runs = ws.biomassRuns();
        for (SurveyInfo survey : ws.surveys()) {
            BiomassRun latest = null;
            for (BiomassRun r : runs) {
                if (survey.id().equals(r.survey())) {
                    latest = r;
                }
            }
            if (latest == null) {
                continue;
            }
            stored.add(new StoredSurvey(survey.id(), latest, survey.simulated()));
            if (survey.period() == null) {
                continue;
            }
            for (var row : ws.biomass(latest.id())) {
                out.computeIfAbsent(row.zone(), k -> new ArrayList<>()).add(new HistoryPoint(survey.id(), survey.period(), row.densityTPerNmi2(),
                        survey.simulated()));
            }
        }
        if (stored.isEmpty()) {
            // a workspace whose NASC has no survey: its latest run
            runs.stream().filter(r -> r.survey() == null).reduce((a, b) -> b).ifPresent(r -> stored.add(new StoredSurvey(null, r, false)));
        }
        return new Read(List.copyOf(stored), out);
    }
}
