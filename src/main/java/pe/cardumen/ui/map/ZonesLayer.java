package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Zones filled by a choropleth and outlined. Zones outside the view are skipped by their bounding box.
 */
public final class ZonesLayer implements MapLayer {
    private static final Color OUTLINE = new Color(60, 70, 80, 150);

    private final WorldShapes shapes;
    private final double[] values;
    private final Choropleth choropleth;

    /**
     * @param shapes     the zones' shapes
     * @param values     the attribute value of each zone, in the same order (NaN = no data, not filled)
     * @param choropleth class breaks and colours; {@code null} draws outlines only
     */
    public ZonesLayer(WorldShapes shapes, double[] values, Choropleth choropleth) {
        if (values.length != shapes.size()) {
            throw new IllegalArgumentException(values.length + " values for " + shapes.size() + " zones");
        }
        this.shapes = shapes;
        this.values = values.clone();
        this.choropleth = choropleth;
    }

    public Choropleth choropleth() {
        return choropleth;
    }

    @Override
    public void paint(Graphics2D g, MapFrame frame) {
        double mpp = frame.viewport().metresPerPixel();
        Envelope visible = frame.viewport().worldEnvelope();
        List<Path2D.Float> paths = shapes.paths(mpp);
        AffineTransform saved = g.getTransform();
        g.transform(frame.worldToScreen());
        if (choropleth != null) {
            for (int i = 0; i < paths.size(); i++) {
                int argb = choropleth.colourOf(values[i]);
                if (argb != 0 && visible.intersects(shapes.envelope(i))) {
                    g.setColor(new Color((argb & 0x00FFFFFF) | 0xD0000000, true));
                    g.fill(paths.get(i));
                }
            }
        }
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke((float) (0.6 * mpp)));
        for (int i = 0; i < paths.size(); i++) {
            if (visible.intersects(shapes.envelope(i))) {
                g.draw(paths.get(i));
            }
        }
        g.setTransform(saved);
    }
}
