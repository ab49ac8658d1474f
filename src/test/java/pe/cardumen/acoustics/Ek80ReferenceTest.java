package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * EK80 CW, complex (4 sectors) and reduced power, against the pyEcholab references in
 * src/test/resources/reference/echosounder/expected: calibration parameters (τeff, α, gain, ψ, c, transducer depth),
 * received power and Sv of every sample with a positive TVG range.
 */
class Ek80ReferenceTest {

    private static Path echosounder() {
        return TestData.referenceData().resolve("echosounder");
    }

    @ParameterizedTest(name = "{0} channel {1}")
    @CsvSource({
        "EK80_-D20221108-T151353, 1, ch1_38kHz_CW",
        "EK80_-D20221108-T151353, 2, ch2_70kHz_CW",
        "EK80_-D20221108-T151353, 3, ch3_120kHz_CW",
        "EK80_-D20221108-T151353, 4, ch4_200kHz_CW",
        "EK80_-D20221108-T151353, 5, ch5_333kHz_CW",
        "EK80-WBTTube-CW-reduced, 1, ch1_38kHz_CW",
        "EK80-WBTTube-CW-reduced, 2, ch2_120kHz_CW"})
    void calibrationPowerAndSvMatchTheReference(String file, int channel, String prefix) throws Exception {
        List<CalibratedPing> pings = new ArrayList<>();
        List<Ek80Calibration> cals = new ArrayList<>();
        SvCalibrator[] self = new SvCalibrator[1];
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> ch == channel, cp -> {
            pings.add(cp);
            cals.add(self[0].ek80(cp.channel(), cp.ping()));
        }, null);
        new SimradRawReader().read(echosounder().resolve(file + ".raw"), self[0], ProgressListener.NONE, CancellationToken.NONE);

        CSVRecord params = Ek60ReferenceTest.csv(echosounder().resolve("expected/calibration_params_ek80.csv")).stream()
                .filter(r -> r.get("file").equals(file + ".raw") && r.get("channel_number").equals(Integer.toString(channel)))
                .findFirst().orElseThrow();
        Ek80Calibration cal = cals.get(0);
        assertThat(pings.get(0).channel().channelId()).isEqualTo(params.get("channel_id"));
        assertThat(cal.effectivePulseS()).isCloseTo(Double.parseDouble(params.get("effective_pulse_duration_s")), within(1e-10));
        // the reference is float32: compare to 10⁻⁷ relative
        double alpha = Double.parseDouble(params.get("absorption_coefficient_db_m"));
        assertThat(cal.base().absorptionDbPerM()).isCloseTo(alpha, within(alpha * 1e-7));
        assertThat(cal.base().gainDb()).isEqualTo(Double.parseDouble(params.get("gain_db")));
        assertThat(cal.base().equivalentBeamAngleDb()).isEqualTo(Double.parseDouble(params.get("equivalent_beam_angle_db")));
        assertThat(cal.base().soundSpeedMPerS()).isCloseTo(Double.parseDouble(params.get("sound_speed_m_s")), within(1e-3));
        assertThat(cal.base().transducerDepthM()).isCloseTo(Double.parseDouble(params.get("transducer_depth_m")), within(1e-9));
        assertThat(cal.base().sampleThicknessM()).isCloseTo(Double.parseDouble(params.get("sample_thickness_m")), within(1e-6));
        assertThat(cal.receiverImpedanceOhm()).isEqualTo(Double.parseDouble(params.get("receiver_impedance_ohm")));

        Path dir = echosounder().resolve("expected/" + file);
        List<CSVRecord> power = Ek60ReferenceTest.csv(dir.resolve(prefix + "_power_first5.csv"));
        List<CSVRecord> sv = Ek60ReferenceTest.csv(dir.resolve(prefix + "_Sv_first5.csv"));
        double worstP = 0;
        double worstSv = 0;
        int compared = 0;
        for (int k = 0; k < power.size(); k++) {
            CalibratedPing cp = pings.get(k);
            float[] p = cals.get(k).powerDb(cp.ping());
            assertThat(cp.ping().time().toString()).startsWith(sv.get(k).get("ping_time_utc").replace("Z", ""));
            int n = Integer.parseInt(sv.get(k).get("n_samples"));
            assertThat(cp.svDb()).hasSize(n);
            for (int i = 0; i < n; i++) {
                double refP = Double.parseDouble(power.get(k).get("s" + i));
                if (Double.isFinite(refP)) {
                    worstP = Math.max(worstP, Math.abs(p[i] - refP));
                }
                if (cp.rangeM(i) > 0) {
                    worstSv = Math.max(worstSv, Math.abs(cp.svDb()[i] - Double.parseDouble(sv.get(k).get("s" + i))));
                    compared++;
                } else {
                    assertThat(cp.svDb()[i]).isNaN();
                }
            }
        }
        System.out.printf("%s %s: worst |ΔP| %.2e dB, worst |ΔSv| %.2e dB over %d samples%n", file, prefix, worstP, worstSv, compared);
        assertThat(worstP).isLessThan(1e-3);
        assertThat(worstSv).isLessThan(1e-3);
        assertThat(compared).isGreaterThan(200);
        assertThat(Files.exists(dir)).isTrue();
    }

    /**
     * An FM (broadband) ping whose parameters give no sweep is skipped with a warning naming its byte
     * offset, rather than calibrated to a wrong number. The file is the real EK80 file with its Parameter datagrams' PulseForm="0"
     * changed to PulseForm="1" (same length, so the datagram framing is unchanged): FM pings with no sweep.
     */
    @org.junit.jupiter.api.Test
    void fmPingsWithoutASweepAreSkippedWithTheirOffset() throws Exception {
        byte[] bytes = Files.readAllBytes(echosounder().resolve("EK80_-D20221108-T151353.raw"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("PulseForm=\"0\"", "PulseForm=\"1\"");
        Path fm = TestData.tempDir("fm").resolve("fm.raw");
        Files.write(fm, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        List<CalibratedPing> calibrated = new ArrayList<>();
        SvCalibrator calibrator = new SvCalibrator(CalibrationOverrides.NONE, ch -> true, calibrated::add, null);
        var summary = new SimradRawReader().read(fm, calibrator, ProgressListener.NONE, CancellationToken.NONE);
        // FM without FrequencyStart/FrequencyEnd cannot be compressed: every ping skipped, each named by its byte offset
        assertThat(calibrated).isEmpty();
        assertThat(summary.warnings()).isNotEmpty().allMatch(w -> w.matches("byte [\\d,]+: ping \\d+ of channel \\d+ records an impossible FM sweep.*"));
    }
}
