package pe.cardumen.render;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Geometries projected to Mercator metres once, with Java2D paths simplified to half a pixel for each
 * zoom level (scales are bucketed by powers of √2) and cached. Thread-safe.
 */
public final class WorldShapes {
    private final List<Geometry> mercator;
    private final List<Envelope> envelopes;
    private final ConcurrentHashMap<Integer, List<Path2D.Float>> byLevel = new ConcurrentHashMap<>();

    /**
     * @param lonLat     geometries in lon/lat degrees
     * @param projection the display projection
     */
    public WorldShapes(List<? extends Geometry> lonLat, MapProjection projection) {
        List<Geometry> m = new ArrayList<>(lonLat.size());
        List<Envelope> e = new ArrayList<>(lonLat.size());
        for (Geometry g : lonLat) {
            Geometry p = projection.project(g);
            m.add(p);
            e.add(p.getEnvelopeInternal());
        }
        this.mercator = List.copyOf(m);
        this.envelopes = List.copyOf(e);
    }

    public int size() {
        return mercator.size();
    }

    /** The projected geometry {@code i}, Mercator metres. */
    public Geometry geometry(int i) {
        return mercator.get(i);
    }

    /** Bounding box of geometry {@code i}, Mercator metres. */
    public Envelope envelope(int i) {
        return envelopes.get(i);
    }

    /** Bounding box of all geometries, Mercator metres. */
    public Envelope envelope() {
        Envelope all = new Envelope();
        envelopes.forEach(all::expandToInclude);
        return all;
    }

    /** The zoom level of a scale: scales are bucketed by powers of √2. */
    public static int level(double metresPerPixel) {
        return (int) Math.floor(Math.log(metresPerPixel) / Math.log(Math.sqrt(2)));
    }

    /** The paths for a scale (Mercator metres per pixel), simplified to about half a pixel. */
    public List<Path2D.Float> paths(double metresPerPixel) {
        int level = level(metresPerPixel);
        return byLevel.computeIfAbsent(level, l -> {
            double tolerance = Math.pow(Math.sqrt(2), l) * 0.5;
            List<Path2D.Float> paths = new ArrayList<>(mercator.size());
            for (Geometry g : mercator) {
                paths.add(toPath(DouglasPeuckerSimplifier.simplify(g, tolerance)));
            }
            return paths;
        });
    }

    /** A geometry as one even-odd path in its own coordinates. */
    public static Path2D.Float toPath(Geometry g) {
        Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD);
        append(path, g);
        return path;
    }

    private static void append(Path2D.Float path, Geometry g) {
        if (g instanceof Polygon) {
            Polygon p = (Polygon) g;
            ring(path, p.getExteriorRing().getCoordinates(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(path, p.getInteriorRingN(i).getCoordinates(), true);
            }
        } else if (g instanceof LineString) {
            ring(path, g.getCoordinates(), false);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) != g) {
                    append(path, g.getGeometryN(i));
                }
            }
        }
    }

    private static void ring(Path2D.Float path, Coordinate[] cs, boolean close) {
        if (cs.length == 0) {
            return;
        }
        path.moveTo(cs[0].x, cs[0].y);
        for (int i = 1; i < cs.length; i++) {
            path.lineTo(cs[i].x, cs[i].y);
        }
        if (close) {
            path.closePath();
        }
    }
}
