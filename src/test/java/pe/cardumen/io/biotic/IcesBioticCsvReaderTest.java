package pe.cardumen.io.biotic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.io.FileFormatException;

/** The ICES biotic CSV: Haul and Catch blocks by column name, one species, classes to mid-points in cm. */
public class IcesBioticCsvReaderTest {
    public static final String FILE = String.join("\n",
            "Cruise,Header,CruiseSurvey,CruiseCountry,CruisePlatform,CruiseStartDate,CruiseEndDate,CruiseOrganisation,CruiseLocalID",
            "Cruise,Record,PE-ANCH,PE,OLAY,2026-02-15,2026-04-01,IMARPE,CR2602",
            "Haul,Header,CruiseLocalID,HaulGear,HaulNumber,HaulStationName,HaulStartTime,HaulDuration,HaulValidity,HaulStartLatitude,HaulStartLongitude",
            "Haul,Record,CR2602,PT,1,E1,2026-03-01 10:00,30,V,%LAT%,%LON%",
            "Haul,Record,CR2602,PT,2,E2,2026-03-02 11:30,30,V,-14.5,-76.9",
            "Catch,Header,CruiseLocalID,HaulGear,HaulNumber,CatchDataType,CatchSpeciesCode,CatchSpeciesValidity,CatchSpeciesCategory,"
                    + "CatchSubsamplingFactor,CatchLengthCode,CatchLengthClass,CatchLengthType,CatchNumberAtLength",
            "Catch,Record,CR2602,PT,1,R,272299,1,1,1,cm,95,1,20",
            "Catch,Record,CR2602,PT,1,R,272299,1,1,2,cm,135,1,10",
            "Catch,Record,CR2602,PT,1,R,126417,1,1,1,cm,205,1,3",
            "Catch,Record,CR2602,PT,2,R,272299,1,1,1,halfcm,120,1,7",
            "Catch,Record,CR2602,PT,2,R,272299,1,1,1,halfcm,twelve,1,7",
            "Catch,Record,CR2602,PT,9,R,272299,1,1,1,cm,120,1,4",
            "Biology,Header,CruiseLocalID,HaulGear,HaulNumber,CatchSpeciesCode,BiologyFishID,BiologyLengthClass",
            "Biology,Record,CR2602,PT,1,272299,1,101",
            "");

    static Path write(String name, String lat, String lon) throws Exception {
        Path f = TestData.tempDir("ices-biotic").resolve(name);
        Files.writeString(f, FILE.replace("%LAT%", lat).replace("%LON%", lon));
        return f;
    }

    @Test
    void readsOneSpeciesWithRaisedNumbersAndMidPoints() throws Exception {
        Path f = write("biotic.csv", "-12.1", "-77.6");
        assertThat(IcesBioticCsvReader.probe(f)).isTrue();
        assertThat(HaulCsvReader.probe(f)).isFalse();
        var r = new IcesBioticCsvReader().read(f, "272299");
        assertThat(r.accepted()).extracting(Haul::id).containsExactly("CR2602/PT/1", "CR2602/PT/2");
        Haul h1 = r.accepted().get(0);
        assertThat(h1.lat()).isEqualTo(-12.1);
        assertThat(h1.time()).hasToString("2026-03-01T10:00:00Z");
        // 95–105 mm → 10.0 cm; 135–145 mm → 14.0 cm with 10 fish raised by a subsampling factor of 2
        assertThat(h1.lengthsCm()).containsExactly(10.0, 14.0);
        assertThat(h1.counts()).containsExactly(20.0, 20.0);
        // 120–125 mm → 12.25 cm
        assertThat(r.accepted().get(1).lengthsCm()).containsExactly(12.25);
        assertThat(r.rejects()).extracting(x -> x.location() + ": " + x.reason())
                .anySatisfy(s -> assertThat(s).startsWith("line 11:").contains("CatchLengthClass"))
                .anySatisfy(s -> assertThat(s).startsWith("line 12:").contains("haul CR2602/PT/9, which has no Haul record"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("Biology").contains("Cruise"));
    }

    @Test
    void severalSpeciesWithoutAChoiceAreNamed() throws Exception {
        Path f = write("two.csv", "-12.1", "-77.6");
        assertThatThrownBy(() -> new IcesBioticCsvReader().read(f, null)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("two.csv").hasMessageContaining("[272299, 126417]").hasMessageContaining("--species");
        assertThatThrownBy(() -> new IcesBioticCsvReader().read(f, "999")).hasMessageContaining("no species '999'");
    }

    @Test
    void aHeaderWithoutPositionsIsRefusedAtItsLine() throws Exception {
        Path f = TestData.tempDir("ices-biotic").resolve("nopos.csv");
        Files.writeString(f, "Haul,Header,CruiseLocalID,HaulNumber,HaulStartTime\nHaul,Record,C,1,2026-03-01 10:00\n");
        assertThatThrownBy(() -> new IcesBioticCsvReader().read(f, null)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("HaulStartLatitude, HaulStartLongitude");
        Path empty = TestData.tempDir("ices-biotic").resolve("empty.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new IcesBioticCsvReader().read(empty, null)).hasMessageContaining("empty");
    }
}
