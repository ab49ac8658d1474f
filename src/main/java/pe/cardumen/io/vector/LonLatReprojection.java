package pe.cardumen.io.vector;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.util.Utilities;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Converts geometries from a layer's coordinate reference system to WGS 84 longitude/latitude
 * degrees, the axis order every Cardumen geometry uses. Apache SIS finds the operation.
 */
final class LonLatReprojection {
    private final MathTransform transform;

    private LonLatReprojection(MathTransform transform) {
        this.transform = transform;
    }

    /**
     * The conversion from {@code source}, with its axes in "x = east, y = north" order as GeoJSON,
     * GeoPackage and Shapefile store them whatever the CRS's official axis order, to WGS 84 lon/lat.
     *
     * @throws FactoryException when SIS knows no operation between the two (e.g. an unknown datum)
     */
    static LonLatReprojection from(CoordinateReferenceSystem source) throws FactoryException {
        CoordinateReferenceSystem target = CommonCRS.WGS84.normalizedGeographic();
        source = AbstractCRS.castOrCopy(source).forConvention(AxesConvention.DISPLAY_ORIENTED);
        if (Utilities.equalsIgnoreMetadata(source, target)) {
            return new LonLatReprojection(null);
        }
        return new LonLatReprojection(CRS.findOperation(source, target, null).getMathTransform());
    }

    /** Whether the conversion changes nothing. */
    boolean isIdentity() {
        return transform == null || transform.isIdentity();
    }

    /**
     * Returns a reprojected copy of {@code g} (or {@code g} itself when the conversion is the identity).
     *
     * @throws TransformException when a coordinate cannot be converted (outside the projection's domain)
     */
    Geometry apply(Geometry g) throws TransformException {
        return isIdentity() ? g : GeometryTransform.apply(g, transform);
    }
}
