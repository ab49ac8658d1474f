package pe.cardumen.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Settings remembered between sessions: window bounds, language and the last workspace. Stored with
 * {@link Preferences} under {@code pe/cardumen} (or the node named by {@code cardumen.prefsNode}, which
 * tests use to stay isolated).
 */
public final class UiPreferences {
    private final Preferences node;

    public UiPreferences() {
        this(Preferences.userRoot().node(System.getProperty("cardumen.prefsNode", "pe/cardumen")));
    }

    UiPreferences(Preferences node) {
        this.node = node;
    }

    /** The language: the remembered one, else Spanish when the OS locale is Spanish, else English. */
    public Locale locale() {
        String tag = node.get("language", "");
        if (tag.isEmpty()) {
            return "es".equals(Locale.getDefault().getLanguage()) ? Locale.forLanguageTag("es-PE") : Locale.ENGLISH;
        }
        return Locale.forLanguageTag(tag);
    }

    public void setLocale(Locale locale) {
        node.put("language", locale.toLanguageTag());
    }

    public Optional<Path> lastWorkspace() {
        String p = node.get("lastWorkspace", "");
        return p.isEmpty() ? Optional.empty() : Optional.of(Path.of(p));
    }

    public void setLastWorkspace(Path p) {
        node.put("lastWorkspace", p.toAbsolutePath().toString());
    }

    /** Window bounds {x, y, width, height}; NaN x/y when never saved. */
    public double[] windowBounds() {
        return new double[] {node.getDouble("x", Double.NaN), node.getDouble("y", Double.NaN),
            node.getDouble("width", 1280), node.getDouble("height", 800)};
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        node.putDouble("x", x);
        node.putDouble("y", y);
        node.putDouble("width", width);
        node.putDouble("height", height);
    }

    public boolean maximized() {
        return node.getBoolean("maximized", false);
    }

    public void setMaximized(boolean maximized) {
        node.putBoolean("maximized", maximized);
    }

    /** The biomass parameter set last applied in the app; empty when never set or unreadable. */
    public Optional<pe.cardumen.acoustics.biomass.BiomassParameters> biomassParameters() {
        String d = node.get("biomassParameters", "");
        if (d.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pe.cardumen.acoustics.biomass.BiomassParameters.fromDefinition(d));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void setBiomassParameters(pe.cardumen.acoustics.biomass.BiomassParameters p) {
        node.put("biomassParameters", p.definition());
    }
}
