package pe.cardumen.ui.sonar;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.DoubleConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import pe.cardumen.app.SonarLoader;
import pe.cardumen.domain.sonar.SonarChannel;

/**
 * The sonar panel: a channel chooser, calibration, "Import into workspace…", a close button, a summary
 * line per file (channels, pings, track length, warnings) and the echogram. Shows a
 * {@link SonarLoader.Loaded} of its view model.
 */
public final class SonarPanel extends VBox {
    private final ResourceBundle texts;
    private final ComboBox<String> channel = new ComboBox<>();
    private final ListView<String> files = new ListView<>();
    private final EchogramView echogram = new EchogramView();
    private final Label title = new Label();
    private final javafx.scene.chart.LineChart<Number, Number> spectrum;
    private final Label spectrumNote = new Label();
    private final VBox spectrumBox;
    private final Label liveStatus = new Label();
    private final HBox liveBar;
    private SonarLoader.Loaded shown;
    private boolean updating;

    /**
     * @param onImport asks for the survey and imports the files shown into the workspace
     */
    public SonarPanel(pe.cardumen.ui.SonarViewModel model, ResourceBundle texts, Runnable onImport) {
        this.texts = texts;
        setSpacing(4);
        setPadding(new Insets(4));
        channel.setId("sonarChannel");
        files.setId("sonarFiles");
        files.setPrefHeight(60);
        files.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().add("map-legend-title");
        javafx.scene.control.Button calibrate = new javafx.scene.control.Button(texts.getString("sonar.calibration"));
        calibrate.setId("sonarCalibration");
        calibrate.setOnAction(e -> {
            if (shown == null || shown.channel() == null || shown.fileCalibration() == null) {
                return; // nothing loaded, or a live survey (calibrated as the files say)
            }
            CalibrationForm form = new CalibrationForm(shown.fileCalibration(), shown.overrides(), texts);
            CalibrationDialog.show(getScene() == null ? null : getScene().getWindow(), texts, channel.getValue(), shown.channel().number(),
                    shown.channel().frequencyHz(), form).ifPresent(model::recalibrate);
        });
        javafx.scene.control.Button importButton = new javafx.scene.control.Button(texts.getString("panel.import"));
        importButton.setId("sonarImport");
        importButton.setOnAction(e -> onImport.run());
        javafx.scene.control.Button close = new javafx.scene.control.Button("×");
        close.setId("sonarClose");
        close.getStyleClass().add("panel-close");
        close.setTooltip(new javafx.scene.control.Tooltip(texts.getString("panel.close")));
        close.setOnAction(e -> model.close());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        DoubleConsumer onChannel = model::showChannel;
        HBox bar = new HBox(8, title, new Label(texts.getString("sonar.channel")), channel, calibrate, importButton, spacer, close);
        javafx.scene.control.Button stopLive = new javafx.scene.control.Button(texts.getString("live.stop"));
        stopLive.setId("liveStop");
        stopLive.setOnAction(e -> model.stopLive());
        liveStatus.setId("liveStatus");
        liveStatus.getStyleClass().add("live-status");
        liveBar = new HBox(8, new Label("●"), liveStatus, stopLive);
        liveBar.getChildren().get(0).setStyle("-fx-text-fill: #c81e1e;");
        liveBar.setAlignment(Pos.CENTER_LEFT);
        liveBar.setVisible(false);
        liveBar.setManaged(false);
        model.liveProperty().addListener((o, a, l) -> showLive(l));
        bar.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.chart.NumberAxis frequencyAxis = new javafx.scene.chart.NumberAxis();
        frequencyAxis.setLabel(texts.getString("sonar.spectrumFrequency"));
        frequencyAxis.setForceZeroInRange(false);
        javafx.scene.chart.NumberAxis svAxis = new javafx.scene.chart.NumberAxis();
        svAxis.setLabel(texts.getString("sonar.spectrumSv"));
        svAxis.setForceZeroInRange(false);
        spectrum = new javafx.scene.chart.LineChart<>(frequencyAxis, svAxis);
        spectrum.setId("sonarSpectrum");
        spectrum.setCreateSymbols(false);
        spectrum.setLegendVisible(false);
        spectrum.setAnimated(false);
        spectrum.setPrefWidth(340);
        spectrum.setMinHeight(100);
        spectrum.setPrefHeight(160);
        spectrumNote.setId("sonarSpectrumNote");
        spectrumNote.setWrapText(true);
        spectrumNote.setMaxWidth(340);
        spectrumNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip.install(echogram, new javafx.scene.control.Tooltip(texts.getString("sonar.spectrumHint")));
        javafx.scene.control.Button closeSpectrum = new javafx.scene.control.Button("×");
        closeSpectrum.getStyleClass().add("panel-close");
        closeSpectrum.setTooltip(new javafx.scene.control.Tooltip(texts.getString("panel.close")));
        HBox spectrumBar = new HBox(4, new Label(texts.getString("sonar.spectrumTitle")), new javafx.scene.layout.Region(), closeSpectrum);
        HBox.setHgrow(spectrumBar.getChildren().get(1), Priority.ALWAYS);
        spectrumBox = new VBox(2, spectrumBar, spectrum, spectrumNote);
        spectrumBox.setPrefWidth(340);
        spectrumBox.setVisible(false);
        spectrumBox.setManaged(false);
        closeSpectrum.setOnAction(e -> {
            spectrumBox.setVisible(false);
            spectrumBox.setManaged(false);
            echogram.clearRegion();
        });
        VBox.setVgrow(spectrum, Priority.ALWAYS);
        HBox echoAndSpectrum = new HBox(4, echogram, spectrumBox);
        HBox.setHgrow(echogram, Priority.ALWAYS);
        VBox.setVgrow(echoAndSpectrum, Priority.ALWAYS);
        getChildren().addAll(bar, liveBar, files, echoAndSpectrum);
        echogram.setOnRegion((first, last, depthFrom, depthTo) -> {
            if (shown == null || shown.echogram().columns() == 0) {
                return;
            }
            model.spectrum(shown.echogram().columnStart()[first], shown.echogram().columnEnd()[last], depthFrom, depthTo, last - first + 1);
        });
        model.spectrumProperty().addListener((o, a, s) -> showSpectrum(s));
        channel.setOnAction(e -> {
            if (updating || shown == null || channel.getSelectionModel().getSelectedIndex() < 0) {
                return;
            }
            SonarChannel c = shown.channels().get(channel.getSelectionModel().getSelectedIndex());
            if (shown.channel() == null || c.number() != shown.channel().number()) {
                onChannel.accept(c.frequencyHz() / 1000);
            }
        });
    }

