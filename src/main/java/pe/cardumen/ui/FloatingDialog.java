package pe.cardumen.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * A resizable, non-modal window with a Close button over the main window (the analysis panels). The
 * button's text is JavaFX's own, in the default locale, which the window sets to its language.
 */
final class FloatingDialog {
    private FloatingDialog() {
    }

    static Alert show(Window owner, String title, Node content) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(title);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    /**
     * As {@link #show(Window, String, Node)}, placed against the right edge of the main window (over the
     * details panel), so that the map the panel paints stays in view.
     */
    static Alert showAtRight(Window owner, String title, Node content) {
        Alert dialog = show(owner, title, content);
        if (owner != null) {
            javafx.stage.Window w = dialog.getDialogPane().getScene().getWindow();
            double x = owner.getX() + owner.getWidth() - w.getWidth() - 8;
            w.setX(Math.max(owner.getX(), x));
            w.setY(owner.getY() + 60);
        }
        return dialog;
    }
}
