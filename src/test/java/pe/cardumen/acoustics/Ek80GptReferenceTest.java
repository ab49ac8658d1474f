package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;

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
 * EK80 software driving four GPTs (EK60 hardware) and one WBT in one file, every channel against
 * pyEcholab (RHT-EK80-Svf 40aa1fe; echopype 0.8.4 cannot open the file): Sv of every sample with a
 * positive TVG range of both pings, to 10⁻³ dB.
 */
class Ek80GptReferenceTest {
    @ParameterizedTest(name = "channel {0} ({1})")
    @CsvSource({"1, ch1_18kHz, true", "2, ch2_38kHz, true", "3, ch3_120kHz, true", "4, ch4_200kHz, true", "5, ch5_70kHz, false"})
    void everyChannelMatchesPyEcholab(int channel, String prefix, boolean gpt) throws Exception {
        Path echosounder = TestData.referenceData().resolve("echosounder");
        List<CalibratedPing> pings = new ArrayList<>();
        List<Boolean> isGpt = new ArrayList<>();
        SvCalibrator[] self = new SvCalibrator[1];
        self[0] = new SvCalibrator(CalibrationOverrides.NONE, ch -> ch == channel, cp -> {
            pings.add(cp);
            isGpt.add(self[0].isGpt(cp.channel(), cp.ping()));
        }, null);
        new SimradRawReader().read(echosounder.resolve("EK80-GPT-WBT-mixed-5ch.raw"), self[0], ProgressListener.NONE, CancellationToken.NONE);
        assertThat(pings).hasSize(2);
        assertThat(isGpt).containsOnly(gpt);
        assertThat(pings.get(0).channel().channelId()).startsWith(gpt ? "GPT" : "WBT");
        List<CSVRecord> sv = Ek60ReferenceTest.csv(echosounder.resolve("expected/EK80-GPT-WBT-mixed-5ch/" + prefix + "_Sv_first5.csv"));
        double worst = 0;
        int compared = 0;
        for (int k = 0; k < sv.size(); k++) {
            CalibratedPing cp = pings.get(k);
            int n = Integer.parseInt(sv.get(k).get("n_samples"));
            // pyEcholab pads every ping to the longest of the channel (NaN); the ping's own samples are compared
            assertThat(cp.svDb().length).isLessThanOrEqualTo(n);
            for (int i = cp.svDb().length; i < n; i++) {
                assertThat(sv.get(k).get("s" + i)).as("padding").isIn("", "nan", "NaN");
            }
            n = cp.svDb().length;
            for (int i = 0; i < n; i++) {
                String ref = sv.get(k).get("s" + i);
                // GPT: the near field differs between implementations (Cardumen keeps the TVG at 0 dB below 1 m, as
                // Echoview does), so compare where the EK60 TVG range (i − 2)·dz is ≥ 1 m, as Ek60ReferenceTest does
                boolean tvgPositive = gpt ? (i - 2) * cp.dzM() >= 1.0 : cp.rangeM(i) > 0;
                if (!tvgPositive || ref.isEmpty()) {
                    continue;
                }
                worst = Math.max(worst, Math.abs(cp.svDb()[i] - Double.parseDouble(ref)));
                compared++;
            }
        }
        System.out.printf("EK80-GPT-WBT-mixed-5ch %s: worst |ΔSv| %.2e dB over %d samples%n", prefix, worst, compared);
        assertThat(compared).isGreaterThan(1000);
        assertThat(worst).isLessThan(1e-3);
    }
}
