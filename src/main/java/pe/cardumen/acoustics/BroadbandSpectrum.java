package pe.cardumen.acoustics;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import pe.cardumen.domain.sonar.Ping;

/**
 * Frequency spectra of EK80 FM pings: Sv(f) of a region (a range of samples over one or more pings) and
 * TS(f) of a target, after Andersen et al. 2021 ("Broadband acoustic quantities", eqs. 14–18 and 30–38),
 * which follow the EK80 software up to its version 1.12.4.
 *
 * <p><b>Sv(f).</b> The compressed, sector-averaged signal is compensated for spreading in the time domain,
 * y(n)·r(n); a normalised Hann window of N_w samples (the power of two at or above twice the nominal pulse,
 * as the paper suggests) slides over the region; at each window centre m with range r_c
 * <pre>
 *   Y(f)  = DFT(w·y·r)(f) / DFT(y_mf,auto)(f)
 *   P(f)  = N_u·(|Y(f)|/(2√2))²·((Zer + Zet)/Zer)²/Zet
 *   Sv(f) = 10·log10 P(f) + 2α(f)·r_c − 10·log10(Pt·λ(f)²·c·T_w·ψ(f)·G0(f)²/(32π²)),   T_w = N_w/fs_dec
 * </pre>
 * and the region's Sv(f) is the mean of the linear sv(f) over all window centres inside it (a window must
 * lie inside the ping; its centre inside the region). <b>TS(f)</b> of the strongest sample of a region: the compressed samples around
 * the peak, as many as the autocorrelation's 2M − 1 and clipped to the ping, against the autocorrelation
 * reduced to the same samples about its peak;
 * TS(f) = 10·log10 P(f) + 40·log10 r + 2α(f)·r − 10·log10(Pt·λ(f)²·G0(f)²/(16π²)), on the beam axis (no
 * beam-pattern compensation: Cardumen does not compute FM split-beam angles).
 *
 * <p>The DFT is evaluated directly at the requested frequencies; the decimated signal is complex with
 * the band aliased into [0, fs_dec), which e^(−2πi·f·n/fs_dec) handles by its periodicity (the paper's
 * modulus, eq. 19).
 */
public final class BroadbandSpectrum {
    private BroadbandSpectrum() {
    }

    /**
     * A spectrum.
     *
     * @param frequencyHz the frequencies, Hz
     * @param db          Sv(f) in dB re 1 m⁻¹ or TS(f) in dB re 1 m²
     * @param windows     window positions averaged (Sv) or 1 (TS)
     * @param rangeM      mean range of the window centres (Sv) or the target's range (TS), m
     */
    public record Spectrum(double[] frequencyHz, double[] db, int windows, double rangeM) {
    }

    /**
     * The frequency-dependent terms of one FM channel's calibration: G0(f), ψ(f) and α(f) in dB,
     * dB re 1 sr and dB/m.
     */
    public record Terms(DoubleUnaryOperator gainDb, DoubleUnaryOperator psiDb, DoubleUnaryOperator alphaDbPerM) {
    }

