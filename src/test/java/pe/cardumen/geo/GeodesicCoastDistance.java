package pe.cardumen.geo;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * An independent reference for distance to the coast: the geodesic distance (SIS's
 * GeodeticCalculator, Karney's algorithm on WGS 84) from a point to the nearest vertex of the mainland
 * densified to 0.002° (~200 m), after a spherical pre-filter. It shares no code with the grid generator's
 * projected buffers. The vertex spacing bounds the error by (100 m)²/(2·d): under 1 m beyond 5 nmi.
 */
final class GeodesicCoastDistance {
    private final double[] lon;
    private final double[] lat;

    GeodesicCoastDistance(LineString mainland) {
        Coordinate[] cs = Densifier.densify(mainland, 0.002).getCoordinates();
        List<Coordinate> kept = new ArrayList<>();
        for (Coordinate c : cs) {
            if (c.y > -26 && c.y < 2) {
                kept.add(c);
            }
        }
        lon = new double[kept.size()];
        lat = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            lon[i] = kept.get(i).x;
            lat[i] = kept.get(i).y;
        }
    }

    /** Geodesic distance from (lon, lat) to the mainland, nautical miles. */
    double distanceNmi(double qLon, double qLat) {
        double best = Double.MAX_VALUE;
        double[] approx = new double[lon.length];
        double phi = Math.toRadians(qLat);
        for (int i = 0; i < lon.length; i++) {
            double dphi = Math.toRadians(lat[i]) - phi;
            double dl = Math.toRadians(lon[i] - qLon);
            double a = Math.sin(dphi / 2) * Math.sin(dphi / 2)
                    + Math.cos(phi) * Math.cos(Math.toRadians(lat[i])) * Math.sin(dl / 2) * Math.sin(dl / 2);
            approx[i] = 2 * Math.asin(Math.min(1, Math.sqrt(a))) * 6371008.8 / 1852;
            best = Math.min(best, approx[i]);
        }
        GeodeticCalculator calc = GeodeticCalculator.create(CommonCRS.WGS84.normalizedGeographic());
        calc.setStartGeographicPoint(qLat, qLon);
        double exact = Double.MAX_VALUE;
        for (int i = 0; i < lon.length; i++) {
            if (approx[i] <= best * 1.01 + 0.05) {
                calc.setEndGeographicPoint(lat[i], lon[i]);
                exact = Math.min(exact, calc.getGeodesicDistance() / 1852);
            }
        }
        return exact;
    }
}
