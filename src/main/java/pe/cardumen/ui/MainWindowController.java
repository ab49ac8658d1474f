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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.ui.map.MapView;
import pe.cardumen.ui.map.ZoneAttribute;

/**
 * The main window's controller: wires the FXML to the {@link MainViewModel} and the map, and shows
 * dialogs. Runs on the JavaFX thread.
 */
public final class MainWindowController {
    private final MainViewModel model;
    private final FxTaskRunner tasks;
    private final ResourceBundle texts;
    private final Consumer<Locale> languageSwitch;
    private MapView mapView;

    @FXML private BorderPane root;
    @FXML private StackPane mapHolder;
    @FXML private javafx.scene.control.SplitPane centreSplit;
    private pe.cardumen.ui.sonar.SonarPanel sonarPanel;
    private pe.cardumen.ui.satellite.SatellitePanel satellitePanel;
    @FXML private javafx.scene.layout.HBox banner;
    @FXML private Label bannerText;
    @FXML private Label statusText;
    @FXML private javafx.scene.control.ProgressBar statusProgress;
    @FXML private Label pointerLabel;
    @FXML private Button cancelTask;
    @FXML private Label detailsLabel;
    @FXML private javafx.scene.layout.GridPane detailsGrid;
    @FXML private javafx.scene.layout.VBox detailsBox;
    private ZoneHistoryChart historyChart;
    @FXML private Menu colourByMenu;
    @FXML private Menu samplesMenu;
    @FXML private RadioMenuItem spanishItem;
    @FXML private RadioMenuItem englishItem;

    public MainWindowController(MainViewModel model, FxTaskRunner tasks, ResourceBundle texts, Consumer<Locale> languageSwitch) {
        this.model = model;
        this.tasks = tasks;
        this.texts = texts;
        this.languageSwitch = languageSwitch;
    }

    @FXML
    private void initialize() {
        StartupTrace.mark("controller initialize");
        fillSamplesMenu();
        mapView = new MapView(model.map(), texts);
        StartupTrace.mark("map view built");
        mapView.setId("mapView");
        mapHolder.getChildren().add(mapView);

        ToggleGroup colourGroup = new ToggleGroup();
        for (ZoneAttribute a : ZoneAttribute.values()) {
            RadioMenuItem item = new RadioMenuItem(texts.getString(a.titleKey()));
            item.setToggleGroup(colourGroup);
            item.setSelected(model.map().colourByProperty().get() == a);
            item.setOnAction(e -> model.map().colourByProperty().set(a));
            item.setUserData(a);
            colourByMenu.getItems().add(item);
        }
        model.map().colourByProperty().addListener((o, a, b) -> colourGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));
        ToggleGroup languages = new ToggleGroup();
        spanishItem.setToggleGroup(languages);
        englishItem.setToggleGroup(languages);
        boolean spanish = "es".equals(texts.getLocale().getLanguage());
        spanishItem.setSelected(spanish);
        englishItem.setSelected(!spanish);

        cancelTask.visibleProperty().bind(tasks.runningProperty());
        pointerLabel.textProperty().bind(model.map().pointerTextProperty());
        statusText.textProperty().bind(Bindings.when(tasks.runningProperty()).then(tasks.messageProperty()).otherwise(model.statusProperty()));
        statusProgress.visibleProperty().bind(tasks.runningProperty());
        statusProgress.progressProperty().bind(tasks.progressProperty());

