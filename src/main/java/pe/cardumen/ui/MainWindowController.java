package pe.cardumen.ui;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.Zone;
import pe.cardumen.ui.map.MapView;
import pe.cardumen.ui.map.ZoneAttribute;

/**
 * The main window's controller: wires the FXML and the menus to the view models and the map, and
 * shows dialogs. Made anew for each language; the view models it shows outlive it. Runs on the JavaFX
 * thread.
 */
public final class MainWindowController implements MainMenu.Commands {
    private final MainViewModel model;
    private final FxTaskRunner tasks;
    private final ResourceBundle texts;
    private final Consumer<Locale> languageSwitch;
    private MapView mapView;
    private MainMenu menu;
    private SurveyTimeline timeline;
    /** Listeners on the longer-lived view models, removed by {@link #dispose()}. */
    private final List<Runnable> detach = new java.util.ArrayList<>();

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private StackPane mapHolder;
    @FXML private javafx.scene.control.SplitPane centreSplit;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Label statusText;
    @FXML private javafx.scene.control.ProgressBar statusProgress;
    @FXML private Label pointerLabel;
    @FXML private Button cancelTask;
    @FXML private Label detailsLabel;
    @FXML private GridPane detailsGrid;
    @FXML private VBox detailsBox;
    private pe.cardumen.ui.sonar.SonarPanel sonarPanel;
    private pe.cardumen.ui.satellite.SatellitePanel satellitePanel;
    private ZoneHistoryChart historyChart;

    /**
     * @param texts the window's texts in its language (the bundle itself, not the switchable one: this
     *              controller lives for one language)
     */
    public MainWindowController(MainViewModel model, FxTaskRunner tasks, ResourceBundle texts, Consumer<Locale> languageSwitch) {
        this.model = model;
        this.tasks = tasks;
        this.texts = texts;
        this.languageSwitch = languageSwitch;
    }

    /** Adds a listener to a longer-lived property and remembers to remove it. */
    private <T> void listen(javafx.beans.value.ObservableValue<T> property, javafx.beans.value.ChangeListener<? super T> listener) {
        property.addListener(listener);
        detach.add(() -> property.removeListener(listener));
    }

