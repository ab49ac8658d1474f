package pe.cardumen.ui.satellite;

import java.util.ResourceBundle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.StringConverter;
import pe.cardumen.render.RasterLegend;

/**
 * The satellite panel under the map: the field and date shown, a time slider with play/pause, whether
 * the grid is drawn, what the zones show, the colour scale and the ENSO chart.
 */
public final class SatellitePanel extends VBox {
    private final SatelliteViewModel model;
    private final ResourceBundle texts;
    private final Slider time = new Slider(0, 0, 0);
    private final ToggleButton play;
    private final Canvas legend = new Canvas(260, 42);
    private final EnsoChart chart = new EnsoChart();
    private final Timeline player;

    private final javafx.scene.control.ComboBox<String> variable = new javafx.scene.control.ComboBox<>();
    private boolean updating;
    /** Undoes the bidirectional bindings to the view model. */
    private Runnable showGridBinding = () -> { };

    /**
     * @param onVariable called with the file and the variable name when the user picks another variable
     * @param onImport   imports the grid shown into the workspace (after asking)
     */
    public SatellitePanel(SatelliteViewModel model, ResourceBundle texts, java.util.function.BiConsumer<java.nio.file.Path, String> onVariable,
                          Runnable onImport) {
        this.model = model;
        this.texts = texts;
        setSpacing(4);
        setPadding(new Insets(4));
        Label title = new Label();
        title.setId("satelliteTitle");
        title.getStyleClass().add("map-legend-title");
        title.textProperty().bind(model.titleProperty());
        time.setId("satelliteTime");
        time.setBlockIncrement(1);
        time.setMajorTickUnit(1);
        time.setMinorTickCount(0);
        time.setSnapToTicks(true);
        time.setShowTickLabels(true);
        time.setShowTickMarks(true);
        time.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double index) {
                var times = model.times();
                int k = index == null ? -1 : (int) Math.round(index);
                if (k < 0 || k >= times.size() || times.get(k) == null) {
                    return index == null ? "" : Integer.toString(k + 1);
                }
                return times.get(k).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        HBox.setHgrow(time, Priority.ALWAYS);
        // room for the first and last date labels, which are centred on the slider's ends
        HBox.setMargin(time, new Insets(0, 34, 0, 34));
        time.valueProperty().addListener((o, a, b) -> model.stepProperty().set((int) Math.round(b.doubleValue())));
        player = new Timeline(new KeyFrame(Duration.millis(600), e -> model.next()));
        player.setCycleCount(Timeline.INDEFINITE);
        play = new ToggleButton(texts.getString("satellite.play"));
        play.setId("satellitePlay");
        play.selectedProperty().addListener((o, a, on) -> {
            play.setText(texts.getString(on ? "satellite.pause" : "satellite.play"));
            if (on) {
                player.play();
            } else {
                player.stop();
            }
        });
        CheckBox showGrid = new CheckBox(texts.getString("satellite.showGrid"));
        showGrid.setId("satelliteShowGrid");
        showGrid.selectedProperty().bindBidirectional(model.showGridProperty());
        ChoiceBox<SatelliteViewModel.ZoneMode> mode = new ChoiceBox<>();
        mode.setId("satelliteZoneMode");
        mode.getItems().setAll(SatelliteViewModel.ZoneMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(SatelliteViewModel.ZoneMode m) {
                return m == null ? "" : texts.getString(m == SatelliteViewModel.ZoneMode.MEAN ? "satellite.zoneMean" : "satellite.zoneAnomaly");
            }

            @Override
            public SatelliteViewModel.ZoneMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(model.zoneModeProperty());
        variable.setId("satelliteVariable");
        variable.setOnAction(e -> {
            var g = model.gridProperty().get();
            String v = variable.getValue();
            if (!updating && g != null && v != null && !v.equals(g.variable())) {
                onVariable.accept(g.file(), v);
            }
        });
        ChoiceBox<Boolean> legendFor = new ChoiceBox<>();
        legendFor.setId("satelliteLegendFor");
        legendFor.getItems().setAll(false, true);
        legendFor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean grid) {
                return grid == null ? "" : texts.getString(grid ? "satellite.legendGrid" : "satellite.legendZones");
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        legendFor.valueProperty().bindBidirectional(model.legendDescribesGridProperty());
        legendFor.disableProperty().bind(showGrid.selectedProperty().not());
        showGridBinding = () -> {
            showGrid.selectedProperty().unbindBidirectional(model.showGridProperty());
            mode.valueProperty().unbindBidirectional(model.zoneModeProperty());
            legendFor.valueProperty().unbindBidirectional(model.legendDescribesGridProperty());
        };
        javafx.scene.control.Button importButton = new javafx.scene.control.Button(texts.getString("panel.import"));
        importButton.setId("satelliteImport");
        importButton.setOnAction(e -> onImport.run());
        javafx.scene.control.Button close = new javafx.scene.control.Button("×");
        close.setId("satelliteClose");
        close.getStyleClass().add("panel-close");
        close.setTooltip(new javafx.scene.control.Tooltip(texts.getString("panel.close")));
        close.setOnAction(e -> model.close());
        // two rows, so that no label is cut to "Z..." in a narrow window or in Spanish
        HBox bar = new HBox(8, title, variable, play, time, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label zonesBy = new Label(texts.getString("satellite.zonesBy"));
        Label legendLabel = new Label(texts.getString("satellite.legendFor"));
        HBox options = new HBox(8, showGrid, zonesBy, mode, legendLabel, legendFor, importButton);
        options.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.layout.Region r : java.util.List.of(title, variable, play, close, showGrid, zonesBy, mode, legendLabel,
                legendFor, importButton)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label ensoTitle = new Label(texts.getString("satellite.enso"));
        VBox ensoBox = new VBox(2, ensoTitle, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(ensoBox, Priority.ALWAYS);
        HBox lower = new HBox(12, legend, ensoBox);
        VBox.setVgrow(lower, Priority.ALWAYS);
        getChildren().addAll(bar, options, lower);
        model.gridProperty().addListener(gridListener);
        model.stepProperty().addListener(stepListener);
        model.ensoProperty().addListener(redrawListener);
        model.legendProperty().addListener(redrawListener);
        // a panel made when a grid is already loaded (opened lazily, or rebuilt in another language) shows it
        showGrid(model.gridProperty().get());
        time.setValue(model.stepProperty().get());
    }

    private final javafx.beans.value.ChangeListener<pe.cardumen.app.SatelliteLoader.LoadedGrid> gridListener = (o, a, g) -> showGrid(g);

    private void showGrid(pe.cardumen.app.SatelliteLoader.LoadedGrid g) {
        updating = true;
        variable.getItems().setAll(g == null ? java.util.List.of() : g.gridded());
        variable.setValue(g == null ? null : g.variable());
        variable.setDisable(g == null || g.gridded().size() < 2);
        updating = false;
        int n = g == null ? 1 : g.steps().length;
        // date labels on about eight major ticks; every step is a (minor) tick to snap to
        int major = Math.max(1, (int) Math.ceil((n - 1) / 8.0));
        time.setMajorTickUnit(major);
        time.setMinorTickCount(major - 1);
        time.setMax(Math.max(0, n - 1));
        time.setDisable(n < 2);
        play.setDisable(n < 2);
        if (n < 2) {
            play.setSelected(false);
        }
        redraw();
    }

    private final javafx.beans.value.ChangeListener<Number> stepListener = (o, a, b) -> {
        time.setValue(b.intValue());
        redraw();
    };
    private final javafx.beans.value.ChangeListener<Object> redrawListener = (o, a, b) -> redraw();

    /** Stops playing and detaches the panel from its view model (the window is rebuilt in another language). */
    public void dispose() {
        stop();
        model.gridProperty().removeListener(gridListener);
        model.stepProperty().removeListener(stepListener);
        model.ensoProperty().removeListener(redrawListener);
        model.legendProperty().removeListener(redrawListener);
        showGridBinding.run();
    }

    /** Stops playing (when the panel is closed). */
    public void stop() {
        play.setSelected(false);
    }

    /** The time slider, for tests. */
    public Slider timeSlider() {
        return time;
    }

    /** The ENSO chart, for tests. */
    public EnsoChart chart() {
        return chart;
    }

    private void redraw() {
        chart.show(model.ensoProperty().get(), model.time());
        drawLegend(model.legendProperty().get());
    }

    private void drawLegend(RasterLegend l) {
        GraphicsContext g = legend.getGraphicsContext2D();
        double w = legend.getWidth();
        g.clearRect(0, 0, w, legend.getHeight());
        if (l == null) {
            return;
        }
        double left = 6;
        double barW = w - 12;
        for (int x = 0; x < barW; x++) {
            int argb = l.ramp().colourAt(x / (barW - 1));
            g.setFill(Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            g.fillRect(left + x, 16, 1, 10);
        }
        g.setFill(Color.gray(0.2));
        g.setFont(javafx.scene.text.Font.font(10));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.fillText(l.title() + (l.log() ? " (log)" : ""), left, 11);
        g.fillText(format(l.min()), left, 38);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(format(l.max()), left + barW, 38);
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        double mid = l.log() ? Math.sqrt(l.min() * l.max()) : (l.min() + l.max()) / 2;
        g.fillText(format(mid), left + barW / 2, 38);
    }

    private static String format(double v) {
        double a = Math.abs(v);
        return pe.cardumen.ui.Formats.number(v, a >= 100 ? 0 : a >= 1 ? 1 : 2);
    }
}
