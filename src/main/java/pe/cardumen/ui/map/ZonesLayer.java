package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zones filled by a choropleth and outlined.
 *
 * <p>For speed the zones of each colour class are merged into one even-odd path per zoom level (zones
 * never overlap, so even-odd filling of the merged path equals filling each zone), and all outlines
 * into one path: a frame then costs one fill per class and one stroke instead of two calls per zone.
 * The merged paths are cached per zoom level; the layer is immutable and thread-safe.
 */
public final class ZonesLayer implements MapLayer {
    private static final Color OUTLINE = new Color(60, 70, 80, 150);
    private static final int FILL_ALPHA = 0xD0;

    private final WorldShapes shapes;
    private final double[] values;
    private final Choropleth choropleth;
    private final ConcurrentHashMap<Integer, Merged> byLevel = new ConcurrentHashMap<>();

    private record Merged(Path2D.Float[] fills, Path2D.Float noData, Path2D.Float outlines) {
    }

    /**
     * @param shapes     the zones' shapes
     * @param values     the attribute value of each zone, in the same order (NaN = no data, filled in the no-data grey)
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

    /** The same zones drawn as outlines only (over a raster underlay). */
    public ZonesLayer outlinesOnly() {
        return new ZonesLayer(shapes, values, null);
    }

    private Merged merged(double metresPerPixel) {
        return byLevel.computeIfAbsent(WorldShapes.level(metresPerPixel), level -> {
            List<Path2D.Float> paths = shapes.paths(metresPerPixel);
            int classes = choropleth == null ? 0 : choropleth.classes();
            Path2D.Float[] fills = new Path2D.Float[classes];
            int[] colours = choropleth == null ? new int[0] : choropleth.colours();
            for (int k = 0; k < classes; k++) {
                fills[k] = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            }
            Path2D.Float outlines = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            Path2D.Float noData = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < paths.size(); i++) {
                outlines.append(paths.get(i), false);
                if (choropleth != null && Double.isNaN(values[i])) {
                    noData.append(paths.get(i), false);
                } else if (choropleth != null) {
                    int argb = choropleth.colourOf(values[i]);
                    for (int k = 0; k < classes; k++) {
                        if (argb != 0 && colours[k] == argb) {
                            fills[k].append(paths.get(i), false);
                            break;
                        }
                    }
                }
            }
            return new Merged(fills, noData, outlines);
        });
    }

    @Override
    public void paint(Graphics2D g, MapFrame frame) {
        double mpp = frame.viewport().metresPerPixel();
        Merged m = merged(mpp);
        AffineTransform saved = g.getTransform();
        g.transform(frame.worldToScreen());
        if (choropleth != null) {
            // a zone without a value is drawn as such, never left blank as if it were sea or land
            g.setColor(new Color((MapView.NO_DATA & 0x00FFFFFF) | (FILL_ALPHA << 24), true));
            g.fill(m.noData());
            int[] colours = choropleth.colours();
            for (int k = 0; k < m.fills().length; k++) {
                g.setColor(new Color((colours[k] & 0x00FFFFFF) | (FILL_ALPHA << 24), true));
                g.fill(m.fills()[k]);
            }
        }
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke((float) (0.6 * mpp)));
        g.draw(m.outlines());
        g.setTransform(saved);
    }
}
