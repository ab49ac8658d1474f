package pe.cardumen.geo;

/**
 * The extent and resolution of the AIP grid (DOMAIN.md §2).
 *
 * @param northLimitDegrees latitude of the northern edge, degrees (negative south); the Peru–Ecuador
 *                          maritime boundary follows the parallel 3°23′33″S
 * @param southLimitDegrees latitude of the southern edge, degrees; a multiple of 0.5
 * @param distanceBands     number of 10-nmi distance bands (30 = out to 300 nmi)
 * @param arcSegmentsPerQuadrant segments used to approximate a quarter circle when offsetting the
 *                          coast; 24 keeps the chord error below 0.06 % of the distance
 */
public record GridSpec(double northLimitDegrees, double southLimitDegrees, int distanceBands, int arcSegmentsPerQuadrant) {

    /** The full IMARPE grid: 3°23′33″S to 18°30′S, 0–300 nmi. */
    public static final GridSpec PERU = new GridSpec(-(3 + 23.0 / 60 + 33.0 / 3600), -18.5, 30, 24);

    public GridSpec {
        if (!(northLimitDegrees > southLimitDegrees)) {
            throw new IllegalArgumentException("north limit " + northLimitDegrees + " must be north of south limit " + southLimitDegrees);
        }
        if (Math.abs(southLimitDegrees * 2 - Math.rint(southLimitDegrees * 2)) > 1e-9) {
            throw new IllegalArgumentException("south limit must be a multiple of 30′, was " + southLimitDegrees);
        }
        if (distanceBands < 1 || distanceBands > 99) {
            throw new IllegalArgumentException("distance bands must be 1..99, was " + distanceBands);
        }
        if (arcSegmentsPerQuadrant < 4) {
            throw new IllegalArgumentException("arc segments per quadrant must be >= 4, was " + arcSegmentsPerQuadrant);
        }
    }

    /** The same grid restricted to a latitude range, e.g. for a quick demo or a test. */
    public GridSpec withLatitudes(double north, double south) {
        return new GridSpec(north, south, distanceBands, arcSegmentsPerQuadrant);
    }

    /** The same grid with fewer or more distance bands. */
    public GridSpec withDistanceBands(int bands) {
        return new GridSpec(northLimitDegrees, southLimitDegrees, bands, arcSegmentsPerQuadrant);
    }
}
