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
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.app.SonarLoader;
import pe.cardumen.domain.sonar.SonarChannel;

/**
 * The sonar panel: a channel chooser, a summary line per file (channels, pings, track length,
 * warnings) and the echogram. Shows a {@link SonarLoader.Loaded}; asking for another channel calls back.
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
     * @param onChannel called with the chosen channel's frequency in kHz when the user picks another one
     */
    public SonarPanel(ResourceBundle texts, DoubleConsumer onChannel, java.util.function.Consumer<CalibrationOverrides> onCalibration) {
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
            CalibrationForm form = new CalibrationForm(shown.fileCalibration(), shown.overrides());
            CalibrationDialog.show(getScene() == null ? null : getScene().getWindow(), texts, channel.getValue(), shown.channel().number(),
                    shown.channel().frequencyHz(), form).ifPresent(onCalibration);
        });
        HBox bar = new HBox(8, title, new Label(texts.getString("sonar.channel")), channel, calibrate);
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
                String.format(Locale.getDefault(), "%.2f", f.trackNmi()), f.warnings().size())).toList()));
        title.setText(MessageFormat.format(texts.getString("sonar.title"), loaded.channel() == null ? "—"
                : String.format(Locale.ROOT, "%.0f kHz", loaded.channel().frequencyHz() / 1000), loaded.echogram().pingsPerColumn()));
        echogram.show(loaded.echogram(), loaded.cells(), loaded.settings());
    }
}
