package pe.cardumen.ui;

import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import pe.cardumen.acoustics.biomass.BiomassParameters;

/**
 * Edits the biomass parameter set (DOMAIN.md §1 and §3): b20 with its "unconfirmed" flag, the
 * length–weight relation, the juvenile length and the haul radius. Numbers are read in the user's
 * locale or with a point; an invalid field is named under the form and the dialog stays open. A TS
 * table set on the command line is kept.
 */
final class BiomassParameterEditor {
    /** The form's fields, for the dialog and tests. */
    static final class Form {
        final TextField b20 = new TextField();
        final CheckBox confirmed = new CheckBox();
        final TextField lwA = new TextField();
        final TextField lwB = new TextField();
        final TextField juvenile = new TextField();
        final TextField radius = new TextField();
        final Label problem = new Label();
        final VBox root;
        private final BiomassParameters current;
        private final ResourceBundle texts;

        Form(BiomassParameters current, ResourceBundle texts) {
            this.current = current;
            this.texts = texts;
            b20.setId("paramB20");
            lwA.setId("paramLwA");
            lwB.setId("paramLwB");
            juvenile.setId("paramJuvenile");
            radius.setId("paramRadius");
            confirmed.setId("paramConfirmed");
            problem.setId("paramProblem");
            problem.getStyleClass().add("form-problem");
            problem.setWrapText(true);
            confirmed.setText(texts.getString("params.confirmed"));
            fill(current);
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(6);
            int row = 0;
            grid.addRow(row++, new Label(texts.getString("params.b20")), b20, new Label("dB"));
            grid.add(confirmed, 1, row++, 2, 1);
            grid.addRow(row++, new Label(texts.getString("params.lwA")), lwA, new Label("kg cm⁻ᵇ"));
            grid.addRow(row++, new Label(texts.getString("params.lwB")), lwB, new Label(""));
            grid.addRow(row++, new Label(texts.getString("params.juvenile")), juvenile, new Label("cm"));
            grid.addRow(row, new Label(texts.getString("params.radius")), radius, new Label(texts.getString("unit.nmi")));
            Label note = new Label(texts.getString("params.note"));
            note.setWrapText(true);
            root = new VBox(10, note, grid, problem);
            root.setPrefWidth(520);
        }

        void fill(BiomassParameters p) {
            b20.setText(format(p.b20Db()));
            confirmed.setSelected(p.b20Confirmed());
            lwA.setText(Formats.plain(p.lwA(), Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(p.lwA()))))));
            lwB.setText(format(p.lwB()));
            juvenile.setText(format(p.juvenileCm()));
            radius.setText(format(p.haulRadiusNmi()));
            problem.setText("");
        }

        /** The parameters in the form, or empty with the problem shown. */
        Optional<BiomassParameters> result() {
            try {
                BiomassParameters p = new BiomassParameters(number(b20, "params.b20"), confirmed.isSelected(), number(lwA, "params.lwA"),
                        number(lwB, "params.lwB"), number(juvenile, "params.juvenile"), number(radius, "params.radius"), current.tsTable());
                problem.setText("");
                return Optional.of(p);
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                return Optional.empty();
            }
        }

        private double number(TextField f, String labelKey) {
            String t = f.getText() == null ? "" : f.getText().trim();
            Double v = parse(t);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(texts.getString(labelKey) + ": '" + t + "' " + texts.getString("params.notNumber"));
            }
            if (!labelKey.equals("params.b20") && !(v > 0)) {
                throw new IllegalArgumentException(texts.getString(labelKey) + ": " + texts.getString("params.positive"));
            }
            return v;
        }

        /** A number typed in the window's language, or with a point or a comma for the decimals; null when it is none. */
        private static Double parse(String t) {
            if (t.isEmpty()) {
                return null;
            }
            try {
                return Formats.parse(t);
            } catch (NumberFormatException e) {
                try {
                    return Double.parseDouble(t.replace(',', '.'));
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }

        private static String format(double v) {
            // as many decimals as the value has (up to 6), in the window's language
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
            return Formats.plain(v, Math.min(6, Math.max(1, d.scale())));
        }
    }

    private BiomassParameterEditor() {
    }

    /** Shows the editor; the parameters when the user applies valid ones, else empty. */
    static Optional<BiomassParameters> show(Window owner, BiomassParameters current, ResourceBundle texts) {
        Form form = new Form(current, texts);
        Dialog<BiomassParameters> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.getString("params.title"));
        dialog.setHeaderText(texts.getString("params.header"));
        ButtonType apply = new ButtonType(texts.getString("params.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType defaults = new ButtonType(texts.getString("params.defaults"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(defaults, apply, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form.root);
        Button applyButton = (Button) dialog.getDialogPane().lookupButton(apply);
        applyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (form.result().isEmpty()) {
                e.consume();
            }
        });
        Button defaultsButton = (Button) dialog.getDialogPane().lookupButton(defaults);
        defaultsButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            form.fill(BiomassParameters.defaults());
            e.consume();
        });
        dialog.setResultConverter(b -> b == apply ? form.result().orElse(null) : null);
        return dialog.showAndWait();
    }
}
