package pe.cardumen.render;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import pe.cardumen.io.vector.GeometryTransform;

/**
 * The display projection: World Mercator (EPSG:3395) on WGS 84, from Apache SIS. Conformal, so the
 * coast's shape is true at every latitude of Peru; distances on screen are measured geodesically, not
 * read off the projection.
 *
 * <p>Thread-safe.
 */
public final class MapProjection {
    private final MathTransform forward;
    private final MathTransform inverse;

    public MapProjection() {
        try {
            forward = CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), CRS.forCode("EPSG:3395"), null).getMathTransform();
            inverse = forward.inverse();
        } catch (FactoryException | TransformException e) {
            throw new IllegalStateException("Apache SIS cannot build World Mercator (EPSG:3395)", e);
        }
    }

    /** Projects a lon/lat geometry to Mercator metres. */
    public Geometry project(Geometry lonLat) {
        try {
            return GeometryTransform.apply(lonLat, forward);
        } catch (TransformException e) {
            throw new IllegalArgumentException("geometry cannot be shown on the map: " + e.getMessage(), e);
        }
    }

    /** Mercator metres {x, y} of a lon/lat point; NaNs outside the projection's domain (the poles). */
    public double[] project(double lon, double lat) {
        return point(forward, lon, lat);
    }

    /** lon/lat degrees {lon, lat} of a Mercator point; NaNs when it has none. */
    public double[] unproject(double x, double y) {
        return point(inverse, x, y);
    }

    private static double[] point(MathTransform t, double a, double b) {
        double[] p = {a, b};
        try {
            t.transform(p, 0, p, 0, 1);
        } catch (TransformException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return p;
    }
}
