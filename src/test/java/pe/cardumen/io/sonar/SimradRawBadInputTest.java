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

    private static int firstOf(String type) {
        return starts.stream().filter(p -> type(p).equals(type)).findFirst().orElseThrow();
    }

    /** A RAW0 sample count of 2³¹ − 1 (a flipped high byte): refused with its byte offset, nothing allocated for it. */
    @Test
    void aHugeRaw0SampleCountIsRefusedWithItsOffsetNotAllocated() throws Exception {
        byte[] bytes = original.clone();
        int raw0 = firstOf("RAW0");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(raw0 + 16 + 68, Integer.MAX_VALUE);
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("huge-count.raw", bytes), h);
        assertThat(h.pings).hasSize(679);
        assertThat(s.warnings()).singleElement().asString().contains(String.format("byte %,d", raw0)).contains("RAW0")
                .contains("sample count 2147483647 does not fit");
    }

    /** The same in an EK80 RAW3 datagram (count at byte 136 of the payload). */
    @Test
    void aHugeRaw3SampleCountIsRefusedWithItsOffsetNotAllocated() throws Exception {
        byte[] ek80 = Files.readAllBytes(TestData.reference("echosounder/EK80_-D20221108-T151353.raw"));
        ByteBuffer b = ByteBuffer.wrap(ek80).order(ByteOrder.LITTLE_ENDIAN);
        int raw3 = -1;
        int datagrams = 0;
        for (int pos = 0; pos < ek80.length; pos += b.getInt(pos) + 8) {
            if (new String(ek80, pos + 4, 4, StandardCharsets.US_ASCII).equals("RAW3")) {
                raw3 = pos;
                datagrams++;
            }
        }
        b.putInt(raw3 + 16 + 136, Integer.MAX_VALUE);
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("huge-count-ek80.raw", ek80), h);
        assertThat(h.pings).hasSize(datagrams - 1);
        assertThat(s.warnings()).singleElement().asString().contains(String.format("byte %,d", raw3)).contains("RAW3")
                .contains("sample count 2147483647 does not fit");
    }

    /** A CON0 claiming 2³¹ − 1 transceivers is refused with its offset instead of reading past the datagram. */
    @Test
    void aHugeTransceiverCountIsRefused() throws Exception {
        byte[] bytes = original.clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16 + 512, Integer.MAX_VALUE);
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("huge-con0.raw", bytes), h);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("byte 0: CON0").contains("declares 2147483647 transceivers"));
    }

    /**
     * A ping whose recorded sample interval is 0 or sound speed NaN cannot be ranged: it is skipped
     * with a warning naming its byte and field instead of giving a silent NASC of 0.
     */
    @Test
    void pingsWithImpossibleRangeParametersAreSkippedAndNamed() throws Exception {
        byte[] bytes = original.clone();
        List<Integer> raw0s = starts.stream().filter(p -> type(p).equals("RAW0")).toList();
        int first = raw0s.get(0);
        int second = raw0s.get(1);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(first + 16 + 24, 0f); // sample interval
        b.putFloat(second + 16 + 28, Float.NaN); // sound speed
        CollectingHandler h = new CollectingHandler();
        RawReadSummary s = read(write("bad-ping.raw", bytes), h);
        assertThat(h.pings).hasSize(678);
        assertThat(s.warnings()).hasSize(2);
        assertThat(s.warnings().get(0)).contains(String.format("byte %,d", first)).contains("ping 0 of channel 1").contains("sample interval 0.0 s")
                .contains("skipped");
        assertThat(s.warnings().get(1)).contains(String.format("byte %,d", second)).contains("sound speed NaN m/s");
    }

    /** A damaged XML0 gives a warning with the parser's words, and nothing on the console (no stray "[Fatal Error]"). */
    @Test
    void aDamagedXmlDatagramWarnsWithoutPrintingToTheConsole() throws Exception {
        byte[] ek80 = Files.readAllBytes(TestData.reference("echosounder/EK80-WBTTube-CW-reduced.raw"));
        // the first datagram is the Configuration XML0: break its first tag
        int open = new String(ek80, 0, 400, StandardCharsets.ISO_8859_1).indexOf('<', 16);
        ek80[open + 1] = '!';
        java.io.PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RawReadSummary s = read(write("bad-xml.raw", ek80), new CollectingHandler());
            assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("byte 0: XML0 datagram cannot be decoded").contains("XML is not well formed"));
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("[Fatal Error]");
    }
}
