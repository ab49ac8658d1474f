package pe.cardumen.io.biotic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.acoustics.biomass.HaulAssignment;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.io.FileFormatException;

/** Haul length frequencies: reading with rejects, and assigning them to intervals. */
class HaulCsvReaderTest {
    private static Path write(String name, String text) throws Exception {
        Path f = TestData.tempDir("hauls").resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsHaulsAndRejectsBadRowsWithTheirLines() throws Exception {
        Path f = write("hauls.csv", """
                \uFEFFHaul_ID,Time,Lat,Lon,Length_cm,Frequency
                H1,2026-03-01T10:00:00Z,-12.0,-77.5,10.5,12
                H1,2026-03-01T10:00:00Z,-12.0,-77.5,12.5,30
                H1,2026-03-01T10:00:00Z,-12.0,-77.5,10.5,3
                H2,2026-03-02T08:00:00Z,-14.0,-76.5,13.0,20
                H2,2026-03-02T08:00:00Z,-14.0,-76.5,abc,5
                H3,2026-03-02T09:00:00Z,-15.0,-76.0,150,5
                H4,2026-03-03T09:00:00Z,-15.5,-75.5,11.0,-2
                H5,2026-03-03T09:00:00Z,-16.0,-75.0,11.0,4
                H5,2026-03-03T09:00:00Z,-16.5,-75.0,12.0,4
                """);
        var r = new HaulCsvReader().read(f);
        assertThat(r.accepted()).extracting(Haul::id).containsExactly("H1", "H2");
        Haul h1 = r.accepted().get(0);
        assertThat(h1.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(h1.lengthsCm()).containsExactly(10.5, 12.5);
        assertThat(h1.counts()).as("rows of the same class add up").containsExactly(15.0, 30.0);
        assertThat(r.rejects()).extracting(x -> x.location() + ": " + x.reason()).containsExactly(
                "line 6: length_cm 'abc' is not a number",
                "line 7: length_cm 150.0 is not a fish length in cm",
                "line 8: count -2.0 is negative",
                "haul H5: line 10 gives haul H5 another time or position than line 9");
        assertThat(r.provenance().reader()).isEqualTo(HaulCsvReader.NAME);
    }

    @Test
    void aMissingColumnOrAnEmptyFileIsRefusedNamingIt() throws Exception {
        Path noCount = write("nocount.csv", "haul_id,lat,lon,length_cm\nH1,-12,-77,10\n");
        assertThatThrownBy(() -> new HaulCsvReader().read(noCount)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("nocount.csv, line 1").hasMessageContaining("count (or frequency)");
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> new HaulCsvReader().read(empty)).hasMessageContaining("empty.csv").hasMessageContaining("empty");
    }

    /**
     * A haul at 12°S 77.5°W: an interval 10′ of latitude north of it (≈ 9.95 nmi on the WGS 84
     * ellipsoid, where a minute of latitude is 1,843 m) takes its distribution; one 1° away takes the
     * survey mean, all fish pooled: (15 + 0) at 10.5 cm, 30 at 12.5, 20 at 13 → 15/65, 30/65, 20/65.
     */
    @Test
    void intervalsTakeTheNearestHaulWithinTheRadiusElseTheSurveyMean() throws Exception {
        List<Haul> hauls = List.of(new Haul("H1", null, -12.0, -77.5, new double[] {10.5, 12.5}, new double[] {15, 30}),
                new Haul("H2", null, -14.0, -76.5, new double[] {13.0}, new double[] {20}));
        HaulAssignment a = new HaulAssignment(hauls, BiomassParameters.defaults());
        var near = a.assign(-77.5, -12.0 + 10.0 / 60);
        assertThat(near.rule()).isEqualTo(HaulAssignment.Rule.NEAREST_HAUL);
        assertThat(near.haulId()).isEqualTo("H1");
        assertThat(near.distanceNmi()).isCloseTo(9.95, within(0.01));
        assertThat(near.lengths().proportions()).containsExactly(1.0 / 3, 2.0 / 3);
        var far = a.assign(-78.5, -12.0);
        assertThat(far.rule()).isEqualTo(HaulAssignment.Rule.SURVEY_MEAN);
        assertThat(far.haulId()).isNull();
        assertThat(far.lengths().lengthsCm()).containsExactly(10.5, 12.5, 13.0);
        assertThat(far.lengths().proportions()).containsExactly(15.0 / 65, 30.0 / 65, 20.0 / 65);
        assertThat(a.assign(Double.NaN, Double.NaN).rule()).isEqualTo(HaulAssignment.Rule.SURVEY_MEAN);
        assertThatThrownBy(() -> new HaulAssignment(List.of(), BiomassParameters.defaults())).hasMessageContaining("at least one haul");
    }
}