        model.map().selectedProperty().addListener((o, a, z) -> {
            boolean none = z == null;
            detailsLabel.setVisible(none);
            detailsLabel.setManaged(none);
            detailsGrid.setVisible(!none);
            detailsGrid.setManaged(!none);
            showDetails(z);
            showHistory(z);
        });
        model.zoneHistoryProperty().addListener((o, a, h) -> showHistory(model.map().selectedProperty().get()));
        StartupTrace.mark("details built");
        // the sonar and satellite panels are built when there is something to show in them
        model.sonarProperty().addListener((o, a, loaded) -> showSonar(loaded));
        if (model.sonarProperty().get() != null) {
            showSonar(model.sonarProperty().get());
        }
        model.satellite().gridProperty().addListener((o, a, g) -> showSatellite(g != null));
        showSatellite(model.satellite().gridProperty().get() != null);
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
                    model.loadSonar(raw, Double.NaN);
                }
                // every other file is taken for a satellite grid; the reader says clearly if it is not one
                files.stream().map(File::toPath).filter(f -> !raw.contains(f)).findFirst().ifPresent(model::loadSatellite);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        model.models().comparisonProperty().addListener((o, a, c) -> {
            if (c != null) {
                ModelsDialog.showComparison(window(), c, texts);
            }
        });
        model.biomassProperty().addListener((o, a, report) -> {
            if (report != null) {
                BiomassTables.show(window(), report, model.biomassSurveyProperty().get(), texts);
            }
        });
        model.errorProperty().addListener((o, a, msg) -> {
            if (msg != null) {
                showError(msg);
                model.errorProperty().set(null);
            }
        });
        model.noticeProperty().addListener((o, a, msg) -> {
            if (msg != null) {
                showNotice(msg);
                model.noticeProperty().set(null);
            }
        });
        model.needsWorkspaceProperty().addListener((o, a, needed) -> {
            if (needed) {
                model.needsWorkspaceProperty().set(false);
                javafx.application.Platform.runLater(this::offerWorkspace);
            }
        });
        if (model.needsWorkspaceProperty().get()) {
            // set while the window was being built (the first start decides before the controller exists)
            model.needsWorkspaceProperty().set(false);
            javafx.application.Platform.runLater(this::offerWorkspace);
        }
    }

    /** File ▸ Open sample: the real sonar and satellite files of sample-data/, each opened in its panel. */
    private void fillSamplesMenu() {
        var files = model.sampleFiles();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(texts.getString("menu.file.samples.none"));
            none.setDisable(true);
            samplesMenu.getItems().add(none);
            return;
        }
        for (var f : files) {
            String kind = texts.getString(f.kind() == pe.cardumen.app.SampleData.SampleFile.Kind.SONAR ? "sample.kind.sonar" : "sample.kind.satellite");
            MenuItem item = new MenuItem(f.name() + "  (" + kind + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openSample(f));
            samplesMenu.getItems().add(item);
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
                onOpen();
            } else if (choice == create) {
                onNewDemo();
            }
        });
    }

    private void showSonar(pe.cardumen.app.SonarLoader.Loaded loaded) {
        if (loaded == null) {
            if (sonarPanel != null) {
                centreSplit.getItems().remove(sonarPanel);
            }
            return;
        }
        if (sonarPanel == null) {
            sonarPanel = new pe.cardumen.ui.sonar.SonarPanel(texts, khz -> {
                var shown = model.sonarProperty().get();
                if (shown != null) {
                    model.loadSonar(shown.files().stream().map(pe.cardumen.app.SonarLoader.FileSummary::file).toList(), khz);
                }
            }, model::recalibrate);
            sonarPanel.setId("sonarPanel");
        }
        if (!centreSplit.getItems().contains(sonarPanel)) {
            centreSplit.getItems().add(sonarPanel);
            centreSplit.setDividerPositions(0.62);
        }
        sonarPanel.show(loaded);
    }

    private void showSatellite(boolean shown) {
        if (!shown) {
            if (satellitePanel != null) {
                satellitePanel.stop();
                centreSplit.getItems().remove(satellitePanel);
            }
            return;
        }
        if (satellitePanel == null) {
            satellitePanel = new pe.cardumen.ui.satellite.SatellitePanel(model.satellite(), texts, model::loadSatellite);
            satellitePanel.setId("satellitePanel");
        }
        if (!centreSplit.getItems().contains(satellitePanel)) {
            centreSplit.getItems().add(satellitePanel);
            centreSplit.setDividerPositions(centreSplit.getItems().size() == 2 ? 0.7 : 0.5, 0.75);
        }
    }

    /** The selected zone's attributes and the value the map is coloured by, as name–value rows. */
    private void showDetails(pe.cardumen.domain.Zone z) {
        detailsGrid.getChildren().clear();
        if (z == null) {
            return;
        }
        int row = 0;
        for (ZoneDetails.Row r : ZoneDetails.of(z, texts)) {
            Label name = new Label(r.name());
            name.getStyleClass().add("details-name");
            Label value = new Label(r.value());
            value.getStyleClass().add("details-value");
            value.setWrapText(true);
            detailsGrid.addRow(row++, name, value);
        }
    }

    /** The zone's biomass across surveys, under its details (the chart is made on first use). */
    private void showHistory(pe.cardumen.domain.Zone z) {
        if (historyChart == null) {
            if (z == null) {
                return;
            }
            historyChart = new ZoneHistoryChart(texts);
            detailsBox.getChildren().add(historyChart.node());
        }
        historyChart.show(z == null ? null : z.code(), model.zoneHistoryProperty().get());
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

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle(texts.getString("error.title"));
        alert.setHeaderText(texts.getString("error.header"));
        String firstLine = message.lines().findFirst().orElse(message);
        alert.setContentText(firstLine);
        if (!firstLine.equals(message)) {
            TextArea details = new TextArea(message);
            details.setEditable(false);
            details.setWrapText(true);
            alert.getDialogPane().setExpandableContent(details);
            alert.getDialogPane().setExpanded(true);
        }
        alert.show();
    }

    @FXML
    private void onOpen() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.workspace"), "*.cardumen.gpkg", "*.gpkg"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            model.openWorkspace(f.toPath());
        }
    }

    @FXML
    private void onOpenSonar() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.raw"), "*.raw", "*.RAW"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            model.loadSonar(files.stream().map(File::toPath).toList(), Double.NaN);
        }
    }

    @FXML
    private void onOpenSatellite() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.grids"), "*.nc", "*.nc4", "*.h5", "*.tif", "*.tiff",
                "*.csv", "*.csvp"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            model.loadSatellite(f.toPath());
        }
    }

    @FXML
    private void onComputeBiomass() {
        List<List<String>> labels;
        String survey;
        try {
            List<String> surveys = model.surveys().stream().map(pe.cardumen.workspace.SurveyInfo::id).toList();
            survey = surveys.size() <= 1 ? (surveys.isEmpty() ? null : surveys.get(0)) : choose(surveys, surveys.get(surveys.size() - 1), "biomass.chooseSurvey");
            if (surveys.size() > 1 && survey == null) {
                return; // cancelled
            }
            labels = model.nascLabels(survey);
        } catch (Exception e) {
            showError(e.getMessage());
            return;
        }
        String channel = choose(labels.get(0), "biomass.chooseChannel");
        String category = channel == null && labels.get(0).size() > 1 ? null : choose(labels.get(1), "biomass.chooseCategory");
        if ((labels.get(0).size() > 1 && channel == null) || (labels.get(1).size() > 1 && category == null)) {
            return; // the user cancelled a choice
        }
        model.computeBiomass(survey, channel, category);
    }

    @FXML
    private void onQuota() {
        QuotaPanel.show(window(), model.quota(), texts);
    }

    @FXML
    private void onModels() {
        ModelsDialog.show(window(), model.models(), texts);
    }

    @FXML
    private void onPredict() {
        String ref;
        try {
            ref = model.defaultModel();
        } catch (Exception e) {
            showError(e.getMessage());
            return;
        }
        if (ref == null) {
            showError(texts.getString("models.noDefault"));
            return;
        }
        ModelsDialog.askPeriod(window(), texts).ifPresent(p -> model.models().predict(ref, p));
    }

    @FXML
    private void onBiomassParameters() {
        BiomassParameterEditor.show(window(), model.parametersProperty().get(), texts).ifPresent(model::applyParameters);
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

    @FXML
    private void onNewDemo() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("demo.cardumen.gpkg");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            model.buildDemo(f.toPath());
        }
    }

    @FXML
    private void onImportZones() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.zones"), "*.geojson", "*.json", "*.gpkg", "*.shp"));
        File f = chooser.showOpenDialog(window());
        if (f == null) {
            return;
        }
        List<String> fields;
        try {
            fields = model.fieldsOf(f.toPath());
        } catch (Exception e) {
            showError(e.getMessage());
            return;
        }
        String guess = fields.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("cod")).findFirst().orElse(fields.isEmpty() ? "" : fields.get(0));
        ChoiceDialog<String> dialog = new ChoiceDialog<>(guess, fields);
        dialog.initOwner(window());
        dialog.setTitle(texts.getString("import.codeField.title"));
        dialog.setHeaderText(texts.getString("import.codeField.header"));
        dialog.showAndWait().ifPresent(field -> model.importZones(f.toPath(), field));
    }

    @FXML
    private void onExportZones() {
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
            model.exportZones(out);
        }
    }

    @FXML
    private void onQuit() {
        Window w = window();
        if (w != null) {
            w.hide();
        }
    }

    @FXML
    private void onZoomIn() {
        mapView.zoomBy(2);
    }

    @FXML
    private void onZoomOut() {
        mapView.zoomBy(0.5);
    }

    @FXML
    private void onZoomToPeru() {
        mapView.zoomToPeru();
    }

    @FXML
    private void onSpanish() {
        languageSwitch.accept(Locale.forLanguageTag("es-PE"));
    }

    @FXML
    private void onEnglish() {
        languageSwitch.accept(Locale.ENGLISH);
    }

    @FXML
    private void onAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(window());
        about.setTitle(texts.getString("menu.help.about").replace("_", ""));
        about.setHeaderText(AppInfo.NAME);
        about.setContentText(MessageFormat.format(texts.getString("about.text"), AppInfo.version(), AppInfo.platform()));
        about.show();
    }
}
