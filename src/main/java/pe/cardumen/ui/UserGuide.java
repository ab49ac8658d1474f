package pe.cardumen.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help ▸ User guide: the short guide shipped inside the application in Spanish and English
 * ({@code guide/guide_es.md}, {@code guide/guide_en.md}), shown offline in a window of its own. The
 * files use a small subset of Markdown: {@code #} and {@code ##} headings, {@code - } bullets and
 * paragraphs separated by blank lines.
 */
final class UserGuide {
    private UserGuide() {
    }

    /** The guide's text in the window's language (English when there is no translation). */
    static String text(ResourceBundle texts) throws IOException {
        String lang = "es".equals(texts.getLocale().getLanguage()) ? "es" : "en";
        try (InputStream in = UserGuide.class.getResourceAsStream("guide/guide_" + lang + ".md")) {
            if (in == null) {
                throw new IOException("the user guide (guide_" + lang + ".md) is missing from the application; reinstall Cardumen");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The guide as JavaFX nodes: headings, bullets and paragraphs. */
    static VBox render(String markdown) {
        VBox box = new VBox(6);
        box.setId("userGuide");
        box.setPadding(new javafx.geometry.Insets(12));
        StringBuilder paragraph = new StringBuilder();
        for (String line : (markdown + "\n").split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank() || l.startsWith("#") || l.startsWith("- ")) {
                flush(box, paragraph);
            }
            if (l.startsWith("## ")) {
                box.getChildren().add(label(l.substring(3), "guide-h2"));
            } else if (l.startsWith("# ")) {
                box.getChildren().add(label(l.substring(2), "guide-h1"));
            } else if (l.startsWith("- ")) {
                box.getChildren().add(label("•  " + l.substring(2), "guide-bullet"));
            } else if (!l.isBlank()) {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(l.strip());
            }
        }
        return box;
    }

    private static void flush(VBox box, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            box.getChildren().add(label(paragraph.toString(), "guide-p"));
            paragraph.setLength(0);
        }
    }

    private static Node label(String text, String style) {
        Label l = new Label(text.replace("**", ""));
        l.setWrapText(true);
        l.setMaxWidth(660);
        l.getStyleClass().add(style);
        return l;
    }

    static void show(Window owner, ResourceBundle texts) {
        String md;
        try {
            md = text(texts);
        } catch (IOException e) {
            md = "# " + texts.getString("menu.help.guide").replace("_", "") + "\n\n" + e.getMessage();
        }
        ScrollPane scroll = new ScrollPane(render(md));
        scroll.setFitToWidth(true);
        scroll.setPrefSize(720, 640);
        FloatingDialog.show(owner, texts.getString("guide.title"), scroll);
    }
}
