package pe.cardumen.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks which survey files being looked at belong to before they are imported into the workspace:
 * the workspace's surveys to choose from (the latest proposed), or a new id typed in.
 */
final class SurveyDialog {
    private SurveyDialog() {
    }

    /**
     * @return the survey id (blank for none), or empty when the user cancelled
     */
    static Optional<String> ask(Window owner, ResourceBundle texts, List<String> surveys, int files, String channel) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.getString("sonar.importTitle"));
        dialog.setHeaderText(MessageFormat.format(texts.getString("sonar.importHeader"), files, channel));
        ComboBox<String> survey = new ComboBox<>();
        survey.setId("importSurvey");
        survey.setEditable(true);
        survey.getItems().setAll(surveys);
        survey.setValue(surveys.isEmpty() ? "" : surveys.get(surveys.size() - 1));
        survey.setPrefWidth(240);
        Label hint = new Label(texts.getString("sonar.importHint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(8, new Label(texts.getString("sonar.importSurvey")), survey, hint));
        ButtonType importButton = new ButtonType(texts.getString("sonar.importButton"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
        dialog.getDialogPane().setId("importSonarDialog");
        dialog.setResultConverter(b -> b == importButton ? (survey.getEditor().getText() == null ? "" : survey.getEditor().getText().strip()) : null);
        return dialog.showAndWait();
    }
}
