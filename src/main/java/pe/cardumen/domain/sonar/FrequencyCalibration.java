package pe.cardumen.domain.sonar;

/**
 * A transducer's broadband calibration as the EK80 configuration records it ({@code FrequencyPar} rows of
 * the {@code Transducer} element, one per calibrated frequency, written by the EK80 broadband calibration
 * wizard). Empty when the transducer was calibrated at its nominal frequency only.
 *
 * @param frequencyHz  calibrated frequencies, ascending, Hz
 * @param gainDb       on-axis gain G0(f), dB
 * @param impedanceOhm transducer impedance |Zet(f)|, Ω
 */
public record FrequencyCalibration(double[] frequencyHz, double[] gainDb, double[] impedanceOhm) {
    /** No broadband calibration. */
    public static final FrequencyCalibration NONE = new FrequencyCalibration(new double[0], new double[0], new double[0]);

    public FrequencyCalibration {
        frequencyHz = frequencyHz.clone();
        gainDb = gainDb.clone();
        impedanceOhm = impedanceOhm.clone();
        if (frequencyHz.length != gainDb.length || gainDb.length != impedanceOhm.length) {
            throw new IllegalArgumentException("FrequencyPar tables differ in length");
        }
        for (int i = 1; i < frequencyHz.length; i++) {
            if (!(frequencyHz[i] > frequencyHz[i - 1])) {
                throw new IllegalArgumentException("FrequencyPar frequencies are not ascending at row " + (i + 1));
            }
        }
    }

    /** Whether the table has no rows. */
    public boolean isEmpty() {
        return frequencyHz.length == 0;
    }

    /** Whether {@code f} lies inside the calibrated band (inclusive). */
    public boolean covers(double f) {
        return !isEmpty() && f >= frequencyHz[0] && f <= frequencyHz[frequencyHz.length - 1];
    }

    /** G0(f) linearly interpolated in dB between the calibrated frequencies; NaN outside the band. */
    public double gainDbAt(double f) {
        return interpolate(gainDb, f);
    }

    /** |Zet(f)| linearly interpolated; NaN outside the band. */
    public double impedanceOhmAt(double f) {
        return interpolate(impedanceOhm, f);
    }

    private double interpolate(double[] values, double f) {
        if (!covers(f)) {
            return Double.NaN;
        }
        int hi = java.util.Arrays.binarySearch(frequencyHz, f);
        if (hi >= 0) {
            return values[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (f - frequencyHz[lo]) / (frequencyHz[hi] - frequencyHz[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    @Override
    public double[] frequencyHz() {
        return frequencyHz.clone();
    }

    @Override
    public double[] gainDb() {
        return gainDb.clone();
    }

    @Override
    public double[] impedanceOhm() {
        return impedanceOhm.clone();
    }
}