    @FXML
    private void initialize() {
        StartupTrace.mark("controller initialize");
        menu = new MainMenu(menuBar, texts, this);
        fillSamplesMenu();
        mapView = new MapView(model.map(), texts);
        StartupTrace.mark("map view built");
        mapView.setId("mapView");
        timeline = new SurveyTimeline(model.biomass(), model.map(), texts);
        // the timeline sits in a strip above the map, like the legend below it: neither covers zones or graticule labels
        javafx.scene.layout.VBox.setVgrow(mapView, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox timelineBar = new javafx.scene.layout.HBox(timeline.node());
        timelineBar.getStyleClass().add("map-timeline-bar");
        timelineBar.visibleProperty().bind(timeline.node().visibleProperty());
        timelineBar.managedProperty().bind(timeline.node().visibleProperty());
        javafx.scene.layout.VBox mapColumn = new javafx.scene.layout.VBox(timelineBar, mapView);
        mapHolder.getChildren().add(mapColumn);
        detach.add(timeline::dispose);

        ToggleGroup colourGroup = new ToggleGroup();
        for (ZoneAttribute a : ZoneAttribute.values()) {
            RadioMenuItem item = new RadioMenuItem(texts.getString(a.titleKey()));
            item.setToggleGroup(colourGroup);
            item.setSelected(model.map().colourByProperty().get() == a);
            item.setOnAction(e -> model.map().colourByProperty().set(a));
            item.setUserData(a);
            menu.colourBy.getItems().add(item);
        }
        listen(model.map().colourByProperty(), (o, a, b) -> colourGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));

        cancelTask.visibleProperty().bind(tasks.runningProperty());
        pointerLabel.textProperty().bind(model.map().pointerTextProperty());
        statusText.textProperty().bind(Bindings.when(tasks.runningProperty()).then(tasks.messageProperty()).otherwise(model.workspace().statusProperty()));
        statusProgress.visibleProperty().bind(tasks.runningProperty());
        statusProgress.progressProperty().bind(tasks.progressProperty());

        listen(model.map().selectedProperty(), (o, a, z) -> showSelection(z));
        // the details follow the colouring too: they give the value the map is coloured by
        listen(model.map().colourByProperty(), (o, a, b) -> showDetails(model.map().selectedProperty().get()));
        listen(model.map().zoneBiomassProperty(), (o, a, b) -> showDetails(model.map().selectedProperty().get()));
        listen(model.map().zoneSatelliteProperty(), (o, a, b) -> showDetails(model.map().selectedProperty().get()));
        listen(model.map().zoneModelProperty(), (o, a, b) -> showDetails(model.map().selectedProperty().get()));
        listen(model.biomass().historyProperty(), (o, a, h) -> showHistory(model.map().selectedProperty().get()));
        showSelection(model.map().selectedProperty().get());
        StartupTrace.mark("details built");

        // the sonar and satellite panels are made when there is something to show in them
        listen(model.sonar().visibleProperty(), (o, a, shown) -> showSonar());
        listen(model.sonar().loadedProperty(), (o, a, loaded) -> showSonar());
        showSonar();
        listen(model.satellite().visibleProperty(), (o, a, shown) -> showSatellite());
        listen(model.satellite().gridProperty(), (o, a, g) -> showSatellite());
        showSatellite();
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                List<Path> raw = files.stream().map(File::toPath).filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".raw")).toList();
                if (!raw.isEmpty()) {
                    model.sonar().load(raw, Double.NaN);
                }
                // every other file is taken for a satellite grid; the reader says clearly if it is not one
                files.stream().map(File::toPath).filter(f -> !raw.contains(f)).findFirst().ifPresent(f -> model.satellite().load(f, null));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        listen(model.models().comparisonProperty(), (o, a, c) -> {
            if (c != null) {
                ModelsDialog.showComparison(window(), c, texts);
            }
        });
        listen(model.biomass().reportProperty(), (o, a, report) -> {
            if (report != null) {
                BiomassTables.show(window(), report, model.biomass().reportSurveyProperty().get(), texts);
            }
        });
        listen(model.errorProperty(), (o, a, problem) -> {
            if (problem != null) {
                showError(problem);
                model.errorProperty().set(null);
            }
        });
        listen(model.noticeProperty(), (o, a, msg) -> {
            if (msg != null) {
                showNotice(msg);
                model.noticeProperty().set(null);
            }
        });
        listen(model.workspace().needsWorkspaceProperty(), (o, a, needed) -> {
            if (needed) {
                model.workspace().needsWorkspaceProperty().set(false);
                javafx.application.Platform.runLater(this::offerWorkspace);
            }
        });
        if (model.workspace().needsWorkspaceProperty().get()) {
            // set while the window was being built (the first start decides before the controller exists)
            model.workspace().needsWorkspaceProperty().set(false);
            javafx.application.Platform.runLater(this::offerWorkspace);
        }
    }

    /** Detaches this window's views from the view models (before a rebuild in another language). */
    void dispose() {
        detach.forEach(Runnable::run);
        detach.clear();
        if (satellitePanel != null) {
            satellitePanel.dispose();
        }
        if (sonarPanel != null) {
            sonarPanel.dispose();
        }
        mapView.dispose();
    }

    /** File ▸ Open sample: the real sonar and satellite files of sample-data/, each opened in its panel. */
    private void fillSamplesMenu() {
        var files = model.workspace().sampleFiles();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(texts.getString("menu.file.samples.none"));
            none.setDisable(true);
            menu.samples.getItems().add(none);
            return;
        }
        for (var f : files) {
            String kind = texts.getString(f.kind() == pe.cardumen.app.SampleData.SampleFile.Kind.SONAR ? "sample.kind.sonar" : "sample.kind.satellite");
            MenuItem item = new MenuItem(f.name() + "  (" + kind + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openSample(f));
            menu.samples.getItems().add(item);
        }
    }

    /**
     * Without a workspace to open and without sample data to build the demo from: the coast is on the
     * map, and the user is offered to open a workspace or to create one with the zones.
     */
    private void offerWorkspace() {
        ButtonType open = new ButtonType(texts.getString("start.noWorkspace.open"), ButtonBar.ButtonData.YES);
        ButtonType create = new ButtonType(texts.getString("start.noWorkspace.create"), ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType(texts.getString("start.noWorkspace.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.getString("start.noWorkspace.text"), open, create, later);
        alert.initOwner(window());
        alert.setTitle(texts.getString("start.noWorkspace.title"));
        alert.setHeaderText(texts.getString("start.noWorkspace.header"));
        alert.getDialogPane().setId("noWorkspaceDialog");
        alert.showAndWait().ifPresent(choice -> {
            if (choice == open) {
                openWorkspace();
            } else if (choice == create) {
                newDemo();
            }
        });
    }

    private void showSonar() {
        var loaded = model.sonar().loadedProperty().get();
        boolean shown = loaded != null && model.sonar().visibleProperty().get();
        menu.sonarPanel.setSelected(shown);
        menu.sonarPanel.setDisable(loaded == null);
        if (!shown) {
            if (sonarPanel != null) {
                centreSplit.getItems().remove(sonarPanel);
            }
            return;
        }
        if (sonarPanel == null) {
            sonarPanel = new pe.cardumen.ui.sonar.SonarPanel(model.sonar(), texts, this::importSonar);
            sonarPanel.setId("sonarPanel");
        }
        if (!centreSplit.getItems().contains(sonarPanel)) {
            centreSplit.getItems().add(1, sonarPanel);
            centreSplit.setDividerPositions(0.62);
        }
        sonarPanel.show(loaded);
    }

    private void showSatellite() {
        boolean loaded = model.satellite().gridProperty().get() != null;
        boolean shown = loaded && model.satellite().visibleProperty().get();
        menu.satellitePanel.setSelected(shown);
        menu.satellitePanel.setDisable(!loaded);
        if (!shown) {
            if (satellitePanel != null) {
                satellitePanel.stop();
                centreSplit.getItems().remove(satellitePanel);
            }
            return;
        }
        if (satellitePanel == null) {
            satellitePanel = new pe.cardumen.ui.satellite.SatellitePanel(model.satellite(), texts, (file, variable) -> model.satellite().load(file, variable),
                    this::importSatellite);
            satellitePanel.setId("satellitePanel");
        }
        if (!centreSplit.getItems().contains(satellitePanel)) {
            centreSplit.getItems().add(satellitePanel);
            centreSplit.setDividerPositions(centreSplit.getItems().size() == 2 ? 0.7 : 0.5, 0.75);
        }
    }

    private void showSelection(Zone z) {
        boolean none = z == null;
        detailsLabel.setVisible(none);
        detailsLabel.setManaged(none);
        detailsGrid.setVisible(!none);
        detailsGrid.setManaged(!none);
        showDetails(z);
        showHistory(z);
    }

    /** The selected zone's attributes and the value the map is coloured by, as name–value rows. */
    private void showDetails(Zone z) {
        detailsGrid.getChildren().clear();
        if (z == null) {
            return;
        }
        int row = 0;
        for (ZoneDetails.Row r : ZoneDetails.of(z, model.map(), texts)) {
            Label name = new Label(r.name());
            name.getStyleClass().add("details-name");
            name.setWrapText(true);
            name.setMaxWidth(150);
            Label value = new Label(r.value());
            value.getStyleClass().add(r.coloured() ? "details-coloured" : "details-value");
            value.setWrapText(true);
            detailsGrid.addRow(row++, name, value);
        }
    }

    /** The zone's biomass across surveys, under its details (the chart is made on first use). */
    private void showHistory(Zone z) {
        if (historyChart == null) {
            if (z == null) {
                return;
            }
            historyChart = new ZoneHistoryChart(texts);
            detailsBox.getChildren().add(historyChart.node());
        }
        historyChart.show(z == null ? null : z.code(), model.biomass().historyProperty().get());
    }

    /** Shows a message in the banner above the map until it is closed or replaced. */
    private void showNotice(String message) {
        bannerText.setText(message);
        banner.setVisible(true);
        banner.setManaged(true);
    }

    @FXML
    private void onCloseBanner() {
        banner.setVisible(false);
        banner.setManaged(false);
    }

    @FXML
    private void onCancelTask() {
        tasks.cancel();
    }

    /** The banner's message ("" when closed), for tests. */
    String notice() {
        return banner.isVisible() ? bannerText.getText() : "";
    }

    /** The satellite panel, for tests. */
    public pe.cardumen.ui.satellite.SatellitePanel satellitePanel() {
        return satellitePanel;
    }

    /** The sonar panel, for tests. */
    public pe.cardumen.ui.sonar.SonarPanel sonarPanel() {
        return sonarPanel;
    }

    /** The map, for the application and tests. */
    public MapView mapView() {
        return mapView;
    }

    /** The survey timeline over the map, for tests. */
    SurveyTimeline timeline() {
        return timeline;
    }

    /** The menus' shortcuts, for Help ▸ Keyboard shortcuts and tests. */
    List<MainMenu.Shortcut> shortcutList() {
        return menu.shortcuts();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showError(Problem problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle(texts.getString("error.title"));
        alert.setHeaderText(texts.getString("error.header"));
        alert.getDialogPane().setId("errorDialog");
        Label summary = new Label(problem.summary());
        summary.setWrapText(true);
        summary.setMaxWidth(520);
        summary.setId("errorSummary");
        alert.getDialogPane().setContent(summary);
        if (problem.detail() != null && !problem.detail().equals(problem.summary())) {
            TextArea details = new TextArea(problem.detail());
            details.setId("errorDetails");
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(5);
            alert.getDialogPane().setExpandableContent(details);
            alert.getDialogPane().setExpanded(false);
        }
        alert.show();
    }

    @Override
    public void openWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.workspace"), "*.cardumen.gpkg", "*.gpkg"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            model.workspace().open(f.toPath());
        }
    }

    @Override
    public void openSonar() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.raw"), "*.raw", "*.RAW"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            model.sonar().load(files.stream().map(File::toPath).toList(), Double.NaN);
        }
    }

    /**
     * File ▸ Live survey…: the folder the echosounder writes into, the channel, and the survey to import
     * the settled cells into (when a workspace is open); then the sonar panel follows the folder.
     */
    @Override
    public void liveSurvey() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(texts.getString("live.chooseFolder"));
        File dir = chooser.showDialog(window());
        if (dir == null) {
            return;
        }
        boolean workspaceOpen = model.workspace().fileProperty().get() != null;
        java.util.function.Consumer<List<String>> ask = ids -> LiveSurveyDialog.ask(window(), texts, dir.getName(), ids, workspaceOpen)
                .ifPresent(choice -> model.sonar().startLive(dir.toPath(), choice.channelKhz(), choice.survey()));
        if (workspaceOpen) {
            model.workspace().readSurveys(surveys -> ask.accept(surveys.stream().map(pe.cardumen.workspace.SurveyInfo::id).toList()));
        } else {
            ask.accept(List.of());
        }
    }

    @Override
    public void openSatellite() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.grids"), "*.nc", "*.nc4", "*.h5", "*.tif", "*.tiff",
                "*.csv", "*.csvp"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            model.satellite().load(f.toPath(), null);
        }
    }

    /**
     * File ▸ Import sonar files into the workspace: asks which survey the files belong to (the
     * workspace's latest is proposed; a new id may be typed), then imports them.
     */
    @Override
    public void importSonar() {
        if (model.sonar().loadedProperty().get() == null) {
            showError(Problem.of(texts.getString("sonar.nothingToImport")));
            return;
        }
        if (model.workspace().fileProperty().get() == null) {
            showError(Problem.of(texts.getString("workspace.none")));
            return;
        }
        model.workspace().readSurveys(surveys -> {
            List<String> ids = surveys.stream().map(pe.cardumen.workspace.SurveyInfo::id).toList();
            var loaded = model.sonar().loadedProperty().get();
            SurveyDialog.ask(window(), texts, ids, loaded.files().size(), loaded.channel() == null ? "—" : Formats.number(loaded.channel().frequencyHz() / 1000, 0)
                    + " kHz").ifPresent(model.sonar()::importInto);
        });
    }

    @Override
    public void importSatellite() {
        var g = model.satellite().gridProperty().get();
        if (g == null) {
            showError(Problem.of(texts.getString("satellite.nothingToImport")));
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(texts.getString("satellite.importConfirm"), g.file().getFileName(),
                g.steps().length), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setTitle(texts.getString("satellite.importTitle"));
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("importSatelliteDialog");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.satellite().importIntoWorkspace());
    }

    @Override
    public void showSonarPanel(boolean shown) {
        if (shown) {
            model.sonar().reopen();
        } else {
            model.sonar().close();
        }
    }

    @Override
    public void showSatellitePanel(boolean shown) {
        if (shown) {
            model.satellite().reopen();
        } else {
            model.satellite().close();
        }
    }

    @Override
    public void computeBiomass() {
        model.workspace().readSurveys(all -> {
            List<String> surveys = all.stream().map(pe.cardumen.workspace.SurveyInfo::id).toList();
            String survey = surveys.size() <= 1 ? (surveys.isEmpty() ? null : surveys.get(0)) : choose(surveys, surveys.get(surveys.size() - 1), "biomass.chooseSurvey");
            if (surveys.size() > 1 && survey == null) {
                return; // cancelled
            }
            model.biomass().readNascLabels(survey, labels -> {
                String channel = choose(labels.channels(), "biomass.chooseChannel");
                String category = channel == null && labels.channels().size() > 1 ? null : choose(labels.categories(), "biomass.chooseCategory");
                if ((labels.channels().size() > 1 && channel == null) || (labels.categories().size() > 1 && category == null)) {
                    return; // the user cancelled a choice
                }
                model.biomass().compute(survey, channel, category);
            });
        });
    }

    @Override
    public void quota() {
        QuotaPanel.show(window(), model.quota(), texts);
    }

    @Override
    public void models() {
        ModelsDialog.show(window(), model.models(), texts);
    }

    @Override
    public void predict() {
        model.models().readDefault(ref -> {
            if (ref == null) {
                showError(Problem.of(texts.getString("models.noDefault")));
                return;
            }
            ModelsDialog.askPeriod(window(), texts).ifPresent(p -> model.models().predict(ref, p));
        });
    }

    @Override
    public void biomassParameters() {
        BiomassParameterEditor.show(window(), model.biomass().parametersProperty().get(), texts).ifPresent(model.biomass()::applyParameters);
    }

    /** The only value, or the user's choice among several (null when cancelled). */
    private String choose(List<String> values, String headerKey) {
        if (values.size() <= 1) {
            return values.isEmpty() ? null : values.get(0);
        }
        return choose(values, values.stream().filter(v -> v.startsWith("38 ")).findFirst().orElse(values.get(0)), headerKey);
    }

    private String choose(List<String> values, String preferred, String headerKey) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(preferred, values);
        dialog.initOwner(window());
        dialog.setTitle(texts.getString("biomass.title"));
        dialog.setHeaderText(texts.getString(headerKey));
        return dialog.showAndWait().orElse(null);
    }

    @Override
    public void newDemo() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("demo.cardumen.gpkg");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            model.workspace().buildDemo(f.toPath());
        }
    }

    @Override
    public void importZones() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.zones"), "*.geojson", "*.json", "*.gpkg", "*.shp"));
        File f = chooser.showOpenDialog(window());
        if (f == null) {
            return;
        }
        model.workspace().readFields(f.toPath(), fields -> {
            String guess = fields.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("cod")).findFirst().orElse(fields.isEmpty() ? "" : fields.get(0));
            ChoiceDialog<String> dialog = new ChoiceDialog<>(guess, fields);
            dialog.initOwner(window());
            dialog.setTitle(texts.getString("import.codeField.title"));
            dialog.setHeaderText(texts.getString("import.codeField.header"));
            dialog.showAndWait().ifPresent(field -> model.workspace().importZones(f.toPath(), field));
        });
    }

    @Override
    public void exportZones() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.getString("filter.geojson"), "*.geojson"),
                new FileChooser.ExtensionFilter(texts.getString("filter.gpkg"), "*.gpkg"),
                new FileChooser.ExtensionFilter(texts.getString("filter.shp"), "*.shp"));
        chooser.setInitialFileName("zones.geojson");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            Path out = f.toPath();
            String ext = chooser.getSelectedExtensionFilter() == null ? "*.geojson" : chooser.getSelectedExtensionFilter().getExtensions().get(0);
            if (!out.getFileName().toString().contains(".")) {
                out = out.resolveSibling(out.getFileName() + ext.substring(1));
            }
            model.workspace().exportZones(out);
        }
    }

    @Override
    public void quit() {
        Window w = window();
        if (w != null) {
            w.hide();
        }
    }

    @Override
    public void zoomIn() {
        mapView.zoomBy(2);
    }

    @Override
    public void zoomOut() {
        mapView.zoomBy(0.5);
    }

    @Override
    public void zoomToPeru() {
        mapView.zoomToPeru();
    }

    @Override
    public void spanish() {
        languageSwitch.accept(Locale.forLanguageTag("es-PE"));
    }

    @Override
    public void english() {
        languageSwitch.accept(Locale.ENGLISH);
    }

    @Override
    public void guide() {
        UserGuide.show(window(), texts);
    }

    @Override
    public void shortcuts() {
        javafx.scene.control.TableView<MainMenu.Shortcut> table = new javafx.scene.control.TableView<>();
        table.setId("shortcutsTable");
        javafx.scene.control.TableColumn<MainMenu.Shortcut, String> keys = new javafx.scene.control.TableColumn<>(texts.getString("shortcuts.keys"));
        keys.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(d.getValue().keys()));
        keys.setPrefWidth(170);
        javafx.scene.control.TableColumn<MainMenu.Shortcut, String> action = new javafx.scene.control.TableColumn<>(texts.getString("shortcuts.action"));
        action.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(d.getValue().action()));
        action.setPrefWidth(380);
        table.getColumns().add(keys);
        table.getColumns().add(action);
        table.getItems().setAll(menu.shortcuts());
        table.setPrefSize(570, 520);
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        FloatingDialog.show(window(), texts.getString("shortcuts.title"), table);
    }

    @Override
    public void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(window());
        about.setTitle(texts.getString("menu.help.about").replace("_", ""));
        about.setHeaderText(AppInfo.NAME);
        about.setContentText(MessageFormat.format(texts.getString("about.text"), AppInfo.version(), AppInfo.platform()));
        about.show();
    }
}
