package pe.cardumen.render;

/**
 * A font request the canvases honour with their own font: the system sans-serif on the screen,
 * embedded DejaVu Sans on paper.
 *
 * @param size size, canvas units
 * @param bold whether bold
 */
public record TextStyle(double size, boolean bold) {
    public TextStyle {
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be > 0, was " + size);
        }
    }

    /** The same style at {@code factor} times the size. */
    public TextStyle scaled(double factor) {
        return new TextStyle(size * factor, bold);
    }
}
