package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.FileFormatException;

/** Broken raw files, made from the real DY1201 file: each gives the documented result and message. */
class SimradRawBadInputTest {
    private static byte[] original;
    /** Byte offsets of the datagrams of the original file. */
    private static final List<Integer> starts = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        original = Files.readAllBytes(TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw"));
        ByteBuffer b = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        for (int pos = 0; pos < original.length; pos += b.getInt(pos) + 8) {
            starts.add(pos);
        }
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path f = TestData.tempDir("raw").resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static RawReadSummary read(Path f, CollectingHandler h) throws Exception {
        return new SimradRawReader().read(f, h, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static byte[] datagram(String type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(payload.length + 20).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(payload.length + 12).put(type.getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0).put(payload).putInt(payload.length + 12);
        return b.array();
    }

    @Test
    void aTruncatedFileKeepsEveryCompleteDatagramAndSaysWhere() throws Exception {
        int cutDatagram = starts.get(400);
        int cutAt = cutDatagram + 1000; // inside datagram 400
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("cut.raw", java.util.Arrays.copyOf(original, cutAt)), h);
        assertThat(s.truncated()).isTrue();
        assertThat(s.bytesRead()).isEqualTo(cutDatagram);
        assertThat(s.bytesLost()).isEqualTo(1000);
        assertThat(h.pings).hasSize((int) (starts.subList(0, 400).stream().filter(p -> type(p).equals("RAW0")).count()));
        assertThat(s.warnings()).singleElement().asString()
                .contains(String.format("byte %,d", cutDatagram)).contains("exceeds the file; the file is truncated")
                .contains(h.pings.size() + " pings were imported before it").contains("the last 1,000 bytes were not read");
    }

    private static String type(int start) {
        return new String(original, start + 4, 4, StandardCharsets.US_ASCII);
    }

    @Test
    void aLengthThatDisagreesWithItsTrailerStopsTheReadThere() throws Exception {
        byte[] bytes = original.clone();
        int at = starts.get(10);
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 4 + length, length + 2); // corrupt the trailer
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("trailer.raw", bytes), h);
        assertThat(s.truncated()).isTrue();
        assertThat(s.bytesRead()).isEqualTo(at);
        assertThat(s.warnings()).singleElement().asString().contains(String.format("byte %,d", at)).contains("does not match its trailer");
    }

    @Test
    void unknownDatagramTypesAreCountedAndSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, starts.get(1));
        out.write(datagram("ZZZ9", new byte[100]));
        out.write(datagram("ZZZ9", new byte[7]));
        out.write(original, starts.get(1), original.length - starts.get(1));
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("unknown.raw", out.toByteArray()), h);
        assertThat(h.pings).hasSize(680);
        assertThat(s.count("ZZZ9")).isEqualTo(2);
        assertThat(s.truncated()).isFalse();
        assertThat(s.warnings()).containsExactly("skipped 2 datagrams of unknown type ZZZ9");
    }

    @Test
    void aPingWithZeroSamplesIsKeptWithAWarning() throws Exception {
        int raw0 = starts.stream().filter(p -> type(p).equals("RAW0")).findFirst().orElseThrow();
        byte[] header = java.util.Arrays.copyOfRange(original, raw0 + 16, raw0 + 16 + 72);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(68, 0); // count = 0
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, raw0);
        out.write(datagram("RAW0", header));
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("empty-ping.raw", out.toByteArray()), h);
        assertThat(h.pings).singleElement().satisfies(p -> assertThat(p.sampleCount()).isZero());
        assertThat(s.warnings()).singleElement().asString().contains("ping 0 of channel 1 has no samples");
    }

    @Test
    void nmeaGarbageIsPassedOnWithoutBreakingTheRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, starts.get(1));
        out.write(datagram("NME0", new byte[] {(byte) 0xFF, 0x00, '$', 'G', 'P', (byte) 0x80, 0, 0}));
        out.write(original, starts.get(1), original.length - starts.get(1));
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("nmea.raw", out.toByteArray()), h);
        assertThat(h.pings).hasSize(680);
        assertThat(h.nmea).hasSize(137);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void emptyAndNonRawFilesAreRefusedWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> read(write("zero.raw", new byte[0]), new CollectingHandler()))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("zero.raw").hasMessageContaining("empty (0 bytes)");
        byte[] text = "Survey log, 14 Feb 2012: calm sea, good echoes on the 38 kHz.\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> read(write("notes.raw", text), new CollectingHandler()))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("notes.raw, byte 0").hasMessageContaining("does not start with a Simrad datagram");
        assertThat(SimradRawReader.probe(write("notes2.raw", text))).isFalse();
        assertThat(SimradRawReader.probe(TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw"))).isTrue();
    }
}
