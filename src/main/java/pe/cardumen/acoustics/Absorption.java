package pe.cardumen.acoustics;

/**
 * Sound absorption in sea water after Francois &amp; Garrison (1982, J. Acoust. Soc. Am. 72:1879):
 * boric acid, magnesium sulphate and pure-water relaxation terms. Valid for −2…22 °C, 30–35 PSU,
 * 0.4–1000 kHz — the conditions of the Humboldt Current.
 */
public final class Absorption {
    private Absorption() {
    }

    /**
     * The absorption coefficient, dB/m.
     *
     * @param frequencyHz     f, Hz
     * @param temperatureC    T, °C
     * @param salinityPsu     S, PSU
     * @param depthM          D, m
     * @param acidityPh       pH
     * @param soundSpeedMPerS c, m/s
     */
    public static double francoisGarrisonDbPerM(double frequencyHz, double temperatureC, double salinityPsu, double depthM, double acidityPh,
                                               double soundSpeedMPerS) {
        double f = frequencyHz / 1000;
        double t = temperatureC;
        double s = salinityPsu;
        double d = depthM;
        double c = soundSpeedMPerS;
        double kelvin = t + 273;
        // boric acid
        double a1 = 8.86 / c * Math.pow(10, 0.78 * acidityPh - 5);
        double f1 = 2.8 * Math.sqrt(s / 35) * Math.pow(10, 4 - 1245 / kelvin);
        // magnesium sulphate
        double a2 = 21.44 * s / c * (1 + 0.025 * t);
        double p2 = 1 - 1.37e-4 * d + 6.2e-9 * d * d;
        double f2 = 8.17 * Math.pow(10, 8 - 1990 / kelvin) / (1 + 0.0018 * (s - 35));
        // pure water
        double p3 = 1 - 3.83e-5 * d + 4.9e-10 * d * d;
        double a3 = t <= 20
                ? 4.937e-4 - 2.59e-5 * t + 9.11e-7 * t * t - 1.5e-8 * t * t * t
                : 3.964e-4 - 1.146e-5 * t + 1.45e-7 * t * t - 6.5e-10 * t * t * t;
        double f2sq = f * f;
        double dbPerKm = a1 * f1 * f2sq / (f1 * f1 + f2sq) + a2 * p2 * f2 * f2sq / (f2 * f2 + f2sq) + a3 * p3 * f2sq;
        return dbPerKm / 1000;
    }
}
