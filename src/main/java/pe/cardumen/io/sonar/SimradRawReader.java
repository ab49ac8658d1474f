package pe.cardumen.io.sonar;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.FrequencyCalibration;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.io.FileFormatException;

/**
 * Streams a Simrad raw file datagram by datagram and hands its content to a {@link RawFileHandler}.
 *
 * <p>Decoded: {@code CON0} and {@code RAW0} (EK60), {@code XML0} Configuration / Environment /
 * Parameter and {@code RAW3} (EK80: power, angle, complex float32 and float16 samples with n sectors),
 * {@code NME0}, {@code TAG0}, {@code BOT0} (also from {@code .bot} files), {@code MRU0}. Recognised and
 * counted without decoding: {@code FIL1}, {@code DEP0}, {@code RAW4}, {@code MRU1}. Anything else is
 * counted and skipped with one warning per type; it never aborts the read.
 *
 * <p>Memory: one datagram at a time (its payload buffer is reused), plus whatever the handler keeps.
 * Thread-safe for use from one thread per instance.
 */
public final class SimradRawReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "simrad-raw";

    /** Datagrams longer than this are taken as a corrupted length (the largest real ones are a few MB). */
    private static final int MAX_DATAGRAM_BYTES = 256 * 1024 * 1024;
    private static final double POWER_UNIT_DB = 10 * Math.log10(2) / 256;

    private MessageDigest digest;

    /**
     * Feeds every byte of the files this reader reads into {@code md} as they are read — the bytes a
     * truncation leaves undecoded too — so that a file is hashed in the pass that decodes it. The
     * digest is of the whole file only when {@link #read} returns normally.
     *
     * @return this reader
     */
    public SimradRawReader digesting(MessageDigest md) {
        this.digest = md;
        return this;
    }

    /** Whether the file starts like a Simrad raw datagram stream (a plausible length and a known type). */
    public static boolean probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (head.length < 8) {
                return false;
            }
            int length = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            String type = new String(head, 4, 4, StandardCharsets.US_ASCII);
            return length >= 12 && (type.equals("CON0") || type.equals("XML0"));
        }
    }

    /** The conversion of EK60 power units to dB re 1 W: 10·log10(2)/256 per count. */
    public static double powerUnitDb() {
        return POWER_UNIT_DB;
    }

    /**
     * Reads the whole file.
     *
     * @param progress told as bytes are read
     * @param cancel   checked between datagrams
     * @return what was read and every problem tolerated
     * @throws FileFormatException when the file is empty or does not start with a Simrad datagram
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public RawReadSummary read(Path file, RawFileHandler handler, ProgressListener progress, CancellationToken cancel)
            throws IOException, FileFormatException {
        long size = Files.size(file);
        String name = file.getFileName().toString();
        if (size == 0) {
            throw new FileFormatException(file, "", "the file is empty (0 bytes); it was probably not written completely — copy it again from the echosounder PC");
        }
        State state = new State(name, new Guarded(handler));
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long offset = 0;
        boolean truncated = false;
        byte[] buffer = new byte[1 << 16];
        byte[] header = new byte[4];
        InputStream source = Files.newInputStream(file);
        if (digest != null) {
            source = new DigestInputStream(source, digest);
        }
        try (InputStream in = new BufferedInputStream(source, 1 << 20)) {
            while (offset < size) {
                cancel.throwIfCancelled();
                long remaining = size - offset;
                if (remaining < 4 || in.readNBytes(header, 0, 4) < 4) {
                    warnings.add(String.format(Locale.ROOT, "byte %,d: %d stray bytes at the end of the file were not read; the file is truncated", offset, remaining));
                    truncated = true;
                    break;
                }
                int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (length < 12 || length > MAX_DATAGRAM_BYTES || (long) length + 8 > remaining) {
                    if (offset == 0) {
                        throw new FileFormatException(file, "byte 0", "does not start with a Simrad datagram (length field " + Integer.toUnsignedString(length)
                                + "); is this an EK60/EK80 .raw file?");
                    }
                    String why = (long) length + 8 > remaining && length >= 12
                            ? "exceeds the file; the file is truncated"
                            : "is impossible; the file is corrupted here";
                    warnings.add(String.format(Locale.ROOT, "byte %,d: datagram length %s %s — %s; the last %,d bytes were not read",
                            offset, Integer.toUnsignedString(length), why, state.summary(), remaining));
                    truncated = true;
                    break;
                }
                if (buffer.length < length + 4) {
                    buffer = new byte[Math.max(length + 4, buffer.length * 2)];
                }
                int got = in.readNBytes(buffer, 0, length + 4);
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, length + 4).order(ByteOrder.LITTLE_ENDIAN);
                int trailer = b.getInt(length);
                if (got < length + 4 || trailer != length) {
                    if (offset == 0) {
                        throw new FileFormatException(file, "byte 0", "does not start with a Simrad datagram (length and trailer differ); is this an EK60/EK80 .raw file?");
                    }
                    warnings.add(String.format(Locale.ROOT, "byte %,d: datagram length %d does not match its trailer %d; the file is corrupted here — %s; the last %,d bytes were not read",
                            offset, length, trailer, state.summary(), remaining));
                    truncated = true;
                    break;
                }
                String type = new String(buffer, 0, 4, StandardCharsets.ISO_8859_1);
                if (offset == 0 && !type.chars().allMatch(c -> c >= '0' && c <= 'Z')) {
                    throw new FileFormatException(file, "byte 0", "does not start with a Simrad datagram (type '" + type + "'); is this an EK60/EK80 .raw file?");
                }
                decodeOne(state, type, b, length, offset, counts, unknown, warnings);
                offset += length + 8L;
                progress.progress(offset, size, "");
            }
            if (digest != null) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        if (state.rejectedPings() > 10) {
            warnings.add(String.format(Locale.ROOT, "%,d pings in all were skipped for impossible recorded parameters (the first 10 are listed)",
                    state.rejectedPings()));
        }
        for (Map.Entry<String, Integer> u : unknown.entrySet()) {
            warnings.add(String.format(Locale.ROOT, "skipped %d datagram%s of unknown type %s", u.getValue(), u.getValue() == 1 ? "" : "s", printable(u.getKey())));
        }
        return new RawReadSummary(name, size, offset, new TreeMap<>(counts), warnings, truncated);
    }

    /**
     * Decodes one whole datagram (its bytes from the type field to the trailer) into the state, tolerating
     * a damaged one with a warning naming its byte offset; a handler's own exception aborts.
     */
    private static void decodeOne(State state, String type, ByteBuffer b, int length, long offset, Map<String, Integer> counts,
                                  Map<String, Integer> unknown, List<String> warnings) {
        long ticks = (b.getInt(4) & 0xFFFFFFFFL) | ((b.getInt(8) & 0xFFFFFFFFL) << 32);
        counts.merge(type, 1, Integer::sum);
        try {
            if (!state.decode(type, ticks, b.position(12).slice().limit(length - 12).order(ByteOrder.LITTLE_ENDIAN), offset, warnings)) {
                unknown.merge(type, 1, Integer::sum);
            }
        } catch (HandlerFailure e) {
            throw e.unwrap();
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            warnings.add(String.format(Locale.ROOT, "byte %,d: %s datagram of %,d bytes is too short for its fields; skipped — the file is damaged here",
                    offset, printable(type), length));
        } catch (RuntimeException e) {
            warnings.add(String.format(Locale.ROOT, "byte %,d: %s datagram cannot be decoded (%s); skipped", offset, printable(type), e.getMessage()));
        }
    }

    /**
     * Follows a raw file that the sounder is still writing: each {@link Follower#poll} decodes the whole
     * datagrams written since the last one and stops before a datagram that is not complete yet (it is
     * read at a later poll), so a file being written is never misread as truncated.
     */
    public Follower follow(Path file, RawFileHandler handler) {
        return new Follower(file, handler);
    }

    /** An incremental reader of one growing raw file. Not thread-safe; one poll at a time. */
    public static final class Follower {
        private final Path file;
        private final State state;
        private final Map<String, Integer> counts = new TreeMap<>();
        private final Map<String, Integer> unknown = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private long offset;
        private String broken;
        private byte[] buffer = new byte[1 << 16];

        private Follower(Path file, RawFileHandler handler) {
            this.file = file;
            this.state = new State(file.getFileName().toString(), new Guarded(handler));
        }

        /** Bytes decoded so far (the offset of the next datagram). */
        public long offset() {
            return offset;
        }

        /** Why the file cannot be followed further (a corrupted datagram), or {@code null}. */
        public String broken() {
            return broken;
        }

        /** Every problem tolerated so far. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /** Datagram counts by type so far. */
        public Map<String, Integer> counts() {
            return new TreeMap<>(counts);
        }

        /**
         * Decodes the datagrams completed since the last poll.
         *
         * @return how many were decoded
         * @throws FileFormatException when the file does not start as a Simrad raw file
         */
        public int poll(CancellationToken cancel) throws IOException, FileFormatException {
            if (broken != null || !Files.isRegularFile(file)) {
                return 0;
            }
            int decoded = 0;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
                long size = ch.size();
                ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                while (offset + 4 <= size) {
                    cancel.throwIfCancelled();
                    head.clear();
                    readFully(ch, head, offset);
                    int length = head.getInt(0);
                    if (length < 12 || length > MAX_DATAGRAM_BYTES) {
                        if (offset == 0) {
                            throw new FileFormatException(file, "byte 0", "does not start with a Simrad datagram (length field "
                                    + Integer.toUnsignedString(length) + "); is this an EK60/EK80 .raw file?");
                        }
                        broken = String.format(Locale.ROOT, "byte %,d: datagram length %s is impossible; the file is corrupted here — %s; "
                                + "the rest of the file is not read", offset, Integer.toUnsignedString(length), state.summary());
                        warnings.add(broken);
                        break;
                    }
                    if (offset + length + 8L > size) {
                        break; // not written completely yet: read at the next poll
                    }
                    if (buffer.length < length + 4) {
                        buffer = new byte[Math.max(length + 4, buffer.length * 2)];
                    }
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, length + 4).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(ch, b, offset + 4);
                    b.clear().limit(length + 4);
                    int trailer = b.getInt(length);
                    if (trailer != length) {
                        broken = String.format(Locale.ROOT, "byte %,d: datagram length %d does not match its trailer %d; the file is corrupted here "
                                + "— %s; the rest of the file is not read", offset, length, trailer, state.summary());
                        warnings.add(broken);
                        break;
                    }
                    String type = new String(buffer, 0, 4, StandardCharsets.ISO_8859_1);
                    decodeOne(state, type, b, length, offset, counts, unknown, warnings);
                    offset += length + 8L;
                    decoded++;
                }
            }
            return decoded;
        }

        private static void readFully(java.nio.channels.FileChannel ch, ByteBuffer b, long at) throws IOException {
            long position = at;
            while (b.hasRemaining()) {
                int n = ch.read(b, position);
                if (n < 0) {
                    throw new java.io.EOFException("end of file at byte " + position);
                }
                position += n;
            }
        }
    }

    /** A handler's own exception, carried through the decoder's tolerance for broken datagrams. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException unwrap() {
            return (RuntimeException) getCause();
        }
    }

    /** Passes everything on and marks the handler's exceptions so that they abort the read. */
    private static final class Guarded implements RawFileHandler {
        private final RawFileHandler h;

        Guarded(RawFileHandler h) {
            this.h = h;
        }

        private static void run(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void configuration(String sounder, List<SonarChannel> channels) {
            run(() -> h.configuration(sounder, channels));
        }

        @Override
        public boolean wantsPing(int channel) {
            try {
                return h.wantsPing(channel);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void ping(Ping ping) {
            run(() -> h.ping(ping));
        }

        @Override
        public void nmea(long timeTicks, String sentence) {
            run(() -> h.nmea(timeTicks, sentence));
        }

        @Override
        public void annotation(long timeTicks, String text) {
            run(() -> h.annotation(timeTicks, text));
        }

        @Override
        public void bottom(long timeTicks, double[] depthsM) {
            run(() -> h.bottom(timeTicks, depthsM));
        }

        @Override
        public void motion(long timeTicks, float heaveM, float rollDeg, float pitchDeg, float headingDeg) {
            run(() -> h.motion(timeTicks, heaveM, rollDeg, pitchDeg, headingDeg));
        }

        @Override
        public void ek80Channel(int channel, double receiverImpedanceOhm, double rxSampleFrequencyHz, double transducerDepthM) {
            run(() -> h.ek80Channel(channel, receiverImpedanceOhm, rxSampleFrequencyHz, transducerDepthM));
        }

        @Override
        public void filter(int channel, int stage, int decimation, float[] coefficients) {
            run(() -> h.filter(channel, stage, decimation, coefficients));
        }

        @Override
        public void environment(double temperatureC, double salinityPsu, double depthM, double acidityPh, double soundSpeedMPerS) {
            run(() -> h.environment(temperatureC, salinityPsu, depthM, acidityPh, soundSpeedMPerS));
        }
    }

    private static String printable(String type) {
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return sb.toString();
    }

    /** Decoding state: channels, EK80 parameters, ping counters. */
    private static final class State {
        private final String fileName;
        private final RawFileHandler handler;
        private final List<SonarChannel> channels = new ArrayList<>();
        private final Map<String, Integer> channelById = new HashMap<>();
        private final Map<Integer, Integer> pingsByChannel = new HashMap<>();
        private final Map<String, Map<String, String>> ek80Parameters = new HashMap<>();
        private final Map<Integer, Double> transducerDepths = new HashMap<>();
        private Map<String, String> environment = Map.of();
        private int pings;

        State(String fileName, RawFileHandler handler) {
            this.fileName = fileName;
            this.handler = handler;
        }

        String summary() {
            return pings + " ping" + (pings == 1 ? " was" : "s were") + " imported before it";
        }

        /** Decodes one datagram; false when its type is unknown. */
        boolean decode(String type, long ticks, ByteBuffer p, long offset, List<String> warnings) {
            switch (type) {
                case "CON0":
                    con0(p);
                    return true;
                case "RAW0":
                    raw0(ticks, p, offset, warnings);
                    return true;
                case "XML0":
                    xml0(p, offset, warnings);
                    return true;
                case "RAW3":
                    raw3(ticks, p, offset, warnings);
                    return true;
                case "NME0":
                    handler.nmea(ticks, text(p));
                    return true;
                case "TAG0":
                    handler.annotation(ticks, text(p));
                    return true;
                case "BOT0":
                    bot0(ticks, p);
                    return true;
                case "MRU0":
                    handler.motion(ticks, p.getFloat(0), p.getFloat(4), p.getFloat(8), p.getFloat(12));
                    return true;
                case "FIL1":
                    fil1(p);
                    return true;
                case "DEP0":
                case "RAW4":
                case "MRU1":
                case "SVP0":
                    return true;
                default:
                    return false;
            }
        }

        private static String text(ByteBuffer p) {
            byte[] bytes = new byte[p.remaining()];
            p.get(0, bytes);
            int n = bytes.length;
            while (n > 0 && (bytes[n - 1] == 0 || bytes[n - 1] == '\r' || bytes[n - 1] == '\n')) {
                n--;
            }
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }

        private static String fixedString(ByteBuffer p, int at, int length) {
            byte[] bytes = new byte[length];
            p.get(at, bytes);
            int n = 0;
            while (n < length && bytes[n] != 0) {
                n++;
            }
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1).trim();
        }

        /** EK60 configuration: a 516-byte header, then 320 bytes per transceiver. */
        private void con0(ByteBuffer p) {
            String sounder = fixedString(p, 256, 128) + " " + fixedString(p, 384, 30);
            int count = p.getInt(512);
            if (count < 0 || 516 + 320L * count > p.limit()) {
                throw new IllegalArgumentException("it declares " + Integer.toUnsignedString(count) + " transceivers but holds room for "
                        + Math.max(0, (p.limit() - 516) / 320));
            }
            List<SonarChannel> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = 516 + 320 * i;
                String id = fixedString(p, at, 128);
                double[] pulse = floats(p, at + 192, 5);
                double[] gains = floats(p, at + 220, 5);
                double[] sa = floats(p, at + 248, 5);
                list.add(new SonarChannel(i + 1, id, p.getInt(at + 128), p.getFloat(at + 132), p.getFloat(at + 136), p.getFloat(at + 140),
                        p.getFloat(at + 144), p.getFloat(at + 148), p.getFloat(at + 152), p.getFloat(at + 156), p.getFloat(at + 160),
                        p.getFloat(at + 164), pulse, gains, sa, FrequencyCalibration.NONE));
            }
            setChannels(sounder.trim(), list);
        }

        private void setChannels(String sounder, List<SonarChannel> list) {
            channels.clear();
            channelById.clear();
            for (SonarChannel c : list) {
                channels.add(c);
                channelById.put(c.channelId(), c.number());
            }
            handler.configuration(sounder, List.copyOf(channels));
        }

        private static double[] floats(ByteBuffer p, int at, int n) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = p.getFloat(at + 4 * i);
            }
            return v;
        }

        /** EK60 sample datagram: a 72-byte header, then int16 power and/or int8 angle pairs. */
        private void raw0(long ticks, ByteBuffer p, long offset, List<String> warnings) {
            int channel = p.getShort(0);
            int mode = p.getShort(2) & 0xFF;
            int sampleOffset = p.getInt(64);
            int count = p.getInt(68);
            // long arithmetic: a corrupted count of 2^31 − 1 must not overflow into a small "need"
            long need = 72L + ((mode & 1) != 0 ? 2L * count : 0) + ((mode & 2) != 0 ? 2L * count : 0);
            if (count < 0 || need > p.limit()) {
                throw new IllegalArgumentException("its sample count " + Integer.toUnsignedString(count) + " does not fit in its " + p.limit() + " bytes");
            }
            int index = pingsByChannel.getOrDefault(channel, 0);
            String bad = implausible(p.getFloat(24), p.getFloat(28), p.getFloat(8), p.getFloat(16));
            if (bad != null) {
                rejectPing(offset, index, channel, bad, warnings);
                pingsByChannel.merge(channel, 1, Integer::sum);
                return;
            }
            if (!handler.wantsPing(channel)) {
                pingsByChannel.merge(channel, 1, Integer::sum);
                noSamples(count, offset, index, channel, warnings);
                pings++;
                return;
            }
            short[] power = null;
            byte[] angles = null;
            int at = 72;
            if ((mode & 1) != 0) {
                power = new short[count];
                p.position(at);
                p.asShortBuffer().get(power);
                at += 2 * count;
            }
            if ((mode & 2) != 0) {
                angles = new byte[2 * count];
                p.get(at, angles);
            }
            pingsByChannel.merge(channel, 1, Integer::sum);
            noSamples(count, offset, index, channel, warnings);
            pings++;
            double frequency = p.getFloat(8);
            handler.ping(new Ping(channel, index, ticks, p.getFloat(4), frequency, p.getFloat(12), p.getFloat(16), p.getFloat(20),
                    p.getFloat(24), p.getFloat(28), p.getFloat(32), p.getFloat(36), p.getFloat(40), p.getFloat(44), p.getFloat(48),
                    sampleOffset, power, angles, null, 0, Double.NaN, 0, frequency, frequency));
        }

        /** EK80 sample datagram: channel id, data type, offset, count, then samples by type. */
        private void raw3(long ticks, ByteBuffer p, long offset, List<String> warnings) {
            String id = fixedString(p, 0, 128);
            int dataType = p.getShort(128) & 0xFFFF;
            int sampleOffset = p.getInt(132);
            int count = p.getInt(136);
            Integer channel = channelById.get(id);
            if (channel == null) {
                throw new IllegalArgumentException("channel '" + id + "' is not in the configuration");
            }
            int sectorsDeclared = (dataType & 0b1100) != 0 ? dataType >> 8 : 0;
            long need = 140L + ((dataType & 1) != 0 ? 2L * count : 0) + ((dataType & 2) != 0 ? 2L * count : 0)
                    + ((dataType & 0b1100) != 0 ? 2L * sectorsDeclared * count * ((dataType & 8) != 0 ? 4 : 2) : 0);
            if (count < 0 || need > p.limit()) {
                throw new IllegalArgumentException("its sample count " + Integer.toUnsignedString(count) + " does not fit in its " + p.limit() + " bytes");
            }
            Map<String, String> parameters = ek80Parameters.getOrDefault(id, Map.of());
            String bad = implausible(number(parameters, "SampleInterval"), number(environment, "SoundSpeed"), Double.NaN, Double.NaN);
            if (bad == null && number(parameters, "PulseForm") > 0) {
                bad = implausibleSweep(number(parameters, "FrequencyStart"), number(parameters, "FrequencyEnd"));
            }
            if (bad != null) {
                rejectPing(offset, pingsByChannel.getOrDefault(channel, 0), channel, bad, warnings);
                pingsByChannel.merge(channel, 1, Integer::sum);
                return;
            }
            if (!handler.wantsPing(channel)) {
                int index = pingsByChannel.merge(channel, 1, Integer::sum) - 1;
                noSamples(count, offset, index, channel, warnings);
                pings++;
                return;
            }
            short[] power = null;
            byte[] angles = null;
            float[] complex = null;
            int sectors = 0;
            int at = 140;
            if ((dataType & 1) != 0) {
                power = new short[count];
                p.position(at);
                p.asShortBuffer().get(power);
                at += 2 * count;
            }
            if ((dataType & 2) != 0) {
                angles = new byte[2 * count];
                p.get(at, angles);
                at += 2 * count;
            }
            if ((dataType & 0b1100) != 0) {
                sectors = dataType >> 8;
                int values = 2 * sectors * count;
                complex = new float[values];
                if ((dataType & 8) != 0) {
                    p.position(at);
                    p.asFloatBuffer().get(complex);
                } else {
                    for (int i = 0; i < values; i++) {
                        complex[i] = halfToFloat(p.getShort(at + 2 * i));
                    }
                }
            }
            Map<String, String> par = parameters;
            int index = pingsByChannel.merge(channel, 1, Integer::sum) - 1;
            noSamples(count, offset, index, channel, warnings);
            pings++;
            double depth = transducerDepths.getOrDefault(channel, 0.0);
            int pulseForm = Math.max(0, (int) number(par, "PulseForm"));
            double frequency = number(par, "Frequency");
            double start = frequency;
            double end = frequency;
            if (pulseForm > 0) {
                start = number(par, "FrequencyStart");
                end = number(par, "FrequencyEnd");
                frequency = (start + end) / 2;
            }
            handler.ping(new Ping(channel, index, ticks, depth, frequency, number(par, "TransmitPower"), number(par, "PulseDuration"),
                    Double.NaN, number(par, "SampleInterval"), number(environment, "SoundSpeed"), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, number(environment, "Temperature"), sampleOffset, power, angles, complex, sectors, number(par, "Slope"),
                    pulseForm, start, end));
        }

        private static void noSamples(int count, long offset, int index, int channel, List<String> warnings) {
            if (count == 0) {
                warnings.add(String.format(Locale.ROOT, "byte %,d: ping %d of channel %d has no samples; kept with none", offset, index, channel));
            }
        }

        /**
         * Why a ping's recorded parameters cannot give a range or an Sv (a damaged datagram), or null.
         * Bounds are the instruments' documented settings, widened: sample intervals of a few µs to
         * 10 ms, sound speeds 1,300–1,700 m/s (seawater is 1,400–1,570), frequencies up to 2 MHz, pulses
         * up to 100 ms. NaN frequency or pulse is not checked (EK80 FM pings have none).
         */
        static String implausible(double sampleIntervalS, double soundSpeedMPerS, double frequencyHz, double pulseS) {
            if (!(sampleIntervalS > 0 && sampleIntervalS <= 0.01)) {
                return "sample interval " + sampleIntervalS + " s (expected 1 µs–10 ms)";
            }
            if (!(soundSpeedMPerS >= 1300 && soundSpeedMPerS <= 1700)) {
                return "sound speed " + soundSpeedMPerS + " m/s (expected 1,300–1,700 m/s)";
            }
            if (!Double.isNaN(frequencyHz) && !(frequencyHz > 0 && frequencyHz <= 2e6)) {
                return "frequency " + frequencyHz + " Hz (expected 0–2 MHz)";
            }
            if (!Double.isNaN(pulseS) && !(pulseS > 0 && pulseS <= 0.1)) {
                return "pulse duration " + pulseS + " s (expected 0–100 ms)";
            }
            return null;
        }

        private int rejectedPings;

        /** Why an FM ping's sweep cannot be pulse-compressed (missing or impossible frequencies), or null. */
        static String implausibleSweep(double startHz, double endHz) {
            if (!(startHz > 0 && startHz <= 2e6 && endHz > 0 && endHz <= 2e6 && startHz != endHz)) {
                return "FM sweep FrequencyStart " + startHz + " Hz – FrequencyEnd " + endHz + " Hz (expected two different frequencies up to 2 MHz)";
            }
            return null;
        }

        private void rejectPing(long offset, int index, int channel, String why, List<String> warnings) {
            rejectedPings++;
            if (rejectedPings <= 10) {
                warnings.add(String.format(Locale.ROOT, "byte %,d: ping %d of channel %d records an impossible %s; the ping is skipped "
                        + "(the datagram is damaged)", offset, index, channel, why));
            }
        }

        /** Pings skipped because their parameters were impossible. */
        int rejectedPings() {
            return rejectedPings;
        }

        /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
        static float halfToFloat(short h) {
            int bits = h & 0xFFFF;
            int sign = (bits & 0x8000) << 16;
            int exp = (bits >> 10) & 0x1F;
            int mant = bits & 0x3FF;
            if (exp == 0) {
                float v = mant * 0x1p-24f; // subnormal
                return sign == 0 ? v : -v;
            }
            if (exp == 31) {
                return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
            }
            return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        }

        private static double number(Map<String, String> m, String key) {
            String v = m.get(key);
            if (v == null) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** EK80 filter stage: stage, channel id, coefficient count, decimation, complex float32 coefficients. */
        private void fil1(ByteBuffer p) {
            int stage = p.getShort(0);
            String id = fixedString(p, 4, 128);
            int n = p.getShort(132);
            int decimation = p.getShort(134);
            if (n < 0 || 136 + 8L * n > p.limit()) {
                throw new IllegalArgumentException(n + " filter coefficients do not fit in " + p.limit() + " bytes");
            }
            float[] c = new float[2 * n];
            p.position(136);
            p.asFloatBuffer().get(c);
            Integer channel = channelById.get(id);
            if (channel == null) {
                throw new IllegalArgumentException("filter for channel '" + id + "', which is not in the configuration");
            }
            handler.filter(channel, stage, decimation, c);
        }

        private void bot0(long ticks, ByteBuffer p) {
            int n = p.getInt(0);
            if (n < 0 || 4 + 8L * n > p.limit()) {
                throw new IllegalArgumentException(n + " depths do not fit in " + p.limit() + " bytes");
            }
            double[] depths = new double[n];
            for (int i = 0; i < n; i++) {
                depths[i] = p.getDouble(4 + 8 * i);
            }
            handler.bottom(ticks, depths);
        }

        private void xml0(ByteBuffer p, long offset, List<String> warnings) {
            byte[] bytes = new byte[p.limit()];
            p.get(0, bytes);
            int n = bytes.length;
            while (n > 0 && bytes[n - 1] == 0) {
                n--;
            }
            Document doc;
            try {
                doc = pe.cardumen.io.XmlDocuments.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(bytes, 0, n)));
            } catch (SAXException | IOException e) {
                throw new IllegalArgumentException("its XML is not well formed (" + e.getMessage() + ")", e);
            }
            Element root = doc.getDocumentElement();
            switch (root.getTagName()) {
                case "Configuration":
                    ek80Configuration(root, warnings);
                    break;
                case "Environment":
                    environment = attributes(root);
                    handler.environment(number(environment, "Temperature"), number(environment, "Salinity"), number(environment, "Depth"),
                            number(environment, "Acidity"), number(environment, "SoundSpeed"));
                    break;
                case "Parameter":
                case "InitialParameter":
                    NodeList chs = root.getElementsByTagName("Channel");
                    for (int i = 0; i < chs.getLength(); i++) {
                        Map<String, String> a = attributes((Element) chs.item(i));
                        String id = a.get("ChannelID");
                        if (id != null) {
                            ek80Parameters.put(id.trim(), a);
                        }
                    }
                    break;
                default:
                    break; // Sensor and other XML0 kinds are not needed
            }
        }

        private static Map<String, String> attributes(Element e) {
            Map<String, String> m = new HashMap<>();
            var attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                m.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
            }
            return m;
        }

        /** EK80 channels: Transceivers/Transceiver/Channels/Channel with a Transducer child. */
        private void ek80Configuration(Element root, List<String> warnings) {
            NodeList header = root.getElementsByTagName("Header");
            String sounder = "EK80";
            if (header.getLength() > 0) {
                Element h = (Element) header.item(0);
                sounder = h.getAttribute("ApplicationName") + " " + h.getAttribute("Version");
            }
            // transducer installation depths, by transducer name (the Transducers section)
            Map<String, Double> offsetZ = new HashMap<>();
            NodeList tds = root.getElementsByTagName("Transducer");
            for (int i = 0; i < tds.getLength(); i++) {
                Element td = (Element) tds.item(i);
                if (td.hasAttribute("TransducerOffsetZ")) {
                    offsetZ.putIfAbsent(td.getAttribute("TransducerName"), number(attributes(td), "TransducerOffsetZ"));
                }
            }
            List<SonarChannel> list = new ArrayList<>();
            List<double[]> settings = new ArrayList<>();
            NodeList chs = root.getElementsByTagName("Channel");
            for (int i = 0; i < chs.getLength(); i++) {
                Element ch = (Element) chs.item(i);
                String id = ch.getAttribute("ChannelID").trim();
                if (id.isEmpty()) {
                    continue;
                }
                Element transceiver = ch.getParentNode() != null && ch.getParentNode().getParentNode() instanceof Element
                        ? (Element) ch.getParentNode().getParentNode() : null;
                Map<String, String> tr = transceiver == null ? Map.of() : attributes(transceiver);
                Element tdOfChannel = (Element) ch.getElementsByTagName("Transducer").item(0);
                String tdName = tdOfChannel == null ? "" : tdOfChannel.getAttribute("TransducerName");
                settings.add(new double[] {number(tr, "Impedance"), number(tr, "RxSampleFrequency"), offsetZ.getOrDefault(tdName, 0.0)});
                Element td = (Element) ch.getElementsByTagName("Transducer").item(0);
                Map<String, String> t = td == null ? Map.of() : attributes(td);
                double[] pulse = doubles(ch.getAttribute("PulseDuration").isEmpty() ? ch.getAttribute("PulseLength") : ch.getAttribute("PulseDuration"));
                double[] gains = doubles(t.getOrDefault("Gain", ""));
                double[] sa = doubles(t.getOrDefault("SaCorrection", ""));
                int k = Math.min(pulse.length, Math.min(gains.length, sa.length));
                list.add(new SonarChannel(list.size() + 1, id, (int) number(t, "BeamType"), number(t, "Frequency"),
                        k > 0 ? gains[0] : Double.NaN, number(t, "EquivalentBeamAngle"), number(t, "BeamWidthAlongship"),
                        number(t, "BeamWidthAthwartship"), number(t, "AngleSensitivityAlongship"), number(t, "AngleSensitivityAthwartship"),
                        number(t, "AngleOffsetAlongship"), number(t, "AngleOffsetAthwartship"),
                        java.util.Arrays.copyOf(pulse, k), java.util.Arrays.copyOf(gains, k), java.util.Arrays.copyOf(sa, k),
                        td == null ? FrequencyCalibration.NONE : frequencyCalibration(td, id, warnings)));
            }
            setChannels(sounder, list);
            transducerDepths.clear();
            for (int i = 0; i < list.size(); i++) {
                double[] s = settings.get(i);
                transducerDepths.put(i + 1, s[2]);
                handler.ek80Channel(i + 1, s[0], s[1], s[2]);
            }
        }

        /**
         * The transducer's {@code FrequencyPar} rows (broadband calibration), sorted by frequency; rows
         * without a finite frequency and gain are dropped with a warning, a repeated frequency keeps its
         * first row. A missing impedance is the nominal 75 Ω.
         */
        private static FrequencyCalibration frequencyCalibration(Element transducer, String channelId, List<String> warnings) {
            NodeList rows = transducer.getElementsByTagName("FrequencyPar");
            TreeMap<Double, double[]> byFrequency = new TreeMap<>();
            int dropped = 0;
            for (int i = 0; i < rows.getLength(); i++) {
                Map<String, String> row = attributes((Element) rows.item(i));
                double f = number(row, "Frequency");
                double g = number(row, "Gain");
                double z = number(row, "Impedance");
                if (!(Double.isFinite(f) && f > 0 && Double.isFinite(g))) {
                    dropped++;
                    continue;
                }
                byFrequency.putIfAbsent(f, new double[] {g, Double.isFinite(z) && z > 0 ? z : 75});
            }
            if (dropped > 0) {
                warnings.add(String.format(Locale.ROOT, "channel %s: %d FrequencyPar row(s) without a frequency or gain were ignored",
                        channelId, dropped));
            }
            double[] f = new double[byFrequency.size()];
            double[] g = new double[f.length];
            double[] z = new double[f.length];
            int i = 0;
            for (var e : byFrequency.entrySet()) {
                f[i] = e.getKey();
                g[i] = e.getValue()[0];
                z[i] = e.getValue()[1];
                i++;
            }
            return new FrequencyCalibration(f, g, z);
        }

        private static double[] doubles(String semicolonList) {
            if (semicolonList == null || semicolonList.isBlank()) {
                return new double[0];
            }
            String[] parts = semicolonList.split(";");
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    v[i] = Double.NaN;
                }
            }
            return v;
        }
    }
}
