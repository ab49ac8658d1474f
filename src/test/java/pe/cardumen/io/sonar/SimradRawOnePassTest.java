package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.io.FileDigest;

/**
 * What lets one pass over a raw file serve an integration: a handler that wants one channel gets
 * exactly that channel's pings (the others are checked and counted, not decoded), and the reader can
 * hash the file as it reads it — the same SHA-256 as hashing the file on its own, truncated or not.
 */
class SimradRawOnePassTest {
    private static Path echosounder(String name) {
        return TestData.referenceData().resolve("echosounder").resolve(name);
    }

    /** Collects the pings of the channels it is told to want. */
    private static final class OneChannel extends CollectingHandler {
        private final int wanted;

        OneChannel(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public boolean wantsPing(int channel) {
            return channel == wanted;
        }
    }

    private static RawReadSummary read(Path f, RawFileHandler h) throws Exception {
        return new SimradRawReader().read(f, h, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static void assertSameChannelPings(Path file, int channel) throws Exception {
        CollectingHandler all = new CollectingHandler();
        RawReadSummary full = read(file, all);
        OneChannel one = new OneChannel(channel);
        RawReadSummary partial = read(file, one);
        List<Ping> expected = all.pingsOf(channel);
        assertThat(expected).isNotEmpty();
        assertThat(one.pings).hasSameSizeAs(expected);
        assertThat(one.pings.stream().allMatch(p -> p.channel() == channel)).isTrue();
        for (int i = 0; i < expected.size(); i++) {
            // NaN fields (no bandwidth in a CW ping …) equal NaN, as in the record's own equals
            assertThat(one.pings.get(i)).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                    .withComparatorForType(Float::compare, Float.class).isEqualTo(expected.get(i));
        }
        // the same datagrams, the same warnings, the same everything else
        assertThat(partial).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(full);
        assertThat(one.nmea).isEqualTo(all.nmea);
    }

    @Test
    void anEk60HandlerWantingOneChannelGetsExactlyItsPings() throws Exception {
        assertSameChannelPings(echosounder("DY1201_EK60-D20120214-T231011.raw"), 2);
    }

    @Test
    void anEk80HandlerWantingOneChannelGetsExactlyItsPings() throws Exception {
        assertSameChannelPings(echosounder("EK80_-D20221108-T151353.raw"), 1);
    }

    @Test
    void anUnwantedPingWithNoSamplesIsStillReported() throws Exception {
        byte[] original = Files.readAllBytes(echosounder("DY1201_EK60-D20120214-T231011.raw"));
        ByteBuffer b = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        int raw0 = -1;
        for (int pos = 0; pos < original.length; pos += b.getInt(pos) + 8) {
            if (new String(original, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RAW0") && b.getShort(pos + 16) == 1) {
                raw0 = pos;
                break;
            }
        }
        // a channel-1 ping whose sample count is 0: its datagram shrunk to the 72-byte header
        byte[] dg = new byte[12 + 72 + 8];
        ByteBuffer d = ByteBuffer.wrap(dg).order(ByteOrder.LITTLE_ENDIAN);
        d.putInt(0, 12 + 72);
        System.arraycopy(original, raw0 + 4, dg, 4, 12 + 72);
        d.putInt(4 + 12 + 68, 0);
        d.putInt(dg.length - 4, 12 + 72);
        byte[] file = Arrays.copyOf(original, raw0 + dg.length);
        System.arraycopy(dg, 0, file, raw0, dg.length);
        Path f = TestData.tempDir("onepass").resolve("empty-ping.raw");
        Files.write(f, file);
        OneChannel other = new OneChannel(2);
        RawReadSummary s = read(f, other);
        assertThat(other.pings).isEmpty();
        assertThat(s.warnings()).singleElement().asString().contains("ping 0 of channel 1 has no samples");
    }

    @Test
    void theReadersDigestIsTheFilesSha256WholeOrTruncated() throws Exception {
        Path whole = echosounder("DY1201_EK60-D20120214-T231011.raw");
        byte[] bytes = Files.readAllBytes(whole);
        Path dir = TestData.tempDir("onepass-sha");
        Path cut = Files.write(dir.resolve("cut.raw"), Arrays.copyOf(bytes, bytes.length / 2 + 1234));
        byte[] junk = Arrays.copyOf(bytes, bytes.length + 3);
        Path stray = Files.write(dir.resolve("stray.raw"), junk);
        for (Path f : List.of(whole, cut, stray, echosounder("EK80_-D20221108-T151353.raw"))) {
            MessageDigest md = FileDigest.newSha256();
            RawReadSummary s = new SimradRawReader().digesting(md).read(f, new OneChannel(1), ProgressListener.NONE, CancellationToken.NONE);
            assertThat(FileDigest.hex(md)).as(f.getFileName().toString()).isEqualTo(FileDigest.sha256(f));
            if (f != whole && f.getFileName().toString().endsWith(".raw") && !f.getFileName().toString().startsWith("EK80")) {
                assertThat(s.truncated()).isTrue();
            }
        }
        // and by hand: the SHA-256 of no bytes is the well-known constant
        assertThat(FileDigest.hex(FileDigest.newSha256())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
