package pe.cardumen.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import pe.cardumen.app.Services;
import pe.cardumen.ui.map.MapView;
import pe.cardumen.ui.map.MapViewModel;

/**
 * The desktop application. Builds the services, restores the window and language, shows the coast,
 * then opens the last workspace (or, on first start, builds the demo workspace).
 *
 * <p>Parameters: {@code --workspace FILE} opens that workspace; {@code --sonar FILE…} loads raw files
 * into the sonar panel; {@code --live DIR} follows a folder as a live survey of its 38 kHz channel (shown, not
 * imported); {@code --satellite FILE} loads a grid into the satellite panel; {@code --predict
 * ID:VERSION@YYYY-MM} predicts a month onto the map and {@code --models} opens the Models panel once the
 * workspace is open; {@code --quota} opens the quota planning panel. System property
 * {@code cardumen.exitAfterFirstMap=true} prints the time from JVM start to the first rendered map with
 * zones and exits (used by the start-up benchmark).
 */
public final class CardumenApp extends Application {
    private final UiPreferences preferences = new UiPreferences();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final MapViewModel mapModel = new MapViewModel();
    private Services services;
    private Stage stage;
    private MainWindowController controller;
    private MainViewModel model;
    private WindowTexts texts;

    /** Launches the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        Application.launch(CardumenApp.class, args);
    }

    @Override
    public void start(Stage primary) {
        StartupTrace.mark("Application.start");
        this.stage = primary;
        Locale locale = preferences.locale();
        try {
            services = Services.standard();
        } catch (IllegalStateException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cardumen cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        StartupTrace.mark("services built");
        warmUp();
        show(locale);
        StartupTrace.mark("window built");
        double[] b = preferences.windowBounds();
        stage.setWidth(b[2]);
        stage.setHeight(b[3]);
        if (!Double.isNaN(b[0]) && !Double.isNaN(b[1])) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        stage.setMaximized(preferences.maximized());
        stage.setOnHidden(e -> saveWindow());
        stage.show();
        StartupTrace.mark("window shown");

        List<Path> sonar = sonarParameter();
        if (!sonar.isEmpty()) {
            model.sonar().load(sonar, Double.NaN);
        }
        Path liveFolder = optionValue("--live");
        if (liveFolder != null) {
            // a live survey of that folder at 38 kHz, shown only (the survey to import into is asked by File ▸ Live survey…)
            model.sonar().startLive(liveFolder, 38, null);
        }
        Path satellite = optionValue("--satellite");
        if (satellite != null) {
            // the zonal statistics need the zones: load once they are on the map
            if (mapModel.zonesProperty().get() != null) {
                model.satellite().load(satellite, null);
            } else {
                mapModel.zonesProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends pe.cardumen.geo.ZoneLayer> o, pe.cardumen.geo.ZoneLayer a,
                                        pe.cardumen.geo.ZoneLayer zones) {
                        if (zones != null) {
                            o.removeListener(this);
                            model.satellite().load(satellite, null);
                        }
                    }
                });
            }
        }
        String predict = optionValue("--predict") == null ? null : optionValue("--predict").toString();
        boolean modelsPanel = getParameters() != null && getParameters().getRaw().contains("--models");
        boolean quotaPanel = getParameters() != null && getParameters().getRaw().contains("--quota");
        if (predict != null || modelsPanel || quotaPanel) {
            // once the workspace is open: predict (ID:VERSION@YYYY-MM) and/or open the Models panel
            model.workspace().fileProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Path> o, Path a, Path ws) {
                    if (ws == null) {
                        return;
                    }
                    o.removeListener(this);
                    if (predict != null && predict.contains("@")) {
                        model.models().predict(predict.substring(0, predict.indexOf('@')), java.time.YearMonth.parse(predict.substring(predict.indexOf('@') + 1)));
                    }
                    if (modelsPanel) {
                        ModelsDialog.show(stage, model.models(), texts.current());
                    }
                    if (quotaPanel) {
                        QuotaPanel.show(stage, model.quota(), texts.current());
                    }
                }
            });
        }
        if (Boolean.getBoolean("cardumen.exitAfterFirstMap")) {
            exitAfterFirstMap();
        }
    }

    /**
     * Loads the coastline and initialises Apache SIS's referencing (the map's World Mercator) on a
     * thread of its own while the JavaFX thread builds the window and the task thread reads the
     * workspace: the three take turns on the cores instead of waiting for each other.
     */
    private void warmUp() {
        Services s = services;
        Thread t = new Thread(() -> {
            try {
                var projection = new pe.cardumen.render.MapProjection();
                pe.cardumen.render.MapRenderer.warmUp(s.coastline(), projection);
                StartupTrace.mark("map renderer warmed up");
            } catch (java.io.IOException | RuntimeException e) {
                // the coastline task and the map view do it again and report any failure
            }
        }, "cardumen-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Files after {@code --sonar} (up to the next option). */
    private List<Path> sonarParameter() {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        List<Path> files = new java.util.ArrayList<>();
        boolean in = false;
        for (String a : raw) {
            if (a.startsWith("--")) {
                in = a.equals("--sonar");
            } else if (in) {
                files.add(Path.of(a));
            }
        }
        return files;
    }

    private Path workspaceParameter() {
        return optionValue("--workspace");
    }

    private Path optionValue(String option) {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        for (int i = 0; i + 1 < raw.size(); i++) {
            if (option.equals(raw.get(i))) {
                return Path.of(raw.get(i + 1));
            }
        }
        return null;
    }

    /**
     * Builds (or rebuilds, after a language change) the window's content in {@code locale}. The view
     * models are made once and kept: a rebuild only makes new views around them, so the open workspace,
     * the files in the panels and their state stay as they were.
     */
    private void show(Locale locale) {
        // JavaFX's own texts (OK, Cancel, Close, Show details) follow the default locale, read as each is shown
        Locale.setDefault(locale);
        Formats.use(locale);
        if (texts == null) {
            texts = new WindowTexts(locale);
        } else {
            texts.use(locale);
        }
        var viewport = controller == null ? null : controller.mapView().viewportProperty().get();
        if (controller != null) {
            controller.dispose();
        }
        if (model == null) {
            model = new MainViewModel(services, tasks, mapModel, texts, preferences);
            // first start: the workspace is read on the task thread and the coast on the warm-up thread while
            // the window is built; the coast's task then finds it loaded
            model.workspace().openInitial(workspaceParameter());
            model.workspace().loadCoastline();
        } else {
            model.relabel();
        }
        ResourceBundle bundle = texts.current();
        FXMLLoader loader = new FXMLLoader(CardumenApp.class.getResource("MainWindow.fxml"), bundle);
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) {
                StartupTrace.mark("FXML root element read");
                return new MainWindowController(model, tasks, bundle, this::switchLanguage);
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        Parent root;
        StartupTrace.mark("view model built");
        try {
            root = loader.load();
            StartupTrace.mark("FXML loaded");
        } catch (IOException e) {
            throw new IllegalStateException("MainWindow.fxml cannot be loaded", e);
        }
        controller = loader.getController();
        if (viewport != null) {
            MapView map = controller.mapView();
            map.viewportProperty().set(viewport);
        }
        if (stage.getScene() == null) {
            Scene scene = new Scene(root);
            scene.getStylesheets().add(CardumenApp.class.getResource("cardumen.css").toExternalForm());
            scene.setOnKeyPressed(e -> {
                if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                    return;
                }
                if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                    controller.mapView().zoomBy(2);
                } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                    controller.mapView().zoomBy(0.5);
                }
            });
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
        stage.setTitle(bundle.getString("app.title"));
    }

