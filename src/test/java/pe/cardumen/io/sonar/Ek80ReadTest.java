package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;

/** The two EK80 files: every datagram read, channels from XML0, sample types and counts, ping times. */
class Ek80ReadTest {
    private static Path echosounder() {
        return TestData.referenceData().resolve("echosounder");
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void complexCwFileWithFourSectors() throws Exception {
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = new SimradRawReader().read(echosounder().resolve("EK80_-D20221108-T151353.raw"), h, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(s.counts()).containsEntry("XML0", 24).containsEntry("FIL1", 10).containsEntry("NME0", 35).containsEntry("MRU0", 10).containsEntry("RAW3", 10);
        assertThat(s.warnings()).isEmpty();
        assertThat(h.sounder).isEqualTo("EK80 2.0.1.0");
        List<CSVRecord> cal = csv(echosounder().resolve("expected/calibration_params_ek80.csv")).stream()
                .filter(r -> r.get("file").equals("EK80_-D20221108-T151353.raw")).toList();
        assertThat(h.channels).extracting(SonarChannel::channelId).containsExactlyElementsOf(cal.stream().map(r -> r.get("channel_id")).toList());
        for (CSVRecord r : cal) {
            int ch = Integer.parseInt(r.get("channel_number"));
            List<Ping> pings = h.pingsOf(ch);
            assertThat(pings).hasSize(Integer.parseInt(r.get("n_pings")));
            for (Ping p : pings) {
                assertThat(p.sectors()).isEqualTo(Integer.parseInt(r.get("n_sectors")));
                assertThat(p.sampleCount()).isEqualTo(Integer.parseInt(r.get("n_samples")));
                assertThat(p.power()).isNull();
                assertThat(p.frequencyHz()).isEqualTo(Double.parseDouble(r.get("frequency_hz")));
                assertThat(p.pulseLengthS()).isEqualTo(Double.parseDouble(r.get("pulse_length_s")));
                assertThat(p.sampleIntervalS()).isEqualTo(Double.parseDouble(r.get("sample_interval_s")));
                assertThat(p.transmitPowerW()).isEqualTo(Double.parseDouble(r.get("transmit_power_w")));
                assertThat(p.soundSpeedMPerS()).isEqualTo(Double.parseDouble(r.get("sound_speed_m_s")));
            }
            SonarChannel c = h.channels.get(ch - 1);
            assertThat(c.frequencyHz()).isEqualTo(Double.parseDouble(r.get("frequency_hz")));
            assertThat(c.equivalentBeamAngleDb()).isEqualTo(Double.parseDouble(r.get("equivalent_beam_angle_db")));
        }
        List<CSVRecord> times = csv(echosounder().resolve("expected/EK80_-D20221108-T151353/ch1_38kHz_CW_ping_summary.csv"));
        for (CSVRecord t : times) {
            Ping p = h.pingsOf(1).get(Integer.parseInt(t.get("ping_index")));
            assertThat(p.time().toString()).startsWith(t.get("ping_time_utc").replace("Z", ""));
        }
    }

    @Test
    void reducedPowerAndAngleFile() throws Exception {
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = new SimradRawReader().read(echosounder().resolve("EK80-WBTTube-CW-reduced.raw"), h, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(s.counts()).containsEntry("XML0", 14).containsEntry("FIL1", 4).containsEntry("NME0", 9).containsEntry("RAW3", 12);
        assertThat(s.warnings()).isEmpty();
        assertThat(h.sounder).isEqualTo("EK80 1.12.2.0");
        assertThat(h.channels).hasSize(2);
        for (int ch = 1; ch <= 2; ch++) {
            assertThat(h.pingsOf(ch)).hasSize(6).allMatch(p -> p.power() != null && p.angles() != null && p.complex() == null);
        }
        List<CSVRecord> times = csv(echosounder().resolve("expected/EK80-WBTTube-CW-reduced/ch2_120kHz_CW_ping_summary.csv"));
        for (CSVRecord t : times) {
            Ping p = h.pingsOf(2).get(Integer.parseInt(t.get("ping_index")));
            assertThat(p.time().toString()).startsWith(t.get("ping_time_utc").replace("Z", ""));
            assertThat(p.sampleCount()).isEqualTo(Integer.parseInt(t.get("n_samples")));
        }
    }
}
