package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * EK80 FM (broadband) pings, pulse-compressed, against pyEcholab RHT-EK80-Svf 40aa1fe (echopype 0.8.4
 * agrees with it within 0.003 dB on this channel): {@code EK80-WBTMini-FM.raw} channel 1, a 34–45 kHz
 * sweep of a WBT Mini on an ES38-18 with a broadband gain table.
 */
class Ek80FmReferenceTest {
    private static final Path ECHOSOUNDER = TestData.referenceData().resolve("echosounder");
    private static final String EXPECTED = "expected/EK80-WBTMini-FM/";
    /** Received power below which a sample holds no echo, dB re 1 W. */
    private static final double NO_SIGNAL_DB = -150;
    private static final List<CalibratedPing> CH1 = new ArrayList<>();
    private static final List<CalibratedPing> CH2 = new ArrayList<>();
    private static final List<Ek80Calibration> CALIBRATIONS = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        SvCalibrator[] self = new SvCalibrator[1];
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> true, cp -> {
            (cp.ping().channel() == 1 ? CH1 : CH2).add(cp);
            if (cp.ping().index() == 0) {
                CALIBRATIONS.add(self[0].ek80(cp.channel(), cp.ping()));
            }
        }, null);
        new SimradRawReader().read(ECHOSOUNDER.resolve("EK80-WBTMini-FM.raw"), self[0], ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void channelOneSvMatchesPyEcholab() throws Exception {
        List<CSVRecord> sv = Ek60ReferenceTest.csv(ECHOSOUNDER.resolve(EXPECTED + "ch1_39.5kHz_FM_Sv_first5.csv"));
        List<CSVRecord> power = Ek60ReferenceTest.csv(ECHOSOUNDER.resolve(EXPECTED + "ch1_39.5kHz_FM_power_first5.csv"));
        assertThat(CH1).hasSize(6);
        double worstSv = 0;
        double worstPower = 0;
        int compared = 0;
        Ek80Calibration cal = CALIBRATIONS.get(0);
        for (int k = 0; k < sv.size(); k++) {
            CalibratedPing cp = CH1.get(k);
            assertThat(cp.ping().isFm()).isTrue();
            float[] p = cal.powerDb(cp.ping());
            int n = Integer.parseInt(sv.get(k).get("n_samples"));
            assertThat(cp.svDb()).hasSize(n);
            for (int i = 0; i < n; i++) {
                double refPower = Double.parseDouble(power.get(k).get("s" + i));
                if (refPower > NO_SIGNAL_DB) {
                    worstPower = Math.max(worstPower, Math.abs(p[i] - refPower));
                }
                String ref = sv.get(k).get("s" + i);
                // the last sample of a compressed ping has no echo left to correlate with (pyEcholab: −159 dB, here −∞)
                if (!(cp.rangeM(i) > 0) || ref.isEmpty() || !(refPower > NO_SIGNAL_DB)) {
                    continue;
                }
                worstSv = Math.max(worstSv, Math.abs(cp.svDb()[i] - Double.parseDouble(ref)));
                compared++;
            }
        }
        System.out.printf("EK80-WBTMini-FM ch1: worst |ΔP| %.2e dB, worst |ΔSv| %.2e dB over %d samples; τeff %.4e s%n", worstPower, worstSv,
                compared, cal.effectivePulseS());
        assertThat(compared).isGreaterThan(2000);
        assertThat(worstPower).isLessThan(0.01);
        assertThat(worstSv).isLessThan(0.01);
    }


    @Test
    void aDamagedBroadbandGainRowIsDroppedWithAWarningAndTheRestIsUsed() throws Exception {
        // one FrequencyPar row's frequency made unreadable, same length (the datagram framing is unchanged)
        byte[] bytes = java.nio.file.Files.readAllBytes(ECHOSOUNDER.resolve("EK80-WBTMini-FM.raw"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        String row = "<FrequencyPar Frequency=\"39450\"";
        assertThat(text).contains(row);
        Path damaged = TestData.tempDir("fm-frequencypar").resolve("damaged.raw");
        java.nio.file.Files.write(damaged, text.replace(row, "<FrequencyPar Frequency=\"3945x\"")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        List<Ek80Calibration> cals = new ArrayList<>();
        SvCalibrator[] self = new SvCalibrator[1];
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> ch == 1, cp -> cals.add(self[0].ek80(cp.channel(), cp.ping())), null);
        var summary = new SimradRawReader().read(damaged, self[0], ProgressListener.NONE, CancellationToken.NONE);
        assertThat(summary.warnings()).singleElement().asString()
                .contains("1 FrequencyPar row(s) without a frequency or gain were ignored");
        assertThat(cals).hasSize(6);
        // G0(39.5 kHz) now interpolated between the neighbours left, 39,351 Hz (17.17 dB) and 39,550 Hz (17.09 dB)
        assertThat(cals.get(0).base().gainDb()).isCloseTo(17.17 + (39500 - 39351.0) / (39550 - 39351.0) * (17.09 - 17.17),
                org.assertj.core.api.Assertions.within(1e-9));
    }
}
