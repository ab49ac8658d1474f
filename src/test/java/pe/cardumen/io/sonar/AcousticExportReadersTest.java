package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.io.FileFormatException;

/** Echoview cells CSV and ICES acoustic CSV/XML, from fixtures written to the documented layouts. */
class AcousticExportReadersTest {
    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/acoustic", name);
    }

    @Test
    void echoviewCellsWithBomSpacesSentinelsAndBadRows() throws Exception {
        Path f = fixture("Celdas 38 kHz Olaya-Flores 1508-10.csv");
        assertThat(EchoviewCsvReader.probe(f)).isTrue();
        ImportResult<NascCell> r = new EchoviewCsvReader().read(f);
        assertThat(r.accepted()).hasSize(3);
        NascCell first = r.accepted().get(0);
        assertThat(first.interval()).isEqualTo(1);
        assertThat(first.layer()).isEqualTo(1);
        assertThat(first.nascM2PerNmi2()).isEqualTo(1250.776);
        assertThat(first.svMeanDb()).isEqualTo(-62.431201);
        assertThat(first.depthMinM()).isEqualTo(10);
        assertThat(first.depthMaxM()).isEqualTo(20);
        assertThat(first.lat()).isEqualTo(-12.05021);
        assertThat(first.channel()).isEqualTo("38 kHz");
        assertThat(first.time()).isEqualTo(Instant.parse("2015-08-12T10:15:03.25Z"));
        // −999 Sv is "no data"
        assertThat(r.accepted().get(1).svMeanDb()).isNaN();
        assertThat(r.accepted().get(1).nascM2PerNmi2()).isZero();
        // 999 positions are "no position"
        assertThat(r.accepted().get(2).hasPosition()).isFalse();
        assertThat(r.rejects()).extracting(Reject::location).containsExactly("line 5", "line 6", "line 7");
        assertThat(r.rejects().get(0).reason()).contains("NASC 'abc' is not a number");
        assertThat(r.rejects().get(1).reason()).contains("negative");
        assertThat(r.rejects().get(2).reason()).contains("2015081");
        assertThat(r.provenance().reader()).isEqualTo("echoview-csv");
    }

    @Test
    void echoviewColumnsAreMatchedByNameInAnyOrderAndCase() throws Exception {
        ImportResult<NascCell> r = new EchoviewCsvReader().read(fixture("echoview-reordered-subset.csv"));
        assertThat(r.rejects()).isEmpty();
        assertThat(r.accepted()).hasSize(2);
        NascCell c = r.accepted().get(0);
        assertThat(c.interval()).isEqualTo(7);
        assertThat(c.layer()).isEqualTo(3);
        assertThat(c.nascM2PerNmi2()).isEqualTo(512.5);
        assertThat(c.depthMinM()).isEqualTo(30);
        assertThat(c.depthMaxM()).isEqualTo(40);
        assertThat(c.time()).isEqualTo(Instant.parse("2024-03-01T23:59:59.9999Z"));
        assertThat(c.svMeanDb()).isNaN();
    }

    @Test
    void echoviewWithoutNascColumnIsRefused() throws Exception {
        Path f = TestData.tempDir("ev").resolve("cells.csv");
        Files.writeString(f, "Interval,Layer,Sv_mean\n1,1,-60\n");
        assertThatThrownBy(() -> new EchoviewCsvReader().read(f)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cells.csv, line 1").hasMessageContaining("no NASC");
    }

    @Test
    void icesCsvJoinsDataToLogAndSample() throws Exception {
        Path f = fixture("ices-acoustic.csv");
        assertThat(IcesAcousticReader.probe(f)).isTrue();
        ImportResult<NascCell> r = new IcesAcousticReader().read(f);
        assertThat(r.accepted()).hasSize(4);
        NascCell a = r.accepted().get(0);
        assertThat(a.interval()).isEqualTo(0);
        assertThat(a.layer()).isEqualTo(0);
        assertThat(a.category()).isEqualTo("ANE");
        assertThat(a.channel()).isEqualTo("38 kHz");
        assertThat(a.nascM2PerNmi2()).isEqualTo(1523.5);
        assertThat(a.depthMinM()).isEqualTo(10);
        assertThat(a.depthMaxM()).isEqualTo(20);
        assertThat(a.lat()).isEqualTo(-12.05);
        assertThat(a.time()).isEqualTo(Instant.parse("2024-02-16T10:00:00Z"));
        assertThat(r.accepted().get(1).layer()).isEqualTo(1);
        assertThat(r.accepted().get(3).category()).isEqualTo("JUR");
        assertThat(r.accepted().get(3).interval()).isEqualTo(1);
        assertThat(r.accepted().get(3).time()).isEqualTo(Instant.parse("2024-02-16T10:06:30Z"));
        assertThat(r.rejects()).extracting(Reject::location).containsExactly("line 17", "line 18");
        assertThat(r.rejects().get(0).reason()).contains("unit 'dB' is not supported");
        assertThat(r.rejects().get(1).reason()).contains("no Log record for LogDistance 2.0");
    }

    @Test
    void icesXmlGivesTheSameCellsAsTheCsv() throws Exception {
        Path f = fixture("ices-acoustic.xml");
        assertThat(IcesAcousticReader.probe(f)).isTrue();
        ImportResult<NascCell> r = new IcesAcousticReader().read(f);
        assertThat(r.accepted()).extracting(NascCell::nascM2PerNmi2).containsExactly(1523.5, 87.25, 12.5);
        assertThat(r.accepted()).extracting(NascCell::category).containsExactly("ANE", "ANE", "JUR");
        assertThat(r.accepted()).extracting(NascCell::channel).containsOnly("38 kHz");
        assertThat(r.accepted().get(1).layer()).isEqualTo(1);
        assertThat(r.accepted().get(2).interval()).isEqualTo(1);
        assertThat(r.accepted().get(2).lon()).isCloseTo(-77.616, within(1e-12));
        assertThat(r.rejects()).singleElement().satisfies(rej -> {
            assertThat(rej.location()).startsWith("Log 0.0");
            assertThat(rej.reason()).contains("'lots' is not a number");
        });
    }

    @Test
    void truncatedIcesXmlSaysWhere() throws Exception {
        String xml = Files.readString(fixture("ices-acoustic.xml"));
        Path f = TestData.tempDir("ices").resolve("cut.xml");
        Files.writeString(f, xml.substring(0, xml.length() / 2));
        assertThatThrownBy(() -> new IcesAcousticReader().read(f)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cut.xml, line").hasMessageContaining("not well formed");
    }
}
