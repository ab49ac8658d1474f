package pe.cardumen.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks, before a live survey starts, which channel to integrate and — when a workspace is open — which
 * survey the settled cells go into (blank: none, the cells are only shown).
 */
final class LiveSurveyDialog {
    /** The user's answer. */
    record Choice(double channelKhz, String survey) {
    }

    private LiveSurveyDialog() {
    }

    static Optional<Choice> ask(Window owner, ResourceBundle texts, String folder, List<String> surveys, boolean workspaceOpen) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.getString("live.title"));
        dialog.setHeaderText(MessageFormat.format(texts.getString("live.header"), folder));
        ComboBox<String> channel = new ComboBox<>();
        channel.setId("liveChannel");
        channel.setEditable(true);
        channel.getItems().setAll("18", "38", "70", "120", "200");
        channel.setValue("38");
        ComboBox<String> survey = new ComboBox<>();
        survey.setId("liveSurvey");
        survey.setEditable(true);
        survey.getItems().setAll(surveys);
        survey.setValue(surveys.isEmpty() ? "" : surveys.get(surveys.size() - 1));
        survey.setDisable(!workspaceOpen);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.getString("live.channel")), channel);
        grid.addRow(1, new Label(texts.getString("sonar.importSurvey")), survey);
        Label hint = new Label(texts.getString(workspaceOpen ? "live.hint" : "live.hintNoWorkspace"));
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        dialog.getDialogPane().setContent(new VBox(8, grid, hint, error));
        ButtonType start = new ButtonType(texts.getString("live.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        dialog.getDialogPane().setId("liveSurveyDialog");
        // a channel that is not a frequency keeps the dialog open with the reason
        dialog.getDialogPane().lookupButton(start).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (Double.isNaN(khz(channel.getEditor().getText()))) {
                error.setText(MessageFormat.format(texts.getString("live.badChannel"), channel.getEditor().getText()));
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == start ? new Choice(khz(channel.getEditor().getText()),
                workspaceOpen && survey.getEditor().getText() != null ? survey.getEditor().getText().strip() : null) : null);
        return dialog.showAndWait();
    }

    /** The channel typed, kHz (a decimal comma accepted), or NaN when it is not a frequency of 1–2,000 kHz. */
    static double khz(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.').replace("kHz", "").strip().toLowerCase(Locale.ROOT));
            return v >= 1 && v <= 2000 ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
