package pe.cardumen.ui.sonar;

import java.io.File;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.io.sonar.EcsCalibrationReader;

/** The calibration form of one channel as a dialog: five fields, "Load .ecs…", and a check on OK. */
final class CalibrationDialog {
    private CalibrationDialog() {
    }

    static Optional<CalibrationOverrides> show(Window owner, ResourceBundle texts, String channelLabel, int channelNumber, double frequencyHz,
                                               CalibrationForm form) {
        Dialog<CalibrationOverrides> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(texts.getString("calibration.title"));
        d.setHeaderText(java.text.MessageFormat.format(texts.getString("calibration.header"), channelLabel));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField[] fields = new TextField[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = new TextField(form.text(i));
            fields[i].setPromptText(form.hint(i));
            fields[i].setId("calibration" + i);
            grid.addRow(i, new Label(form.name(i)), fields[i], new Label(texts.getString("calibration.file") + " " + form.hint(i)));
        }
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        Button ecs = new Button(texts.getString("calibration.loadEcs"));
        ecs.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Echoview ECS (*.ecs)", "*.ecs"));
            File f = chooser.showOpenDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                try {
                    form.fillFrom(new EcsCalibrationReader().read(f.toPath()), channelNumber, frequencyHz);
                    for (int i = 0; i < 5; i++) {
                        fields[i].setText(form.text(i));
                    }
                    error.setText("");
                } catch (Exception ex) {
                    error.setText(ex.getMessage());
                }
            }
        });
        grid.add(ecs, 0, 5);
        grid.add(error, 0, 6, 3, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                for (int i = 0; i < 5; i++) {
                    form.setText(i, fields[i].getText());
                }
                form.overrides();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? form.overrides() : null);
        return d.showAndWait();
    }
}
