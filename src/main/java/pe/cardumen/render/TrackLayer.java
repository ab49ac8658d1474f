package pe.cardumen.render;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * The survey track as a line and NASC per interval as circles whose area is proportional to NASC
 * (the largest interval gets a 14 px radius; zero NASC is a small hollow mark).
 */
public final class TrackLayer implements MapLayer {
    private static final int TRACK = 0xC8141414;
    private static final int FILL = 0xAAE65A14;
    private static final int EDGE = 0xDC782800;
    private static final double MAX_RADIUS_PX = 14;

    private final double[][] track;
    private final double[][] points;
    private final double maxNasc;

    /**
     * @param trackLonLat {lon, lat} points of the track
     * @param nascPoints  {lon, lat, NASC} per interval
     */
    public TrackLayer(List<double[]> trackLonLat, List<double[]> nascPoints, MapProjection projection) {
        track = new double[trackLonLat.size()][];
        for (int i = 0; i < track.length; i++) {
            track[i] = projection.project(trackLonLat.get(i)[0], trackLonLat.get(i)[1]);
        }
        points = new double[nascPoints.size()][];
        double max = 0;
        for (int i = 0; i < points.length; i++) {
            double[] p = nascPoints.get(i);
            double[] m = projection.project(p[0], p[1]);
            points[i] = new double[] {m[0], m[1], p[2]};
            max = Math.max(max, p[2]);
        }
        maxNasc = max;
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        MapViewport v = frame.viewport();
        double px = c.pixel();
        if (track.length > 1) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(v.screenX(track[0][0]), v.screenY(track[0][1]));
            for (int i = 1; i < track.length; i++) {
                path.lineTo(v.screenX(track[i][0]), v.screenY(track[i][1]));
            }
            c.stroke(path, MapCanvas.identity(), TRACK, 1.5 * px);
        }
        Ellipse2D.Double circle = new Ellipse2D.Double();
        for (double[] p : points) {
            double x = v.screenX(p[0]);
            double y = v.screenY(p[1]);
            double r = (maxNasc > 0 ? MAX_RADIUS_PX * Math.sqrt(p[2] / maxNasc) : 0) * px;
            if (r < 2 * px) {
                circle.setFrame(x - 2 * px, y - 2 * px, 4 * px, 4 * px);
                c.stroke(circle, MapCanvas.identity(), EDGE, px);
            } else {
                circle.setFrame(x - r, y - r, 2 * r, 2 * r);
                c.fill(circle, MapCanvas.identity(), FILL);
                c.stroke(circle, MapCanvas.identity(), EDGE, px);
            }
        }
    }
}
