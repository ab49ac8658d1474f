package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Sv(f) and TS(f) of FM pings (Andersen et al. 2021): a synthetic point target whose TS(f) is known by
 * hand, and the real WBT Mini file, whose band-averaged Sv(f) must agree with the compressed Sv of the
 * same samples.
 */
class BroadbandSpectrumTest {
    private static final List<CalibratedPing> CH1 = new ArrayList<>();
    private static final List<CalibratedPing> CH2 = new ArrayList<>();
    private static Ek80Calibration cal1;
    private static Ek80Calibration cal2;
    private static BroadbandSpectrum.Terms terms1;
    private static BroadbandSpectrum.Terms terms2;

    @BeforeAll
    static void read() throws Exception {
        SvCalibrator[] self = new SvCalibrator[1];
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> true, cp -> {
            (cp.ping().channel() == 1 ? CH1 : CH2).add(cp);
            if (cp.ping().index() == 0 && cp.ping().channel() == 1) {
                cal1 = self[0].ek80(cp.channel(), cp.ping());
                terms1 = self[0].broadbandTerms(cp.channel(), cp.ping());
            } else if (cp.ping().index() == 0) {
                cal2 = self[0].ek80(cp.channel(), cp.ping());
                terms2 = self[0].broadbandTerms(cp.channel(), cp.ping());
            }
        }, null);
        new SimradRawReader().read(TestData.referenceData().resolve("echosounder/EK80-WBTMini-FM.raw"), self[0], ProgressListener.NONE,
                CancellationToken.NONE);
    }

    @Test
    void aPointTargetMadeOfTheTransmitSignalHasTheHandComputedTs() {
        // the echo of a point target is the transmit signal itself, delayed and scaled: its compressed
        // samples are A times the autocorrelation, so |Y_t(f)/Y_auto(f)| = A at every frequency
        Ping template = CH1.get(0).ping();
        TransmitSignal tx = cal1.compression().replica();
        int n = 400;
        int delay = 200;
        double amplitude = 0.0123;
        float[] complex = new float[2 * n];
        for (int k = 0; k < tx.length(); k++) {
            complex[2 * (delay + k)] = (float) (amplitude * tx.re()[k]);
            complex[2 * (delay + k) + 1] = (float) (amplitude * tx.im()[k]);
        }
        Ping echo = new Ping(1, 0, template.timeTicks(), 0, template.frequencyHz(), template.transmitPowerW(), template.pulseLengthS(),
                Double.NaN, template.sampleIntervalS(), template.soundSpeedMPerS(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                template.temperatureC(), 0, null, null, complex, 1, template.slope(), 1, template.frequencyStartHz(), template.frequencyEndHz());
        CalibratedPing cp = new CalibratedPing(echo, CH1.get(0).channel(), new float[n], cal1.base().sampleThicknessM(), cal1.rangeM(0), 0);
        double[] f = BroadbandSpectrum.sweep(echo, 23);
        BroadbandSpectrum.Spectrum ts = BroadbandSpectrum.ts(cp, cal1, terms1, 100, 300, f);
        double r = cal1.rangeM(delay);
        assertThat(ts.rangeM()).isCloseTo(r, within(1e-12));
        double zer = cal1.receiverImpedanceOhm();
        double zet = cal1.transducerImpedanceOhm();
        double received = amplitude * amplitude / 8 * Math.pow((zer + zet) / zer, 2) / zet;
        for (int k = 0; k < f.length; k++) {
            double lambda = cal1.base().soundSpeedMPerS() / f[k];
            double g = Math.pow(10, terms1.gainDb().applyAsDouble(f[k]) / 10);
            double expected = 10 * Math.log10(received) + 40 * Math.log10(r) + 2 * terms1.alphaDbPerM().applyAsDouble(f[k]) * r
                    - 10 * Math.log10(cal1.base().transmitPowerW() * lambda * lambda * g * g / (16 * Math.PI * Math.PI));
            assertThat(ts.db()[k]).as("TS at %.0f Hz", f[k]).isCloseTo(expected, within(1e-3));
        }
        // the gain table enters frequency by frequency: 16.19 dB at 34 kHz, 20.16 dB at 45 kHz
        assertThat(terms1.gainDb().applyAsDouble(34000)).isEqualTo(16.19);
        assertThat(terms1.gainDb().applyAsDouble(45000)).isEqualTo(20.16);
    }

    @Test
    void bandAveragedSvfAgreesWithTheCompressedSvOfTheSameSamples() {
        for (int ch = 1; ch <= 2; ch++) {
            List<CalibratedPing> pings = ch == 1 ? CH1 : CH2;
            Ek80Calibration cal = ch == 1 ? cal1 : cal2;
            BroadbandSpectrum.Terms terms = ch == 1 ? terms1 : terms2;
            // the seabed echo at 13.3 m: a strong extended scatterer, far above the noise
            int from = (int) Math.ceil((12 - cal.rangeM(0)) / cal.base().sampleThicknessM());
            int to = (int) Math.floor((15 - cal.rangeM(0)) / cal.base().sampleThicknessM());
            double[] f = BroadbandSpectrum.sweep(pings.get(0).ping(), 101);
            BroadbandSpectrum.Spectrum svf = BroadbandSpectrum.sv(pings, cal, terms, from, to, f);
            double bandMean = 0;
            // the central 80 % of the band: the taper leaves little energy at its edges
            int counted = 0;
            for (int k = 10; k <= 90; k++) {
                bandMean += Math.pow(10, svf.db()[k] / 10);
                counted++;
            }
            bandMean = 10 * Math.log10(bandMean / counted);
            double svMean = 0;
            int samples = 0;
            int nw = BroadbandSpectrum.windowSamples(cal);
            for (CalibratedPing cp : pings) {
                for (int i = Math.max(from, nw / 2); i <= to; i++) {
                    svMean += Math.pow(10, cp.svDb()[i] / 10);
                    samples++;
                }
            }
            svMean = 10 * Math.log10(svMean / samples);
            System.out.printf("channel %d: Sv(f) over %d windows, band mean %.2f dB, compressed Sv mean %.2f dB, Sv(f) %.2f … %.2f dB%n", ch,
                    svf.windows(), bandMean, svMean, svf.db()[0], svf.db()[100]);
            assertThat(svf.windows()).isEqualTo(samples);
            assertThat(bandMean).isCloseTo(svMean, within(0.5));
        }
    }

    @Test
    void aRegionWhereNoWindowFitsIsRefusedWithTheWindowSize() {
        double[] f = BroadbandSpectrum.sweep(CH2.get(0).ping(), 5);
        // 256-sample windows (2 × 2.048 ms at 62.5 kHz): none is centred on samples 0–100 inside the ping
        assertThatThrownBy(() -> BroadbandSpectrum.sv(CH2, cal2, terms2, 0, 100, f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no spectral window of 256 samples (3.11 m) fits");
    }
}
