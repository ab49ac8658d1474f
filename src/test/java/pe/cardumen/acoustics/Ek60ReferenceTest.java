package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.io.sonar.CollectingHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * DY1201 (NOAA R/V Oscar Dyson, ER60) against the independent references in
 * src/test/resources/reference/echosounder/expected (pyEcholab, cross-checked with echopype).
 */
class Ek60ReferenceTest {
    private static final String FILE = "DY1201_EK60-D20120214-T231011";
    private static CollectingHandler data;
    private static RawReadSummary summary;

    static Path echosounder() {
        return TestData.referenceData().resolve("echosounder");
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @BeforeAll
    static void read() throws Exception {
        data = new CollectingHandler();
        summary = new SimradRawReader().read(echosounder().resolve(FILE + ".raw"), data, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void datagramsAndMetadataMatchTheManifestAndThePyEcholabNotebook() {
        assertThat(summary.count("CON0")).isEqualTo(1);
        assertThat(summary.count("RAW0")).isEqualTo(680);
        assertThat(summary.count("NME0")).isEqualTo(136);
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.truncated()).isFalse();
        assertThat(summary.bytesRead()).isEqualTo(2777572);
        assertThat(data.channels).extracting(SonarChannel::channelId).containsExactly(
                "GPT  18 kHz 009072034d45 3-1 ES18-11", "GPT  38 kHz 009072033fa2 1-1 ES38B", "GPT  70 kHz 009072058c6c 2-1 ES70-7C",
                "GPT 120 kHz 00907205794e 5-1 ES120-7C", "GPT 200 kHz 0090720346a8 4-1 ES200-7C");
        for (int ch = 1; ch <= 5; ch++) {
            List<Ping> pings = data.pingsOf(ch);
            assertThat(pings).hasSize(136);
            assertThat(pings).allMatch(p -> p.sampleCount() == 994 && p.angles() != null && p.angles().length == 2 * 994);
        }
        // notebook: data start 2012-02-14T23:10:11.298, end 23:10:51.642 (ms truncated), pulse length 0.001024
        List<Ping> ch2 = data.pingsOf(2);
        assertThat(ch2.get(0).time().toString()).startsWith("2012-02-14T23:10:11.298");
        assertThat(ch2.get(135).time().toString()).startsWith("2012-02-14T23:10:51.642");
        assertThat(ch2.get(0).pulseLengthS()).isCloseTo(0.001024, within(1e-9));
    }

    @Test
    void calibrationParametersEqualTheReference() throws Exception {
        for (CSVRecord r : csv(echosounder().resolve("expected/calibration_params_ek60.csv"))) {
            int ch = Integer.parseInt(r.get("channel_number"));
            SonarChannel channel = data.channels.get(ch - 1);
            Ping ping = data.pingsOf(ch).get(0);
            CalibrationParameters cal = CalibrationParameters.ek60(channel, ping);
            assertThat(channel.channelId()).isEqualTo(r.get("channel_id"));
            assertThat(cal.frequencyHz()).isEqualTo(Double.parseDouble(r.get("frequency_hz")));
            assertThat(cal.gainDb()).isCloseTo(Double.parseDouble(r.get("gain_table_db_at_pulse_length")), within(1e-5));
            assertThat(cal.saCorrectionDb()).isCloseTo(Double.parseDouble(r.get("sa_correction_db")), within(1e-5));
            assertThat(cal.equivalentBeamAngleDb()).isCloseTo(Double.parseDouble(r.get("equivalent_beam_angle_db")), within(1e-5));
            assertThat(cal.soundSpeedMPerS()).isCloseTo(Double.parseDouble(r.get("sound_speed_m_s")), within(1e-3));
            assertThat(cal.absorptionDbPerM()).isCloseTo(Double.parseDouble(r.get("absorption_coefficient_db_m")), within(1e-9));
            assertThat(cal.transmitPowerW()).isEqualTo(Double.parseDouble(r.get("transmit_power_w")));
            assertThat(cal.transducerDepthM()).isCloseTo(Double.parseDouble(r.get("transducer_depth_m")), within(1e-5));
            assertThat(cal.sampleThicknessM()).isCloseTo(Double.parseDouble(r.get("sample_thickness_m")), within(1e-6));
            assertThat(cal.wavelengthM()).isCloseTo(Double.parseDouble(r.get("wavelength_m")), within(1e-8));
            assertThat(cal.systemGainTermDb()).isCloseTo(Double.parseDouble(r.get("system_gain_term_db")), within(1e-4));
            assertThat(ping.bandwidthHz()).isCloseTo(Double.parseDouble(r.get("bandwidth_hz")), within(1e-3));
            assertThat(ping.temperatureC()).isCloseTo(Double.parseDouble(r.get("temperature_c")), within(1e-6));
            assertThat(channel.beamWidthAlongshipDeg()).isCloseTo(Double.parseDouble(r.get("beam_width_alongship_deg")), within(1e-5));
            assertThat(channel.angleSensitivityAthwartship()).isCloseTo(Double.parseDouble(r.get("angle_sensitivity_athwartship")), within(1e-5));
            assertThat(channel.angleOffsetAlongshipDeg()).isCloseTo(Double.parseDouble(r.get("angle_offset_alongship_deg")), within(1e-5));
        }
    }

    @Test
    void pingTimesAreExactToTheTick() throws Exception {
        int checked = 0;
        for (CSVRecord r : csv(echosounder().resolve("expected/DY1201_ping_times_nt.csv"))) {
            Ping p = data.pingsOf(Integer.parseInt(r.get("channel_number"))).get(Integer.parseInt(r.get("ping_index")));
            assertThat(p.timeTicks()).isEqualTo(Long.parseLong(r.get("nt_filetime_100ns")));
            assertThat(p.time().toString()).isEqualTo(r.get("utc_full_resolution"));
            checked++;
        }
        assertThat(checked).isEqualTo(680);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ch1_18kHz, 1", "ch2_38kHz, 2", "ch3_70kHz, 3", "ch4_120kHz, 4", "ch5_200kHz, 5"})
    void powerAndSvOfTheFirstFivePingsMatchWithinAThousandthOfADecibel(String prefix, int channel) throws Exception {
        Path dir = echosounder().resolve("expected/" + FILE);
        List<CSVRecord> power = csv(dir.resolve(prefix + "_power_first5.csv"));
        List<CSVRecord> sv = csv(dir.resolve(prefix + "_Sv_first5.csv"));
        double worstPower = 0;
        double worstSv = 0;
        int compared = 0;
        for (int k = 0; k < 5; k++) {
            Ping ping = data.pingsOf(channel).get(k);
            CalibrationParameters cal = CalibrationParameters.ek60(data.channels.get(channel - 1), ping);
            float[] p = Ek60Calibration.powerDb(ping);
            float[] s = Ek60Calibration.svDb(ping, cal);
            assertThat(ping.time().toString()).startsWith(sv.get(k).get("ping_time_utc").replace("Z", ""));
            int n = Integer.parseInt(sv.get(k).get("n_samples"));
            assertThat(s).hasSize(n);
            for (int i = 0; i < n; i++) {
                worstPower = Math.max(worstPower, Math.abs(p[i] - Double.parseDouble(power.get(k).get("s" + i))));
                // the near field differs between implementations: compare where (i − 2)·dz ≥ 1 m
                if ((i - 2) * cal.sampleThicknessM() >= 1.0) {
                    worstSv = Math.max(worstSv, Math.abs(s[i] - Double.parseDouble(sv.get(k).get("s" + i))));
                    compared++;
                }
            }
        }
        System.out.printf("%s: worst |ΔP| %.2e dB, worst |ΔSv| %.2e dB over %d samples%n", prefix, worstPower, worstSv, compared);
        assertThat(worstPower).isLessThan(1e-3);
        assertThat(worstSv).isLessThan(1e-3);
        assertThat(compared).isGreaterThan(4900);
    }

    /** 38 kHz, 10–100 m, −70 dB threshold, no bottom exclusion: the reference's nasc_m2nmi2, within 0.1 %. */
    @Test
    void nascPerPingMatchesTheReference() throws Exception {
        List<CSVRecord> ref = csv(echosounder().resolve("expected/nasc/DY1201_EK60_38kHz_NASC_10-100m_per_ping.csv"));
        assertThat(ref).hasSize(136);
        double worst = 0;
        double sum = 0;
        for (CSVRecord r : ref) {
            Ping ping = data.pingsOf(2).get(Integer.parseInt(r.get("ping_index")));
            CalibrationParameters cal = CalibrationParameters.ek60(data.channels.get(1), ping);
            double nasc = EchoIntegrator.nasc(Ek60Calibration.svDb(ping, cal), cal.sampleThicknessM(), cal.transducerDepthM(), 10, 100, -70);
            double expected = Double.parseDouble(r.get("nasc_m2nmi2"));
            worst = Math.max(worst, Math.abs(nasc - expected) / expected);
            sum += nasc;
        }
        System.out.printf("NASC per ping: worst relative difference %.2e; mean %.1f m² nmi⁻²%n", worst, sum / ref.size());
        assertThat(worst).isLessThan(1e-3);
        // nasc_summary.csv: mean over pings 4,829,504.77 m² nmi⁻²
        assertThat(sum / ref.size()).isCloseTo(4829504.77, within(4829504.77 * 1e-3));
    }

    @Test
    void bottomDepthsComeFromTheCompanionBotFile() throws Exception {
        CollectingHandler bot = new CollectingHandler();
        RawReadSummary s = new SimradRawReader().read(echosounder().resolve(FILE + ".bot"), bot, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(s.count("BOT0")).isEqualTo(136);
        List<CSVRecord> ref = csv(echosounder().resolve("expected/nasc/DY1201_EK60_38kHz_NASC_10-100m_per_ping.csv"));
        for (int k = 0; k < 136; k++) {
            // the .bot file's times are the pings' times; depth per channel, 38 kHz is the second
            assertThat(bot.bottomTimes.get(k)).isEqualTo(data.pingsOf(2).get(k).timeTicks());
            assertThat(bot.bottoms.get(k)[1]).isCloseTo(Double.parseDouble(ref.get(k).get("bottom_depth_m_from_bot_file")), within(1e-4));
        }
    }
}