    /** {@code count} evenly spaced frequencies from the ping's sweep start to its end, Hz. */
    public static double[] sweep(Ping p, int count) {
        double lo = Math.min(p.frequencyStartHz(), p.frequencyEndHz());
        double hi = Math.max(p.frequencyStartHz(), p.frequencyEndHz());
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = count == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (count - 1);
        }
        return f;
    }

    /** The window length N_w for a calibration: the power of two at or above 2·τ·fs_dec, at least 8. */
    public static int windowSamples(Ek80Calibration cal) {
        double fsDec = cal.compression().replica().sampleFrequencyHz();
        int want = (int) Math.ceil(2 * cal.base().pulseLengthS() * fsDec);
        int n = 8;
        while (n < want) {
            n <<= 1;
        }
        return n;
    }

    /**
     * Sv(f) of samples {@code from … to} (inclusive) of the given pings of one channel.
     *
     * @throws IllegalArgumentException when the pings are not FM or no full window fits in the region
     */
    public static Spectrum sv(List<CalibratedPing> pings, Ek80Calibration cal, Terms terms, int from, int to, double[] frequencyHz) {
        requireFm(cal);
        int nw = windowSamples(cal);
        double fsDec = cal.compression().replica().sampleFrequencyHz();
        double[] window = normalisedHann(nw);
        double[][] auto = cal.compression().replica().autocorrelation();
        double[] autoPower = dftPower(auto[0], auto[1], 0, auto[0].length, null, frequencyHz, fsDec);
        double[] constant = new double[frequencyHz.length];
        CalibrationParameters b = cal.base();
        double tw = nw / fsDec;
        for (int k = 0; k < frequencyHz.length; k++) {
            double f = frequencyHz[k];
            double lambda = b.soundSpeedMPerS() / f;
            double g = Math.pow(10, terms.gainDb().applyAsDouble(f) / 10);
            double psi = Math.pow(10, terms.psiDb().applyAsDouble(f) / 10);
            constant[k] = 10 * Math.log10(b.transmitPowerW() * lambda * lambda * b.soundSpeedMPerS() * tw * psi * g * g / (32 * Math.PI * Math.PI));
        }
        double[] sum = new double[frequencyHz.length];
        int windows = 0;
        double rangeSum = 0;
        for (CalibratedPing cp : pings) {
            Ping p = cp.ping();
            if (!p.isFm()) {
                throw new IllegalArgumentException("ping " + p.index() + " of channel " + p.channel() + " is CW; Sv(f) needs FM pings");
            }
            double[][] pc = cal.compression().compress(p.complex(), p.sectors());
            int n = pc[0].length;
            double[] yr = new double[n];
            double[] yi = new double[n];
            for (int i = 0; i < n; i++) {
                double r = Math.max(cal.rangeM(i), 0);
                yr[i] = pc[0][i] * r;
                yi[i] = pc[1][i] * r;
            }
            double factor = powerFactor(cal, p.sectors());
            int first = Math.max(from, nw / 2);
            int last = Math.min(to, n - nw + nw / 2);
            for (int m = first; m <= last; m++) {
                double rc = cal.rangeM(m);
                if (!(rc > 0)) {
                    continue;
                }
                double[] power = dftPower(yr, yi, m - nw / 2, nw, window, frequencyHz, fsDec);
                for (int k = 0; k < frequencyHz.length; k++) {
                    double f = frequencyHz[k];
                    double svDb = 10 * Math.log10(factor * power[k] / autoPower[k]) + 2 * terms.alphaDbPerM().applyAsDouble(f) * rc - constant[k];
                    sum[k] += Math.pow(10, svDb / 10);
                }
                windows++;
                rangeSum += rc;
            }
        }
        if (windows == 0) {
            throw new IllegalArgumentException("no spectral window of " + nw + " samples (" + String.format(java.util.Locale.ROOT, "%.2f",
                    nw * b.sampleThicknessM()) + " m) fits around samples " + from + "–" + to + " inside the ping; choose a region farther from "
                    + "the transducer and the end of the ping");
        }
        double[] db = new double[frequencyHz.length];
        for (int k = 0; k < db.length; k++) {
            db[k] = 10 * Math.log10(sum[k] / windows);
        }
        return new Spectrum(frequencyHz.clone(), db, windows, rangeSum / windows);
    }

    /** TS(f) of the strongest compressed sample among {@code from … to} of one ping. */
    public static Spectrum ts(CalibratedPing cp, Ek80Calibration cal, Terms terms, int from, int to, double[] frequencyHz) {
        requireFm(cal);
        Ping p = cp.ping();
        double[][] pc = cal.compression().compress(p.complex(), p.sectors());
        int n = pc[0].length;
        int peak = -1;
        double best = -1;
        for (int i = Math.max(0, from); i <= Math.min(to, n - 1); i++) {
            double e = pc[0][i] * pc[0][i] + pc[1][i] * pc[1][i];
            if (cal.rangeM(i) > 0 && e > best) {
                best = e;
                peak = i;
            }
        }
        if (peak < 0) {
            throw new IllegalArgumentException("no sample with a positive range in samples " + from + "–" + to);
        }
        double[][] auto = cal.compression().replica().autocorrelation();
        int half = (auto[0].length - 1) / 2;
        int a = Math.max(0, peak - half);
        int z = Math.min(n - 1, peak + half);
        double fsDec = cal.compression().replica().sampleFrequencyHz();
        double[] target = dftPower(pc[0], pc[1], a, z - a + 1, null, frequencyHz, fsDec);
        double[] reduced = dftPower(auto[0], auto[1], half - (peak - a), z - a + 1, null, frequencyHz, fsDec);
        double r = cal.rangeM(peak);
        double factor = powerFactor(cal, p.sectors());
        CalibrationParameters b = cal.base();
        double[] db = new double[frequencyHz.length];
        for (int k = 0; k < db.length; k++) {
            double f = frequencyHz[k];
            double lambda = b.soundSpeedMPerS() / f;
            double g = Math.pow(10, terms.gainDb().applyAsDouble(f) / 10);
            db[k] = 10 * Math.log10(factor * target[k] / reduced[k]) + 40 * Math.log10(r) + 2 * terms.alphaDbPerM().applyAsDouble(f) * r
                    - 10 * Math.log10(b.transmitPowerW() * lambda * lambda * g * g / (16 * Math.PI * Math.PI));
        }
        return new Spectrum(frequencyHz.clone(), db, 1, r);
    }

    private static void requireFm(Ek80Calibration cal) {
        if (cal.compression() == null) {
            throw new IllegalArgumentException("spectra need an FM channel; this one is CW");
        }
    }

    /** N_u/8·((Zer + Zet)/Zer)²/Zet: power per |y|² into a matched load. */
    private static double powerFactor(Ek80Calibration cal, int sectors) {
        double zer = cal.receiverImpedanceOhm();
        double zet = cal.transducerImpedanceOhm();
        return sectors / 8.0 * ((zer + zet) / zer) * ((zer + zet) / zer) / zet;
    }

    /** w(i)/(‖w‖₂/√N): a Hann window of N points normalised to unit mean power. */
    static double[] normalisedHann(int n) {
        double[] w = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 * (1 - Math.cos(2 * Math.PI * i / (n - 1)));
            norm += w[i] * w[i];
        }
        double scale = Math.sqrt(n) / Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            w[i] *= scale;
        }
        return w;
    }

    /** |Σ w(i)·y(start + i)·e^(−2πi·f·i/fs)|² at each frequency (w = 1 when null). */
    static double[] dftPower(double[] re, double[] im, int start, int length, double[] w, double[] frequencyHz, double fs) {
        double[] out = new double[frequencyHz.length];
        for (int k = 0; k < frequencyHz.length; k++) {
            double step = -2 * Math.PI * frequencyHz[k] / fs;
            // rotate by a unit phasor per sample instead of a cos/sin per sample
            double cr = Math.cos(step);
            double ci = Math.sin(step);
            double pr = 1;
            double pi = 0;
            double sr = 0;
            double si = 0;
            for (int i = 0; i < length; i++) {
                double wi = w == null ? 1 : w[i];
                double xr = re[start + i] * wi;
                double xi = im[start + i] * wi;
                sr += xr * pr - xi * pi;
                si += xr * pi + xi * pr;
                double t = pr * cr - pi * ci;
                pi = pr * ci + pi * cr;
                pr = t;
            }
            out[k] = sr * sr + si * si;
        }
        return out;
    }
}