    /** Nothing to detach: the window calls {@link #show} (kept for symmetry with the satellite panel). */
    public void dispose() {
    }

    /** The echogram view, for tests. */
    public EchogramView echogram() {
        return echogram;
    }

    /** The live survey's status line, for tests. */
    public Label liveStatus() {
        return liveStatus;
    }

    private void showLive(pe.cardumen.ui.SonarViewModel.LiveStatus l) {
        boolean on = l != null && l.running();
        liveBar.setVisible(on);
        liveBar.setManaged(on);
        if (l == null) {
            return;
        }
        liveStatus.setText(MessageFormat.format(texts.getString("live.status"), l.folder().getFileName(), l.files(), l.pings(), l.fixes(),
                Double.isNaN(l.speedKnots()) ? "—" : pe.cardumen.ui.Formats.number(l.speedKnots(), 1), l.finishedIntervals(),
                l.survey() == null ? texts.getString("live.notImported") : MessageFormat.format(texts.getString("live.imported"), l.importedFiles(),
                        l.survey())));
    }

    /** The Sv(f) chart, for tests. */
    public javafx.scene.chart.LineChart<Number, Number> spectrumChart() {
        return spectrum;
    }

    /** The line under the Sv(f) chart, for tests. */
    public Label spectrumNote() {
        return spectrumNote;
    }

    private void showSpectrum(pe.cardumen.ui.SonarViewModel.RegionSpectrum s) {
        if (s == null) {
            return;
        }
        javafx.scene.chart.XYChart.Series<Number, Number> series = new javafx.scene.chart.XYChart.Series<>();
        double[] f = s.spectrum().frequencyHz();
        double[] db = s.spectrum().db();
        for (int k = 0; k < f.length; k++) {
            if (Double.isFinite(db[k])) {
                series.getData().add(new javafx.scene.chart.XYChart.Data<>(f[k] / 1000, db[k]));
            }
        }
        spectrum.getData().setAll(java.util.List.of(series));
        spectrumNote.setText(MessageFormat.format(texts.getString("sonar.spectrumNote"), pe.cardumen.ui.Formats.number(s.channelKhz(), 0),
                pe.cardumen.ui.Formats.number(s.depthFromM(), 1), pe.cardumen.ui.Formats.number(s.depthToM(), 1), s.spectrum().windows(),
                pe.cardumen.ui.Formats.number(s.spectrum().rangeM(), 1)));
        spectrumBox.setVisible(true);
        spectrumBox.setManaged(true);
    }

    /** The summary lines, for tests. */
    public ListView<String> files() {
        return files;
    }

    /** Shows loaded sonar data. */
    public void show(SonarLoader.Loaded loaded) {
        shown = loaded;
        updating = true;
        channel.setItems(FXCollections.observableArrayList(loaded.channels().stream()
                .map(c -> String.format(Locale.ROOT, "%.0f kHz", c.frequencyHz() / 1000)).toList()));
        if (loaded.channel() != null) {
            channel.getSelectionModel().select(loaded.channel().number() - 1);
        }
        updating = false;
        files.setItems(FXCollections.observableArrayList(loaded.files().stream().map(f -> MessageFormat.format(texts.getString("sonar.fileSummary"),
                f.file().getFileName(), f.sounder(), String.join(", ", f.channels()), f.pings(),
                pe.cardumen.ui.Formats.number(f.trackNmi(), 2), f.warnings().size())).toList()));
        title.setText(MessageFormat.format(texts.getString("sonar.title"), loaded.channel() == null ? "—"
                : String.format(Locale.ROOT, "%.0f kHz", loaded.channel().frequencyHz() / 1000), loaded.echogram().pingsPerColumn()));
        echogram.show(loaded.echogram(), loaded.cells(), loaded.settings());
    }
}
