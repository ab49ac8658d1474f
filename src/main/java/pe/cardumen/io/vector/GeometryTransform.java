package pe.cardumen.io.vector;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Applies an Apache SIS {@link MathTransform} to every coordinate of a JTS geometry, one coordinate
 * sequence at a time (SIS transforms arrays much faster than single points).
 */
public final class GeometryTransform {
    private GeometryTransform() {
    }

    /**
     * Returns a transformed copy of {@code g}; {@code g} itself is not modified.
     *
     * @param g         any geometry whose x/y are in the transform's source axis order
     * @param transform a two-dimensional transform
     * @throws TransformException when a coordinate lies outside the transform's domain
     */
    public static Geometry apply(Geometry g, MathTransform transform) throws TransformException {
        if (transform.isIdentity()) {
            return g;
        }
        Geometry copy = g.copy();
        TransformException[] failure = new TransformException[1];
        copy.apply(new CoordinateSequenceFilter() {
            private CoordinateSequence done;

            @Override
            public void filter(CoordinateSequence seq, int i) {
                if (seq == done || failure[0] != null) {
                    return;
                }
                done = seq;
                int n = seq.size();
                double[] pts = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    pts[2 * k] = seq.getX(k);
                    pts[2 * k + 1] = seq.getY(k);
                }
                try {
                    transform.transform(pts, 0, pts, 0, n);
                } catch (TransformException e) {
                    failure[0] = e;
                    return;
                }
                for (int k = 0; k < n; k++) {
                    seq.setOrdinate(k, 0, pts[2 * k]);
                    seq.setOrdinate(k, 1, pts[2 * k + 1]);
                }
            }

            @Override
            public boolean isDone() {
                return failure[0] != null;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        copy.geometryChanged();
        return copy;
    }
}
