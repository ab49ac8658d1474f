package pe.cardumen.render;

import java.awt.geom.AffineTransform;

/**
 * One frame to render: the viewport and the affine transform from Mercator metres to screen pixels.
 *
 * @param viewport the view
 */
public record MapFrame(MapViewport viewport) {
    /** The transform from Mercator metres to screen pixels (y flipped). */
    public AffineTransform worldToScreen() {
        double s = 1.0 / viewport.metresPerPixel();
        AffineTransform t = new AffineTransform();
        t.translate(viewport.width() / 2.0, viewport.height() / 2.0);
        t.scale(s, -s);
        t.translate(-viewport.centreX(), -viewport.centreY());
        return t;
    }
}
