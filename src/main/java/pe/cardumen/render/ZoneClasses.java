package pe.cardumen.render;

/**
 * How zones are classed and coloured, for the screen and the paper alike: differences and anomalies
 * on a blue–white–red ramp centred on zero; satellite fields on a scale fixed for the whole grid;
 * biomass and NASC (mostly zero) with a zero class; model predictions with a near-zero class; other
 * attributes in quantiles.
 */
public final class ZoneClasses {
    /** Colour of zones without a value under the colouring: a light grey, distinct from every ramp's ends. */
    public static final int NO_DATA = 0xFFD9D9D9;
    /** Colour of the zero class of biomass and NASC and the near-zero class of predictions: a pale grey, apart from the ramp. */
    public static final int ZERO_CLASS = 0xFFEDEDE8;
    /** Below this P50 or interval width (t nmi⁻²) a model's zone is drawn in the near-zero class: practically no fish. */
    public static final double MODEL_NEAR_ZERO_T_PER_NMI2 = 1.0;
    /** Classes of a sequential colouring. */
    public static final int CLASSES = 5;
    /** Classes of a diverging colouring (odd, so that zero has the white middle class). */
    public static final int DIVERGING_CLASSES = 7;

    private ZoneClasses() {
    }

    /** Biomass density (t nmi⁻²) or NASC (m² nmi⁻²) per zone: a zero class and quantiles of the rest. */
    public static Choropleth zeroInflated(String title, double[] values) {
        return Choropleth.zeroAndQuantiles(title, values, CLASSES, ColourRamp.YELLOW_GREEN_BLUE, ZERO_CLASS);
    }

    /** A model's P50 or interval width (t nmi⁻²): a near-zero class and quantiles of the rest. */
    public static Choropleth prediction(String title, double[] values) {
        return Choropleth.nearZeroAndQuantiles(title, values, CLASSES, ColourRamp.YELLOW_GREEN_BLUE, ZERO_CLASS, MODEL_NEAR_ZERO_T_PER_NMI2);
    }

    /** A difference between two models: symmetric about zero on the diverging ramp. */
    public static Choropleth difference(String title, double[] values) {
        return Choropleth.diverging(title, values, DIVERGING_CLASSES, ColourRamp.BLUE_WHITE_RED);
    }

    /** A satellite field on limits fixed for its whole grid (anomalies on the diverging ramp). */
    public static Choropleth satellite(String title, double[] breaks, boolean diverging) {
        return Choropleth.fixed(title, breaks, diverging ? ColourRamp.BLUE_WHITE_RED : ColourRamp.THERMAL);
    }

    /** Any other attribute (area, distance): quantiles. */
    public static Choropleth quantiles(String title, double[] values, boolean thermal) {
        return Choropleth.quantiles(title, values, CLASSES, thermal ? ColourRamp.THERMAL : ColourRamp.YELLOW_GREEN_BLUE);
    }
}
