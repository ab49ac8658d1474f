package pe.cardumen.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.satellite.SatelliteViewModel;

/**
 * The window's state, without any Node: one view model per concern — the workspace, the sonar files,
 * the satellite grid, biomass, models, quota — and the error and notice they publish for the window
 * to show (nothing here opens a dialog). They live as long as the application: a language switch
 * rebuilds the window around them, and they speak the new language through {@link WindowTexts}.
 */
public final class MainViewModel {
    private final MapViewModel map;
    private final ObjectProperty<Problem> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<String> notice = new SimpleObjectProperty<>(this, "notice");
    private final WorkspaceViewModel workspace;
    private final SonarViewModel sonar;
    private final SatelliteViewModel satellite;
    private final BiomassViewModel biomass;
    private final ModelsViewModel models;
    private final QuotaViewModel quota;

    /**
     * @param texts the window's texts; a {@link WindowTexts} lets the view models follow a language switch
     */
    public MainViewModel(Services services, TaskRunner tasks, MapViewModel map, java.util.ResourceBundle texts, UiPreferences preferences) {
        this.map = map;
        ObjectProperty<Path> file = new SimpleObjectProperty<>();
        PanelContext context = new PanelContext(services, tasks, map, texts, file::get, error::set, notice::set);
        workspace = new WorkspaceViewModel(context, preferences);
        file.bind(workspace.fileProperty());
        sonar = new SonarViewModel(context);
        satellite = new SatelliteViewModel(context);
        biomass = new BiomassViewModel(context, preferences);
        models = new ModelsViewModel(context);
        quota = new QuotaViewModel(context);
        workspace.openedProperty().addListener((o, a, opened) -> {
            if (opened == null) {
                return;
            }
            models.predictionProperty().set(null);
            map.zoneModelProperty().set(null);
            biomass.workspaceOpened(opened.file(), opened.latest());
            // a workspace with a default model scores it against any survey not scored yet; an alert shows in the banner
            models.monitor();
        });
    }

    /** The open workspace. */
    public WorkspaceViewModel workspace() {
        return workspace;
    }

    /** The sonar panel's state. */
    public SonarViewModel sonar() {
        return sonar;
    }

    /** The satellite panel's state. */
    public SatelliteViewModel satellite() {
        return satellite;
    }

    /** Biomass: parameters, computation, the survey shown, zone histories. */
    public BiomassViewModel biomass() {
        return biomass;
    }

    /** The Models panel's state. */
    public ModelsViewModel models() {
        return models;
    }

    /** The quota planning panel's state. */
    public QuotaViewModel quota() {
        return quota;
    }

    public MapViewModel map() {
        return map;
    }

    /** The last problem, for an error dialog; the window clears it after showing it. */
    public ObjectProperty<Problem> errorProperty() {
        return error;
    }

    /** A message for the banner (import summaries, warnings). */
    public ObjectProperty<String> noticeProperty() {
        return notice;
    }

    /** Opens a sample file in its panel (to look at; importing it is a separate step). */
    public void openSample(SampleData.SampleFile file) {
        if (file.kind() == SampleData.SampleFile.Kind.SONAR) {
            sonar.load(List.of(file.path()), Double.NaN);
        } else {
            satellite.load(file.path(), null);
        }
    }

    /** Says every label that the view models made in the window's (new) language again. */
    void relabel() {
        workspace.relabel();
        biomass.relabel();
        satellite.relabel();
        models.relabel();
    }
}
