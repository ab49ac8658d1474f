package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * The survey track as a line and NASC per interval as circles whose area is proportional to NASC
 * (the largest interval gets a 14 px radius; zero NASC is a small hollow mark).
 */
public final class TrackLayer implements MapLayer {
    private static final Color TRACK = new Color(20, 20, 20, 200);
    private static final Color FILL = new Color(230, 90, 20, 170);
    private static final Color EDGE = new Color(120, 40, 0, 220);
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
    public void paint(Graphics2D g, MapFrame frame) {
        MapViewport v = frame.viewport();
        if (track.length > 1) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(v.screenX(track[0][0]), v.screenY(track[0][1]));
            for (int i = 1; i < track.length; i++) {
                path.lineTo(v.screenX(track[i][0]), v.screenY(track[i][1]));
            }
            g.setColor(TRACK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(path);
        }
        for (double[] p : points) {
            double x = v.screenX(p[0]);
            double y = v.screenY(p[1]);
            double r = maxNasc > 0 ? MAX_RADIUS_PX * Math.sqrt(p[2] / maxNasc) : 0;
            if (r < 2) {
                g.setColor(EDGE);
                g.draw(new Ellipse2D.Double(x - 2, y - 2, 4, 4));
            } else {
                Ellipse2D.Double c = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
                g.setColor(FILL);
                g.fill(c);
                g.setColor(EDGE);
                g.draw(c);
            }
        }
    }
}
