package pe.cardumen.io.grid;

import java.nio.file.Path;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import pe.cardumen.io.FileFormatException;

/**
 * A projected raster placed on a regular longitude/latitude grid by nearest neighbour: the output
 * spacing is one pixel's extent in degrees at the raster's centre, the extent covers every pixel
 * centre, and each output cell takes the pixel that contains its centre (none outside the raster).
 * No value is interpolated, so every output value is one of the file's.
 *
 * @param crs     the source CRS ({@code EPSG:n})
 * @param lon     output cell-centre longitudes, ascending
 * @param lat     output cell-centre latitudes, ascending
 * @param pixelOf for each output cell (lat-major), the source pixel (row × width + column), −1 outside
 */
record GeoTiffResampling(String crs, double[] lon, double[] lat, int[] pixelOf) {
    /** The most cells along one output axis. */
    private static final int MAX_AXIS = 20_000;

    static GeoTiffResampling toGeographic(Path file, int epsg, double[] xs, double[] ys) throws FileFormatException {
        if (epsg <= 0 || epsg == 32767) {
            throw new FileFormatException(file, "GeoKeyDirectory", "is on a user-defined projected CRS without an EPSG code; "
                    + "reproject it to longitude/latitude first, e.g. gdalwarp -t_srs EPSG:4326");
        }
        String code = "EPSG:" + epsg;
        MathTransform toGeo;
        MathTransform fromGeo;
        try {
            CoordinateReferenceSystem source = AbstractCRS.castOrCopy(CRS.forCode(code)).forConvention(AxesConvention.DISPLAY_ORIENTED);
            toGeo = CRS.findOperation(source, CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
            fromGeo = toGeo.inverse();
        } catch (FactoryException | org.opengis.referencing.operation.NoninvertibleTransformException e) {
            throw new FileFormatException(file, "GeoKeyDirectory", "is on " + code + ", which Cardumen cannot use offline (" + e.getMessage()
                    + "); reproject it to longitude/latitude first, e.g. gdalwarp -t_srs EPSG:4326");
        }
        int w = xs.length;
        int h = ys.length;
        try {
            // extent: every pixel centre on the raster's border
            double[] border = new double[4 * (w + h)];
            int n = 0;
            for (int c = 0; c < w; c++) {
                border[n++] = xs[c];
                border[n++] = ys[0];
                border[n++] = xs[c];
                border[n++] = ys[h - 1];
            }
            for (int r = 0; r < h; r++) {
                border[n++] = xs[0];
                border[n++] = ys[r];
                border[n++] = xs[w - 1];
                border[n++] = ys[r];
            }
            toGeo.transform(border, 0, border, 0, n / 2);
            double lonMin = Double.POSITIVE_INFINITY;
            double lonMax = Double.NEGATIVE_INFINITY;
            double latMin = Double.POSITIVE_INFINITY;
            double latMax = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k += 2) {
                lonMin = Math.min(lonMin, border[k]);
                lonMax = Math.max(lonMax, border[k]);
                latMin = Math.min(latMin, border[k + 1]);
                latMax = Math.max(latMax, border[k + 1]);
            }
            // spacing: one pixel step at the centre, in degrees
            double stepX = w > 1 ? xs[1] - xs[0] : 1;
            double stepY = h > 1 ? ys[1] - ys[0] : -1;
            double xc = xs[w / 2];
            double yc = ys[h / 2];
            double[] probe = {xc, yc, xc + stepX, yc, xc, yc + stepY};
            toGeo.transform(probe, 0, probe, 0, 3);
            double dLon = Math.abs(probe[2] - probe[0]);
            double dLat = Math.abs(probe[5] - probe[1]);
            if (!(dLon > 0) || !(dLat > 0)) {
                throw new FileFormatException(file, "ModelPixelScale", "gives pixels of no extent");
            }
            int nLon = (int) Math.min(MAX_AXIS, Math.floor((lonMax - lonMin) / dLon) + 1);
            int nLat = (int) Math.min(MAX_AXIS, Math.floor((latMax - latMin) / dLat) + 1);
            double[] lon = new double[nLon];
            double[] lat = new double[nLat];
            for (int j = 0; j < nLon; j++) {
                lon[j] = lonMin + j * dLon;
            }
            for (int i = 0; i < nLat; i++) {
                lat[i] = latMin + i * dLat;
            }
            double[] pts = new double[2 * nLon];
            int[] pixelOf = new int[nLat * nLon];
            for (int i = 0; i < nLat; i++) {
                for (int j = 0; j < nLon; j++) {
                    pts[2 * j] = lon[j];
                    pts[2 * j + 1] = lat[i];
                }
                fromGeo.transform(pts, 0, pts, 0, nLon);
                for (int j = 0; j < nLon; j++) {
                    long col = Math.round((pts[2 * j] - xs[0]) / stepX);
                    long row = Math.round((pts[2 * j + 1] - ys[0]) / stepY);
                    boolean inside = !Double.isNaN(pts[2 * j]) && col >= 0 && col < w && row >= 0 && row < h;
                    pixelOf[i * nLon + j] = inside ? (int) (row * w + col) : -1;
                }
            }
            return new GeoTiffResampling(code, lon, lat, pixelOf);
        } catch (org.opengis.referencing.operation.TransformException e) {
            throw new FileFormatException(file, "", "cannot be placed in longitude/latitude from " + code + ": " + e.getMessage());
        }
    }
}
