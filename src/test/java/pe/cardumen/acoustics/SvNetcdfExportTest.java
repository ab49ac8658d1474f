package pe.cardumen.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarTime;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * {@code sonar sv --format netcdf}: the file is read back with jHDF (an HDF5 reader that is not the
 * writer, and checks every checksum) and compared with pyEcholab's Sv and with the calibration of the
 * same pings; the layout is echopype's (dimension names, coordinates, dimension scales).
 */
class SvNetcdfExportTest {
    private static final Path ECHOSOUNDER = TestData.referenceData().resolve("echosounder");

    @Test
    void everyChannelOfAnEk60FileInOneFileMatchingPyEcholab() throws Exception {
        Path out = TestData.tempDir("sv-netcdf").resolve("dy1201.nc");
        var result = new SvNetcdfExport(c -> CalibrationOverrides.NONE).export(ECHOSOUNDER.resolve("DY1201_EK60-D20120214-T231011.raw"), out,
                c -> true, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(result.channels()).hasSize(5);
        assertThat(result.pings()).isEqualTo(680);
        try (HdfFile h = new HdfFile(out)) {
            Dataset sv = h.getDatasetByPath("Sv");
            assertThat(sv.getDimensions()).containsExactly(5, 136, 994);
            // netCDF-4 dimension scales, the way netCDF-C and xarray find dimensions
            for (String d : List.of("channel", "ping_time", "range_sample")) {
                assertThat(h.getDatasetByPath(d).getAttribute("CLASS").getData()).isEqualTo("DIMENSION_SCALE");
            }
            assertThat(sv.getAttribute("DIMENSION_LIST")).isNotNull();
            assertThat(sv.getAttribute("units").getData()).isEqualTo("dB");
            String[] ids = (String[]) h.getDatasetByPath("channel").getData();
            assertThat(ids[1]).contains("38");
            long[] times = (long[]) h.getDatasetByPath("ping_time").getData();
            List<CSVRecord> ticks = Ek60ReferenceTest.csv(ECHOSOUNDER.resolve("expected/DY1201_ping_times_nt.csv"));
            assertThat(times[0]).isEqualTo((Long.parseLong(ticks.get(0).get("nt_filetime_100ns")) - SonarTime.TICKS_TO_UNIX_EPOCH) * 100);
            float[][][] values = (float[][][]) sv.getData();
            float[][][] range = (float[][][]) h.getDatasetByPath("echo_range").getData();
            List<CSVRecord> reference = Ek60ReferenceTest.csv(ECHOSOUNDER.resolve("expected/DY1201_EK60-D20120214-T231011/ch2_38kHz_Sv_first5.csv"));
            double worst = 0;
            int compared = 0;
            for (int k = 0; k < reference.size(); k++) {
                int n = Integer.parseInt(reference.get(k).get("n_samples"));
                double dz = range[1][k][3] - range[1][k][2];
                for (int i = 0; i < n; i++) {
                    String ref = reference.get(k).get("s" + i);
                    if ((i - 2) * dz < 1.0 || ref.isEmpty()) {
                        continue;
                    }
                    worst = Math.max(worst, Math.abs(values[1][k][i] - Double.parseDouble(ref)));
                    compared++;
                }
                // past the ping's own samples: NaN
                for (int i = n; i < 994; i++) {
                    assertThat(values[1][k][i]).isNaN();
                }
            }
            assertThat(compared).isGreaterThan(4000);
            assertThat(worst).isLessThan(1e-4);
            // the calibration used, against the reference's own table (calibration_params_ek60.csv)
            List<CSVRecord> params = Ek60ReferenceTest.csv(ECHOSOUNDER.resolve("expected/calibration_params_ek60.csv"));
            double[] gain = (double[]) h.getDatasetByPath("gain_correction").getData();
            double[] sa = (double[]) h.getDatasetByPath("sa_correction").getData();
            double[] alpha = (double[]) h.getDatasetByPath("sound_absorption").getData();
            double[] depth = (double[]) h.getDatasetByPath("water_level").getData();
            for (int c = 0; c < 5; c++) {
                CSVRecord p = params.get(c);
                assertThat(gain[c]).isCloseTo(Double.parseDouble(p.get("gain_table_db_at_pulse_length")), org.assertj.core.api.Assertions.within(1e-5));
                assertThat(sa[c]).isCloseTo(Double.parseDouble(p.get("sa_correction_db")), org.assertj.core.api.Assertions.within(1e-5));
                assertThat(alpha[c]).isCloseTo(Double.parseDouble(p.get("absorption_coefficient_db_m")), org.assertj.core.api.Assertions.within(1e-8));
                assertThat(depth[c]).isCloseTo(Double.parseDouble(p.get("transducer_depth_m")), org.assertj.core.api.Assertions.within(1e-5));
            }
            double[] tau = (double[]) h.getDatasetByPath("tau_effective").getData();
            assertThat(tau[1]).isNaN();
        }
    }

    @Test
    void fmChannelsAndInterleavedPingTimesOfEk80Files() throws Exception {
        Path raw = ECHOSOUNDER.resolve("EK80-WBTMini-FM.raw");
        Path out = TestData.tempDir("sv-netcdf").resolve("fm.nc");
        new SvNetcdfExport(c -> CalibrationOverrides.NONE).export(raw, out, c -> true, ProgressListener.NONE, CancellationToken.NONE);
        List<CalibratedPing> direct = new ArrayList<>();
        new SimradRawReader().read(raw, new SvCalibrator(CalibrationOverrides.NONE, ch -> true, direct::add, null), ProgressListener.NONE,
                CancellationToken.NONE);
        try (HdfFile h = new HdfFile(out)) {
            float[][][] sv = (float[][][]) h.getDatasetByPath("Sv").getData();
            long[] times = (long[]) h.getDatasetByPath("ping_time").getData();
            for (CalibratedPing cp : direct) {
                int t = java.util.Arrays.binarySearch(times, (cp.ping().timeTicks() - SonarTime.TICKS_TO_UNIX_EPOCH) * 100);
                assertThat(t).isNotNegative();
                float[] row = sv[cp.ping().channel() - 1][t];
                for (int i = 0; i < cp.svDb().length; i++) {
                    assertThat(Float.floatToIntBits(row[i])).as("sample %d", i).isEqualTo(Float.floatToIntBits(cp.svDb()[i]));
                }
            }
            double[] start = (double[]) h.getDatasetByPath("frequency_start").getData();
            assertThat(start).containsExactly(34000, 190000);
            double[] tau = (double[]) h.getDatasetByPath("tau_effective").getData();
            assertThat(tau[0]).isBetween(1.0e-4, 1.1e-4);
        }
        // channels that ping in turn: one ping time per ping, NaN rows where a channel did not ping
        Path seq = TestData.tempDir("sv-netcdf").resolve("sequential.nc");
        new SvNetcdfExport(c -> CalibrationOverrides.NONE).export(ECHOSOUNDER.resolve("EK80_-D20221108-T151353.raw"), seq, c -> true,
                ProgressListener.NONE, CancellationToken.NONE);
        try (HdfFile h = new HdfFile(seq)) {
            float[][][] sv = (float[][][]) h.getDatasetByPath("Sv").getData();
            assertThat(sv.length).isEqualTo(5);
            int filled = 0;
            for (float[][] channel : sv) {
                for (float[] row : channel) {
                    boolean any = false;
                    for (float v : row) {
                        any |= !Float.isNaN(v);
                    }
                    filled += any ? 1 : 0;
                }
            }
            assertThat(filled).isEqualTo(10);
        }
    }

    @Test
    void noMatchingChannelIsRefusedAndNothingIsLeftBehind() throws Exception {
        Path dir = TestData.tempDir("sv-netcdf-none");
        Path out = dir.resolve("none.nc");
        assertThatThrownBy(() -> new SvNetcdfExport(c -> CalibrationOverrides.NONE).export(ECHOSOUNDER.resolve("EK80-WBTMini-FM.raw"), out,
                c -> c.isNominally(50), ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(pe.cardumen.io.FileFormatException.class).hasMessageContaining("EK80-WBTMini-FM.raw").hasMessageContaining("it has [38, 200] kHz");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
