package pe.cardumen.workspace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes and decodes the GeoPackage geometry blob (OGC 12-128r18 §2.1.3): the {@code GP} header with
 * version, flags, SRS id and envelope, followed by ISO well-known binary.
 */
public final class GeoPackageGeometry {
    private GeoPackageGeometry() {
    }

    /**
     * Encodes a geometry with an XY envelope, little-endian.
     *
     * @param g     a 2-D geometry
     * @param srsId the {@code gpkg_spatial_ref_sys} id of the geometry's CRS
     */
    public static byte[] encode(Geometry g, int srsId) {
        byte[] wkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN).write(g);
        boolean empty = g.isEmpty();
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer b = ByteBuffer.allocate(8 + envelopeBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = 0x01; // little-endian header
        if (empty) {
            flags |= 0x10;
        } else {
            flags |= 0x02; // envelope [minx, maxx, miny, maxy]
        }
        b.put((byte) flags);
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    /**
     * Decodes a GeoPackage geometry blob.
     *
     * @throws ParseException when the blob is not a standard GeoPackage geometry (wrong magic, an
     *                        extended geometry type, or corrupt WKB)
     */
    public static Geometry decode(byte[] blob) throws ParseException {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new ParseException("not a GeoPackage geometry blob (no 'GP' magic)");
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            throw new ParseException("extended GeoPackage geometry types are not supported");
        }
        int envelopeCode = (flags >> 1) & 0x07;
        int envelopeBytes;
        switch (envelopeCode) {
            case 0: envelopeBytes = 0; break;
            case 1: envelopeBytes = 32; break;
            case 2: case 3: envelopeBytes = 48; break;
            case 4: envelopeBytes = 64; break;
            default: throw new ParseException("invalid GeoPackage envelope code " + envelopeCode);
        }
        int offset = 8 + envelopeBytes;
        if (blob.length <= offset) {
            throw new ParseException("GeoPackage geometry blob is truncated");
        }
        byte[] wkb = new byte[blob.length - offset];
        System.arraycopy(blob, offset, wkb, 0, wkb.length);
        return new WKBReader().read(wkb);
    }

    /** The SRS id stored in a blob's header. */
    public static int srsId(byte[] blob) {
        ByteOrder order = (blob[3] & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    }
}
