package pe.cardumen.geo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;

/**
 * The generated AIP grid of the bundled coastline, kept as a class-path resource so that the first
 * start does not spend seconds of geodesic offsetting on a result that never changes. The file is
 * exactly what {@link ZoneGridGenerator} makes (geometries as WKB doubles, every attribute as a
 * double): a test regenerates the grid and compares them zone by zone, so the resource cannot drift
 * from the code. It is used only when its key — the coastline's SHA-256, the grid specification and
 * the generator's version — matches; otherwise the grid is generated.
 *
 * <p>Format: gzip of {@code "CARDUMEN-AIP"}, the key, the zone count, then per zone its code, stock
 * id, the seven numbers of {@link Zone} and its WKB (Java {@link DataOutputStream} encoding).
 */
public final class ZoneGridCache {
    /** File name of the bundled grid (a class-path resource beside this class). */
    public static final String RESOURCE = "aip-grid-peru.bin.gz";
    private static final String MAGIC = "CARDUMEN-AIP";

    private ZoneGridCache() {
    }

    /** The key a grid is stored under: the coast it was measured from, the specification, the generator's version. */
    public static String key(String coastlineSha256, GridSpec spec) {
        return coastlineSha256 + "|" + spec + "|generator " + ZoneGridGenerator.VERSION;
    }

    /** The bundled grid when it was made under {@code key}; empty otherwise (the caller generates it). */
    public static Optional<List<Zone>> bundled(String key) throws IOException {
        try (InputStream in = ZoneGridCache.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return read(in, key);
        }
    }

    /** Reads a grid written by {@link #write}; empty when its key is not {@code key}. */
    static Optional<List<Zone>> read(InputStream raw, String key) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) {
            return Optional.empty();
        }
        int n = in.readInt();
        List<Zone> zones = new ArrayList<>(n);
        WKBReader wkb = new WKBReader();
        for (int i = 0; i < n; i++) {
            String code = in.readUTF();
            String stockId = in.readUTF();
            Stock stock = Stock.NORTH_CENTRE.id().equals(stockId) ? Stock.NORTH_CENTRE : Stock.SOUTH;
            double[] v = new double[7];
            for (int k = 0; k < 7; k++) {
                v[k] = in.readDouble();
            }
            byte[] g = new byte[in.readInt()];
            in.readFully(g);
            try {
                zones.add(new Zone(code, stock, v[0], v[1], v[2], v[3], v[4], v[5], v[6], wkb.read(g)));
            } catch (ParseException e) {
                throw new IOException("the bundled AIP grid is damaged at zone " + code + "; reinstall Cardumen", e);
            }
        }
        return Optional.of(zones);
    }

    /** Writes a grid under {@code key}. */
    public static void write(List<Zone> zones, String key, OutputStream raw) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeInt(zones.size());
            WKBWriter wkb = new WKBWriter(2);
            for (Zone z : zones) {
                out.writeUTF(z.code());
                out.writeUTF(z.stock().id());
                for (double d : new double[] {z.latMinDegrees(), z.latMaxDegrees(), z.distMinNmi(), z.distMaxNmi(), z.areaNmi2(), z.centroidLon(),
                        z.centroidLat()}) {
                    out.writeDouble(d);
                }
                byte[] g = wkb.write(z.geometry());
                out.writeInt(g.length);
                out.write(g);
            }
        }
    }

    /** SHA-256 of the bundled coastline, the first part of the key. */
    public static String bundledCoastlineSha256() throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Coastline.bundledBytes(Coastline.BUNDLED_COASTLINE));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
