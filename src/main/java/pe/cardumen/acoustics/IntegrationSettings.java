package pe.cardumen.acoustics;

import java.util.Locale;

/**
 * How to echo-integrate: the grid of cells and what to exclude (DOMAIN.md §3).
 *
 * @param intervalNmi        along-track length of an elementary distance sampling unit, nmi; 0 for one
 *                           interval per ping
 * @param layerTopM          top of the first layer, depth m
 * @param layerBottomM       bottom of the last layer, depth m
 * @param layerThicknessM    layer thickness, m
 * @param thresholdDb        samples with Sv below this count as zero, dB re 1 m⁻¹
 * @param nearFieldM         samples closer than this to the transducer (TVG range) are excluded, m
 * @param excludeBelowBottom whether samples below the bottom minus the margin are excluded
 * @param bottomMarginM      backstep above the bottom line, m
 * @param surfaceExclusionM  samples shallower than this depth are excluded, m (0 for none)
 */
public record IntegrationSettings(double intervalNmi, double layerTopM, double layerBottomM, double layerThicknessM, double thresholdDb,
                                  double nearFieldM, boolean excludeBelowBottom, double bottomMarginM, double surfaceExclusionM) {

    /**
     * Cardumen's defaults: 1 nmi intervals (IMARPE's EDSU), 10 m layers from 10 to 250 m, −70 dB, a 2 m
     * near field, bottom excluded with a 0.5 m margin, no surface exclusion beyond the first layer's top.
     */
    public static final IntegrationSettings DEFAULT = new IntegrationSettings(1.0, 10, 250, 10, -70, 2.0, true, 0.5, 0);

    public IntegrationSettings {
        if (!(intervalNmi >= 0)) {
            throw new IllegalArgumentException("interval must be >= 0 nmi (0 = per ping), was " + intervalNmi);
        }
        if (!(layerThicknessM > 0) || !(layerBottomM > layerTopM) || !(layerTopM >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "layers %.1f:%.1f:%.1f m are not top:bottom:thickness with 0 <= top < bottom and thickness > 0", layerTopM, layerBottomM, layerThicknessM));
        }
        if (!(nearFieldM >= 0) || !(bottomMarginM >= 0) || !(surfaceExclusionM >= 0)) {
            throw new IllegalArgumentException("near field, bottom margin and surface exclusion must be >= 0 m");
        }
    }

    /** Number of layers (the last one may be thinner). */
    public int layerCount() {
        return (int) Math.ceil((layerBottomM - layerTopM) / layerThicknessM - 1e-9);
    }

    /** Top depth of layer k, m. */
    public double layerTop(int k) {
        return layerTopM + k * layerThicknessM;
    }

    /** Bottom depth of layer k, m. */
    public double layerBottom(int k) {
        return Math.min(layerBottomM, layerTopM + (k + 1) * layerThicknessM);
    }

    /** Whether each ping is its own interval. */
    public boolean perPing() {
        return intervalNmi == 0;
    }

    public IntegrationSettings withInterval(double nmi) {
        return new IntegrationSettings(nmi, layerTopM, layerBottomM, layerThicknessM, thresholdDb, nearFieldM, excludeBelowBottom, bottomMarginM, surfaceExclusionM);
    }

    public IntegrationSettings withLayers(double top, double bottom, double thickness) {
        return new IntegrationSettings(intervalNmi, top, bottom, thickness, thresholdDb, nearFieldM, excludeBelowBottom, bottomMarginM, surfaceExclusionM);
    }

    public IntegrationSettings withThreshold(double db) {
        return new IntegrationSettings(intervalNmi, layerTopM, layerBottomM, layerThicknessM, db, nearFieldM, excludeBelowBottom, bottomMarginM, surfaceExclusionM);
    }

    public IntegrationSettings withBottomExclusion(boolean exclude) {
        return new IntegrationSettings(intervalNmi, layerTopM, layerBottomM, layerThicknessM, thresholdDb, nearFieldM, exclude, bottomMarginM, surfaceExclusionM);
    }

    public IntegrationSettings withNearField(double m) {
        return new IntegrationSettings(intervalNmi, layerTopM, layerBottomM, layerThicknessM, thresholdDb, m, excludeBelowBottom, bottomMarginM, surfaceExclusionM);
    }

    public IntegrationSettings withSurfaceExclusion(double m) {
        return new IntegrationSettings(intervalNmi, layerTopM, layerBottomM, layerThicknessM, thresholdDb, nearFieldM, excludeBelowBottom, bottomMarginM, m);
    }

    /**
     * Parses {@code top:bottom:thickness} in metres, e.g. {@code 10:250:10}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    /**
     * Parses an interval length such as {@code 1nmi}, {@code 0.5nmi} or {@code 2}, in nautical miles.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static double intervalNmi(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace("nmi", "").trim();
        try {
            double v = Double.parseDouble(t);
            if (!(v > 0)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--interval '" + text + "' must be a length in nautical miles such as 1nmi or 0.5nmi");
        }
    }

    public IntegrationSettings withLayers(String spec) {
        String[] p = spec.trim().split(":");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            return withLayers(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layers '" + spec + "' must be top:bottom:thickness in metres, e.g. 10:250:10");
        }
    }
}