    /**
     * Switches the window's language: the views are rebuilt around the same view models (the workspace
     * is not reopened; the sonar and satellite panels keep their files, date and choices) and the
     * floating panels that were open are reopened in the new language.
     */
    private void switchLanguage(Locale locale) {
        preferences.setLocale(locale);
        List<String> reopen = new java.util.ArrayList<>();
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage && w.getScene() != null) {
                if (w.getScene().lookup("#quotaPanel") != null) {
                    reopen.add("quota");
                } else if (w.getScene().lookup("#modelsPanel") != null) {
                    reopen.add("models");
                }
                w.hide();
            }
        }
        show(locale);
        for (String kind : reopen) {
            if (kind.equals("quota")) {
                QuotaPanel.show(stage, model.quota(), texts.current());
            } else if (kind.equals("models")) {
                ModelsDialog.show(stage, model.models(), texts.current());
            }
        }
    }


    private void saveWindow() {
        preferences.setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            preferences.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    private void exitAfterFirstMap() {
        MapView map = controller.mapView();
        map.framesRenderedProperty().addListener((o, a, n) -> {
            if (mapModel.zonesProperty().get() != null && mapModel.coastlineProperty().get() != null) {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first map with zones rendered " + ms + " ms after JVM start");
                Platform.exit();
            }
        });
    }

    /** The controller, for tests. */
    MainWindowController controller() {
        return controller;
    }

    /** The main view model, for tests. */
    MainViewModel model() {
        return model;
    }

    /** The map's view model, for tests. */
    MapViewModel mapModel() {
        return mapModel;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.sonar().stopLiveAndWait(20);
        }
        tasks.shutdown();
        if (controller != null) {
            controller.dispose();
        }
    }
}
