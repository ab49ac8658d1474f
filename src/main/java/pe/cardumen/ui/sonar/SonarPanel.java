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
        title.getStyleClass().add("map-legend-title");
        javafx.scene.control.Button calibrate = new javafx.scene.control.Button(texts.getString("sonar.calibration"));
        calibrate.setId("sonarCalibration");
        calibrate.setOnAction(e -> {
            if (shown == null || shown.channel() == null) {
                return;
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
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(echogram, Priority.ALWAYS);
        getChildren().addAll(bar, files, echogram);
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
