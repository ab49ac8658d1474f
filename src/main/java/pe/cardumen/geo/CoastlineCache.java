package pe.cardumen.geo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The bundled coastline as built — mainland, islands, land and sea — kept as a class-path resource, so
 * that a start does not parse 175 kB of GeoJSON and node, polygonise and cut the working box (≈ 0.7 s
 * on a cold JVM, on the start-up's critical path) for a result that never changes. The geometries are
 * exactly those {@link Coastline#bundled} builds (WKB doubles); a test rebuilds them from the GeoJSON
 * and compares, so the resource cannot drift from the code. It is used only when its key — the SHA-256
 * of both GeoJSON resources, the working box and {@link #VERSION} — matches; otherwise the coast is
 * built from the GeoJSON.
 *
 * <p>Format: gzip of {@code "CARDUMEN-COAST"}, the key, the mainland, the island count and each island,
 * the land and the sea, each geometry as a length-prefixed WKB (Java {@link DataOutputStream} encoding).
 */
public final class CoastlineCache {
    /** File name of the bundled coast (a class-path resource beside this class). */
    public static final String RESOURCE = "coastline-peru.bin.gz";
    /** Raised whenever {@link Coastline}'s construction changes. */
    static final int VERSION = 1;
    private static final String MAGIC = "CARDUMEN-COAST";

    private CoastlineCache() {
    }

    /** The key the bundled coast is stored under. */
    public static String key() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Coastline.bundledBytes(Coastline.BUNDLED_COASTLINE));
            sha.update(Coastline.bundledBytes(Coastline.BUNDLED_LAND));
            return HexFormat.of().formatHex(sha.digest()) + "|" + Coastline.WORKING_BOX + "|version " + VERSION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled coast when it was stored under {@code key}; empty otherwise (the caller builds it). */
    static Optional<Coastline> bundled(String key) throws IOException {
        try (InputStream in = CoastlineCache.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in, key);
        }
    }

    /** Reads a coast written by {@link #write}; empty when its key is not {@code key}. */
    static Optional<Coastline> read(InputStream raw, String key) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) {
            return Optional.empty();
        }
        WKBReader wkb = new WKBReader();
        try {
            LineString mainland = (LineString) geometry(in, wkb);
            int n = in.readInt();
            List<Polygon> islands = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                islands.add((Polygon) geometry(in, wkb));
            }
            Geometry land = geometry(in, wkb);
            Geometry sea = geometry(in, wkb);
            return Optional.of(Coastline.of(mainland, islands, land, sea));
        } catch (ParseException | ClassCastException e) {
            throw new IOException("the bundled coastline (" + RESOURCE + ") is damaged; reinstall Cardumen", e);
        }
    }

    private static Geometry geometry(DataInputStream in, WKBReader wkb) throws IOException, ParseException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new ParseException("geometry of " + length + " bytes");
        }
        byte[] g = new byte[length];
        in.readFully(g);
        return wkb.read(g);
    }

    /** Writes a coast under {@code key}. */
    public static void write(Coastline coast, String key, OutputStream raw) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            WKBWriter wkb = new WKBWriter(2);
            geometry(out, wkb, coast.mainland());
            out.writeInt(coast.islands().size());
            for (Polygon p : coast.islands()) {
                geometry(out, wkb, p);
            }
            geometry(out, wkb, coast.land());
            geometry(out, wkb, coast.sea());
        }
    }

    private static void geometry(DataOutputStream out, WKBWriter wkb, Geometry g) throws IOException {
        byte[] b = wkb.write(g);
        out.writeInt(b.length);
        out.write(b);
    }
}
