package pe.cardumen.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import pe.cardumen.domain.Zone;

/**
 * Writes zones as an ESRI Shapefile (polygon type 5) with its {@code .shx} index, dBASE III
 * attributes (UTF-8, declared in the {@code .cpg}) and a WGS 84 {@code .prj}. Outer rings are written
 * clockwise and holes counter-clockwise as the specification requires.
 */
final class ShapefileWriter {
    private static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private record DbfField(String name, char type, int length, int decimals) {
    }

    private static final List<DbfField> FIELDS = List.of(
            new DbfField("code", 'C', 16, 0),
            new DbfField("stock", 'C', 16, 0),
            new DbfField("lat_min", 'N', 19, 9),
            new DbfField("lat_max", 'N', 19, 9),
            new DbfField("dist_min_n", 'N', 19, 6),
            new DbfField("dist_max_n", 'N', 19, 6),
            new DbfField("area_nmi2", 'N', 19, 6),
            new DbfField("centr_lon", 'N', 19, 9),
            new DbfField("centr_lat", 'N', 19, 9));

    void write(List<Zone> zones, Path shp) throws IOException {
        String stem = shp.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = shp.toAbsolutePath().getParent();
        List<byte[]> contents = new ArrayList<>();
        Envelope all = new Envelope();
        for (Zone z : zones) {
            contents.add(polygonRecord(z.geometry()));
            all.expandToInclude(z.geometry().getEnvelopeInternal());
        }
        int shpBytes = 100;
        for (byte[] c : contents) {
            shpBytes += 8 + c.length;
        }
        ByteBuffer shpBuf = header(shpBytes, all);
        ByteBuffer shxBuf = header(100 + 8 * contents.size(), all);
        int offset = 100;
        for (int i = 0; i < contents.size(); i++) {
            byte[] c = contents.get(i);
            shpBuf.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(c.length / 2);
            shpBuf.put(c);
            shxBuf.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(c.length / 2);
            offset += 8 + c.length;
        }
        writeAtomically(dir.resolve(stem + ".prj"), WGS84_PRJ.getBytes(StandardCharsets.US_ASCII));
        writeAtomically(dir.resolve(stem + ".cpg"), "UTF-8".getBytes(StandardCharsets.US_ASCII));
        writeAtomically(dir.resolve(stem + ".dbf"), dbf(zones));
        writeAtomically(dir.resolve(stem + ".shx"), shxBuf.array());
        writeAtomically(dir.resolve(stem + ".shp"), shpBuf.array());
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ByteBuffer header(int totalBytes, Envelope e) {
        ByteBuffer b = ByteBuffer.allocate(totalBytes);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt(totalBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5);
        b.putDouble(e.isNull() ? 0 : e.getMinX()).putDouble(e.isNull() ? 0 : e.getMinY());
        b.putDouble(e.isNull() ? 0 : e.getMaxX()).putDouble(e.isNull() ? 0 : e.getMaxY());
        for (int i = 0; i < 4; i++) {
            b.putDouble(0);
        }
        return b;
    }

    private static byte[] polygonRecord(Geometry g) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(oriented(p.getExteriorRing(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(oriented(p.getInteriorRingN(h), true));
            }
        }
        int points = rings.stream().mapToInt(r -> r.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = g.getEnvelopeInternal();
        b.putInt(5).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putInt(rings.size()).putInt(points);
        int start = 0;
        for (Coordinate[] r : rings) {
            b.putInt(start);
            start += r.length;
        }
        for (Coordinate[] r : rings) {
            for (Coordinate c : r) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }

    /** The ring's coordinates, clockwise for an outer ring and counter-clockwise for a hole. */
    private static Coordinate[] oriented(LinearRing ring, boolean hole) {
        Coordinate[] cs = ring.getCoordinates();
        boolean ccw = Orientation.isCCW(cs);
        if (ccw != hole) {
            Coordinate[] rev = new Coordinate[cs.length];
            for (int i = 0; i < cs.length; i++) {
                rev[i] = cs[cs.length - 1 - i];
            }
            return rev;
        }
        return cs;
    }

    private static byte[] dbf(List<Zone> zones) {
        int recordLength = 1 + FIELDS.stream().mapToInt(DbfField::length).sum();
        int headerLength = 32 + 32 * FIELDS.size() + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * zones.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        b.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth());
        b.putInt(zones.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.position(32);
        for (DbfField f : FIELDS) {
            byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
            byte[] padded = new byte[11];
            System.arraycopy(name, 0, padded, 0, Math.min(10, name.length));
            b.put(padded).put((byte) f.type()).putInt(0).put((byte) f.length()).put((byte) f.decimals());
            b.put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (Zone z : zones) {
            b.put((byte) ' ');
            Object[] values = {z.code(), z.stock().id(), z.latMinDegrees(), z.latMaxDegrees(), z.distMinNmi(), z.distMaxNmi(),
                z.areaNmi2(), z.centroidLon(), z.centroidLat()};
            for (int i = 0; i < FIELDS.size(); i++) {
                DbfField f = FIELDS.get(i);
                String text;
                if (values[i] instanceof Double) {
                    double d = (Double) values[i];
                    text = Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%" + f.length() + "." + f.decimals() + "f", d);
                } else {
                    text = values[i].toString();
                }
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                byte[] cell = new byte[f.length()];
                java.util.Arrays.fill(cell, (byte) ' ');
                int n = Math.min(bytes.length, f.length());
                if (f.type() == 'N') {
                    System.arraycopy(bytes, 0, cell, f.length() - n, n);
                } else {
                    System.arraycopy(bytes, 0, cell, 0, n);
                }
                b.put(cell);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
