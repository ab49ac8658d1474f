package pe.cardumen.render;


/**
 * A gridded field drawn under the zones: each cell a rectangle in the cell's colour (NaN cells are
 * not drawn). Values are mapped linearly between {@code min} and {@code max}, or in log10 for
 * chlorophyll.
 */
public final class RasterLayer implements MapLayer {
    private final double[] x0;
    private final double[] x1;
    private final double[] y0;
    private final double[] y1;
    private final int[] argb;
    private final int nLon;

    /**
     * @param lat    cell-centre latitudes, regular spacing
     * @param lon    cell-centre longitudes, regular spacing
     * @param values lat-major values
     * @param legend the colour mapping
     */
    public RasterLayer(double[] lat, double[] lon, float[] values, RasterLegend legend, MapProjection projection) {
        nLon = lon.length;
        double dLon = lon.length > 1 ? Math.abs(lon[1] - lon[0]) : 0.25;
        double dLat = lat.length > 1 ? Math.abs(lat[1] - lat[0]) : 0.25;
        x0 = new double[lon.length];
        x1 = new double[lon.length];
        for (int j = 0; j < lon.length; j++) {
            x0[j] = projection.project(lon[j] - dLon / 2, 0)[0];
            x1[j] = projection.project(lon[j] + dLon / 2, 0)[0];
        }
        y0 = new double[lat.length];
        y1 = new double[lat.length];
        for (int i = 0; i < lat.length; i++) {
            y0[i] = projection.project(0, Math.max(-85, lat[i] - dLat / 2))[1];
            y1[i] = projection.project(0, Math.min(85, lat[i] + dLat / 2))[1];
        }
        argb = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            argb[k] = legend.colourOf(values[k]);
        }
    }

    @Override
    public void paint(MapCanvas canvas, MapFrame frame) {
        MapViewport v = frame.viewport();
        double overlap = 0.5 * canvas.pixel();
        for (int i = 0; i < y0.length; i++) {
            double ya = v.screenY(y1[i]);
            double yb = v.screenY(y0[i]);
            if (yb < 0 || ya > v.height()) {
                continue;
            }
            for (int j = 0; j < nLon; j++) {
                int c = argb[i * nLon + j];
                if (c == 0) {
                    continue;
                }
                double xa = v.screenX(x0[j]);
                double xb = v.screenX(x1[j]);
                if (xb < 0 || xa > v.width()) {
                    continue;
                }
                canvas.fillRect(xa, ya, xb - xa + overlap, yb - ya + overlap, c);
            }
        }
    }
}
