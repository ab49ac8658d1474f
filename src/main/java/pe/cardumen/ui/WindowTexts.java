package pe.cardumen.ui;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's texts in the language chosen now: a resource bundle that answers from the bundle of
 * the current language, so that the view models (which live as long as the application) speak the new
 * language as soon as the user switches, without being rebuilt. Switched and read on the JavaFX
 * thread; background work reads it too (a switch while a task runs may give that task's last message
 * in the old language).
 */
public final class WindowTexts extends ResourceBundle {
    /** The base name of the window's bundles. */
    public static final String BASE_NAME = "pe.cardumen.ui.messages";

    private volatile ResourceBundle current;

    public WindowTexts(Locale locale) {
        use(locale);
    }

    /** Speaks {@code locale} from now on. */
    public void use(Locale locale) {
        // no fallback to the default locale: English asked for is English even on a Spanish system
        current = ResourceBundle.getBundle(BASE_NAME, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** The bundle of the current language (for FXML, which reads keys itself). */
    public ResourceBundle current() {
        return current;
    }

    @Override
    public Locale getLocale() {
        Locale l = current.getLocale();
        // the root bundle (English) reports the empty locale
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    @Override
    protected Object handleGetObject(String key) {
        ResourceBundle b = current;
        return b.containsKey(key) ? b.getObject(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(current.keySet());
    }
}
