package pe.cardumen.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class GeodesyTest {

    /**
     * Hand check of the area of a latitude–longitude quadrangle on the WGS 84 ellipsoid:
     * A = a² (λ2 − λ1)/2 · [q(φ2) − q(φ1)], with the authalic function
     * q(φ) = (1 − e²)·[sinφ/(1 − e² sin²φ) − (1/2e)·ln((1 − e sinφ)/(1 + e sinφ))] (Snyder 1987, eq. 3-12).
     * For 80.5°W–80°W, 10.5°S–10°S: a = 6378137 m, f = 1/298.257223563, e = 0.0818191908;
     * q(−10°) = −0.3450179, q(−10.5°) = −0.3620848, Δq = 0.0170670; Δλ = 0.00872665 rad;
     * A = 6378137² × 0.00872665 / 2 × 0.0170670 = 3.02943e9 m² = 883.24 nmi².
     */
    @Test
    void quadrangleAreaMatchesTheClosedFormula() {
        double a = 6378137.0;
        double f = 1 / 298.257223563;
        double e = Math.sqrt(f * (2 - f));
        double expected = a * a * Math.toRadians(0.5) / 2 * (q(Math.toRadians(-10), e) - q(Math.toRadians(-10.5), e)) / (1852.0 * 1852.0);
        assertThat(expected).isCloseTo(883.24, within(0.01)); // the hand figure above
        Geometry box = Densifier.densify(new GeometryFactory().toGeometry(new Envelope(-80.5, -80, -10.5, -10)), 0.005);
        // straight edges in the equal-area projection differ from parallels by < 0.01 % over 0.005°
        assertThat(Geodesy.areaNmi2(box)).isCloseTo(expected, within(expected * 1e-4));
    }

    private static double q(double phi, double e) {
        double s = Math.sin(phi);
        return (1 - e * e) * (s / (1 - e * e * s * s) - 1 / (2 * e) * Math.log((1 - e * s) / (1 + e * s)));
    }

    @Test
    void distanceOfOneDegreeOfLatitudeAtTenSouth() {
        // meridian arc 10°S–11°S on WGS 84: ∫ a(1 − e²)/(1 − e² sin²φ)^1.5 dφ = 110,611.19 m = 59.7253 nmi
        assertThat(Geodesy.distanceNmi(-78, -10, -78, -11)).isCloseTo(110611.19 / 1852, within(0.001));
    }

    @Test
    void azimuthalEquidistantPreservesDistancesFromItsCentre() throws Exception {
        var t = Geodesy.azimuthalEquidistant(-10, -80);
        double[] p = {-75, -10};
        t.transform(p, 0, p, 0, 1);
        double projected = Math.hypot(p[0], p[1]) / 1852;
        assertThat(projected).isCloseTo(Geodesy.distanceNmi(-80, -10, -75, -10), within(0.02));
    }
}
