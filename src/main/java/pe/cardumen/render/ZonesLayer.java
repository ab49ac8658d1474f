package pe.cardumen.render;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zones filled by a choropleth and outlined.
 *
 * <p>For speed the zones of each colour class are merged into one even-odd path per zoom level (zones
 * never overlap, so even-odd filling of the merged path equals filling each zone), and the outlines
 * into one path of the distinct edges (an edge two zones share is drawn once, so inner and outer
 * edges look alike): a frame costs one fill per class and one stroke. The merged paths are cached
 * per zoom level; the layer is immutable and thread-safe.
 */
public final class ZonesLayer implements MapLayer {
    private static final int OUTLINE = 0x963C4650;
    /** The screen's fill opacity: a grid drawn under the zones shows through a little. */
    public static final int SCREEN_FILL_ALPHA = 0xD0;

    private final WorldShapes shapes;
    private final double[] values;
    private final Choropleth choropleth;
    private final int fillAlpha;
    private final ConcurrentHashMap<Integer, Merged> byLevel = new ConcurrentHashMap<>();

    private record Merged(Path2D.Float[] fills, Path2D.Float noData, Path2D.Float outlines) {
    }

    /**
     * @param shapes     the zones' shapes
     * @param values     the attribute value of each zone, in the same order (NaN = no data, filled in the no-data grey)
     * @param choropleth class breaks and colours; {@code null} draws outlines only
     */
    public ZonesLayer(WorldShapes shapes, double[] values, Choropleth choropleth) {
        this(shapes, values, choropleth, SCREEN_FILL_ALPHA);
    }

    private ZonesLayer(WorldShapes shapes, double[] values, Choropleth choropleth, int fillAlpha) {
        if (values.length != shapes.size()) {
            throw new IllegalArgumentException(values.length + " values for " + shapes.size() + " zones");
        }
        this.shapes = shapes;
        this.values = values.clone();
        this.choropleth = choropleth;
        this.fillAlpha = fillAlpha;
    }

    public Choropleth choropleth() {
        return choropleth;
    }

    /** The same zones drawn as outlines only (over a raster underlay). */
    public ZonesLayer outlinesOnly() {
        return new ZonesLayer(shapes, values, null, fillAlpha);
    }

    /** The same zones filled opaque in the class colours themselves (paper, where nothing lies under them). */
    public ZonesLayer opaque() {
        return new ZonesLayer(shapes, values, choropleth, 0xFF);
    }

    /** Whether any zone has no value (the legend then shows the no-data class). */
    public boolean hasNoData() {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private Merged merged(double metresPerDetail) {
        return byLevel.computeIfAbsent(WorldShapes.level(metresPerDetail), level -> {
            List<Path2D.Float> paths = shapes.paths(metresPerDetail);
            int classes = choropleth == null ? 0 : choropleth.classes();
            Path2D.Float[] fills = new Path2D.Float[classes];
            for (int k = 0; k < classes; k++) {
                fills[k] = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            }
            Path2D.Float noData = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < paths.size(); i++) {
                if (choropleth == null) {
                    continue;
                }
                int k = choropleth.classOf(values[i]);
                (k < 0 ? noData : fills[k]).append(paths.get(i), false);
            }
            return new Merged(fills, noData, distinctEdges(paths));
        });
    }

    /** The edges of all paths with each undirected edge once, as separate two-point lines joined where they continue. */
    static Path2D.Float distinctEdges(List<Path2D.Float> paths) {
        Set<Edge> seen = new HashSet<>();
        Path2D.Float out = new Path2D.Float();
        float[] c = new float[6];
        for (Path2D.Float p : paths) {
            float x = 0;
            float y = 0;
            float sx = 0;
            float sy = 0;
            boolean penAt = false;
            for (PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
                int type = it.currentSegment(c);
                float nx;
                float ny;
                if (type == PathIterator.SEG_MOVETO) {
                    x = sx = c[0];
                    y = sy = c[1];
                    penAt = false;
                    continue;
                } else if (type == PathIterator.SEG_CLOSE) {
                    nx = sx;
                    ny = sy;
                } else {
                    nx = c[0];
                    ny = c[1];
                }
                if (seen.add(Edge.of(x, y, nx, ny))) {
                    if (!penAt) {
                        out.moveTo(x, y);
                    }
                    out.lineTo(nx, ny);
                    penAt = true;
                } else {
                    penAt = false;
                }
                x = nx;
                y = ny;
            }
        }
        return out;
    }

    private record Edge(float ax, float ay, float bx, float by) {
        static Edge of(float x0, float y0, float x1, float y1) {
            return x0 < x1 || (x0 == x1 && y0 <= y1) ? new Edge(x0, y0, x1, y1) : new Edge(x1, y1, x0, y0);
        }
    }

    private int withAlpha(int argb) {
        return (argb & 0x00FFFFFF) | (fillAlpha << 24);
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        Merged m = merged(frame.viewport().metresPerPixel() * c.detail());
        var toCanvas = frame.worldToScreen();
        if (choropleth != null) {
            // a zone without a value is drawn as such, never left blank as if it were sea or land
            c.fillTiles(m.noData(), toCanvas, withAlpha(ZoneClasses.NO_DATA));
            int[] colours = choropleth.colours();
            for (int k = 0; k < m.fills().length; k++) {
                c.fillTiles(m.fills()[k], toCanvas, withAlpha(colours[k]));
            }
        }
        c.hairlines(m.outlines(), toCanvas, OUTLINE, 0.6 * c.pixel());
    }
}
