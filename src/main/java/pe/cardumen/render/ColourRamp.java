package pe.cardumen.render;

/**
 * Perceptually ordered colour ramps, interpolated linearly in sRGB between stops. Colours are ARGB
 * ints.
 */
public enum ColourRamp {
    /** Sequential, colour-blind safe (viridis stops). */
    VIRIDIS(0xFF440154, 0xFF3B528B, 0xFF21918C, 0xFF5EC962, 0xFFFDE725),
    /** Sequential blues to yellow, for densities and biomass. */
    YELLOW_GREEN_BLUE(0xFFFFFFCC, 0xFFA1DAB4, 0xFF41B6C4, 0xFF2C7FB8, 0xFF253494),
    /** Thermal, cold blue to hot red through yellow, for sea temperature. */
    THERMAL(0xFF08306B, 0xFF2171B5, 0xFF6BAED6, 0xFFFFFFB2, 0xFFFD8D3C, 0xFFE31A1C, 0xFF800026),
    /** Chlorophyll, clear blue water to green to yellow, used on a log scale. */
    CHLOROPHYLL(0xFF253494, 0xFF2C7FB8, 0xFF41B6C4, 0xFF7FCDBB, 0xFF78C679, 0xFF238443, 0xFFD9F0A3),
    /** Diverging blue–white–red, for differences and anomalies. */
    BLUE_WHITE_RED(0xFF2166AC, 0xFF92C5DE, 0xFFF7F7F7, 0xFFF4A582, 0xFFB2182B);

    private final int[] stops;

    ColourRamp(int... stops) {
        this.stops = stops;
    }

    /** The colour at {@code t} in [0, 1] (clamped; NaN gives transparent). */
    public int colourAt(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int gr = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return 0xFF000000 | (r << 16) | (gr << 8) | bl;
    }
}
