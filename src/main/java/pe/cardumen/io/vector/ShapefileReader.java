package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;

/**
 * Reads ESRI Shapefiles (ESRI White Paper, July 1998): polygon shapes from {@code .shp} (types 5, 15
 * and 25; Z and M values are ignored), attributes from the dBASE {@code .dbf}, the CRS from the
 * {@code .prj} WKT (parsed by Apache SIS) and the text encoding from the {@code .cpg} (default
 * ISO-8859-1, the dBASE convention).
 *
 * <p>Outer rings are clockwise and holes counter-clockwise; each hole is attached to the outer ring
 * that contains it. A record whose geometry cannot be built is rejected with its record number.
 */
public final class ShapefileReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "shapefile";

    private static final int FILE_CODE = 9994;
    private final GeometryFactory factory = new GeometryFactory();

    /** Whether the file is named {@code .shp} and starts with the shapefile file code 9994. */
    public static boolean probe(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp") || Files.size(file) < 100) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
            ch.read(b, 0);
            return b.getInt(0) == FILE_CODE;
        }
    }

    /**
     * Reads the layer.
     *
     * @param shp the {@code .shp} file; the {@code .dbf} and {@code .prj} must sit beside it
     * @throws FileFormatException when a companion file is missing, the header is wrong, the shape type
     *                             is not polygon, or the CRS is unknown
     */
    public VectorLayer read(Path shp) throws IOException, FileFormatException {
        Path dbf = sibling(shp, "dbf");
        Path prj = sibling(shp, "prj");
        if (dbf == null) {
            throw new FileFormatException(shp, "", "the attribute file " + stem(shp) + ".dbf is missing; copy all the shapefile's files together");
        }
        if (prj == null) {
            throw new FileFormatException(shp, "", "the projection file " + stem(shp) + ".prj is missing, so the coordinates cannot be placed; "
                    + "define the layer's CRS in QGIS and save it again");
        }
        CoordinateReferenceSystem crs;
        String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
        try {
            crs = CRS.fromWKT(wkt);
        } catch (FactoryException | RuntimeException e) {
            throw new FileFormatException(prj, "", "the CRS cannot be understood (" + e.getMessage() + "); save the layer in WGS 84 (EPSG:4326)", e);
        }
        LonLatReprojection reprojection;
        try {
            reprojection = LonLatReprojection.from(crs);
        } catch (FactoryException e) {
            throw new FileFormatException(prj, "", "no conversion from " + crs.getName().getCode() + " to WGS 84 is known", e);
        }
        Path cpg = sibling(shp, "cpg");
        Charset charset = StandardCharsets.ISO_8859_1;
        if (cpg != null) {
            String name = Files.readString(cpg, StandardCharsets.US_ASCII).trim();
            try {
                charset = Charset.forName(name.equalsIgnoreCase("UTF8") ? "UTF-8" : name);
            } catch (RuntimeException e) {
                // an unknown code page: keep dBASE's default and say so
                charset = StandardCharsets.ISO_8859_1;
            }
        }
        DbfTable table = DbfTable.read(dbf, charset);

        List<VectorFeature> features = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(shp));
        if (data.limit() < 100 || data.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw new FileFormatException(shp, "byte 0", "not a shapefile (file code is not 9994)");
        }
        long declaredBytes = 2L * data.order(ByteOrder.BIG_ENDIAN).getInt(24);
        int shapeType = data.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (shapeType != 5 && shapeType != 15 && shapeType != 25) {
            throw new FileFormatException(shp, "byte 32", "shape type " + shapeType + " is not a polygon type (5, 15 or 25); zones must be polygons");
        }
        List<String> warnings = new ArrayList<>();
        if (declaredBytes != data.limit()) {
            warnings.add("header says " + declaredBytes + " bytes but the file has " + data.limit() + "; records past the end are lost");
        }
        int pos = 100;
        int record = 0;
        while (pos + 8 <= data.limit()) {
            int recordNumber = data.order(ByteOrder.BIG_ENDIAN).getInt(pos);
            long declared = 2L * data.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4);
            int start = pos + 8;
            int here = record++;
            if (declared < 4 || start + declared > data.limit()) {
                rejects.add(new Reject("record " + recordNumber + " (byte " + pos + ")", "declares " + declared
                        + " bytes but the file ends first; the file is truncated or corrupt"));
                break;
            }
            int contentBytes = (int) declared;
            pos = start + contentBytes;
            Map<String, Object> attributes = here < table.rows().size() ? table.rows().get(here) : new LinkedHashMap<>();
            if (here >= table.rows().size()) {
                warnings.add("record " + recordNumber + " has no row in the .dbf");
            }
            if (table.deleted().contains(here)) {
                rejects.add(new Reject("record " + recordNumber, "its .dbf row is flagged deleted"));
                continue;
            }
            ByteBuffer rec = data.slice(start, contentBytes).order(ByteOrder.LITTLE_ENDIAN);
            int type = rec.getInt(0);
            if (type == 0) {
                rejects.add(new Reject("record " + recordNumber, "has a null shape"));
                continue;
            }
            try {
                Geometry g = reprojection.apply(polygon(rec));
                features.add(new VectorFeature(here, g, attributes));
            } catch (RuntimeException | TransformException e) {
                rejects.add(new Reject("record " + recordNumber + " (byte " + (start - 8) + ")", "polygon cannot be built: " + e.getMessage()));
            }
        }
        if (table.rows().size() > record) {
            warnings.add("the .dbf has " + table.rows().size() + " rows but the .shp only " + record + " shapes");
        }
        if (!reprojection.isIdentity()) {
            warnings.add("reprojected from " + crs.getName().getCode() + " to WGS 84 longitude/latitude");
        }
        Provenance provenance = new Provenance(shp.getFileName().toString(), Files.size(shp), FileDigest.sha256(shp), NAME,
                AppInfo.version(), Instant.now());
        return new VectorLayer(stem(shp), crs.getName().getCode(), table.fieldNames(), new ImportResult<>(features, rejects, warnings, provenance));
    }

    private Geometry polygon(ByteBuffer rec) {
        int numParts = rec.getInt(36);
        int numPoints = rec.getInt(40);
        if (numParts < 1 || numPoints < 4 || 44 + 4L * numParts + 16L * numPoints > rec.limit()) {
            throw new IllegalArgumentException(numParts + " parts and " + numPoints + " points do not fit in the record");
        }
        int pointsAt = 44 + 4 * numParts;
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            int from = rec.getInt(44 + 4 * p);
            int to = p + 1 < numParts ? rec.getInt(44 + 4 * (p + 1)) : numPoints;
            if (from < 0 || to > numPoints || to - from < 4) {
                throw new IllegalArgumentException("part " + p + " has points " + from + ".." + to);
            }
            Coordinate[] cs = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                cs[i - from] = new Coordinate(rec.getDouble(pointsAt + 16 * i), rec.getDouble(pointsAt + 16 * i + 8));
            }
            LinearRing ring = factory.createLinearRing(cs);
            if (Orientation.isCCW(cs)) {
                holes.add(ring);
            } else {
                shells.add(ring);
            }
        }
        if (shells.isEmpty()) {
            // some writers ignore the orientation rule: treat every ring as an outer ring
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Polygon> shellPolys = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            shellPolys.add(factory.createPolygon(s));
        }
        for (LinearRing h : holes) {
            for (int i = 0; i < shellPolys.size(); i++) {
                if (shellPolys.get(i).contains(factory.createPoint(h.getCoordinateN(0))) || shellPolys.get(i).covers(h)) {
                    holesOf.get(i).add(h);
                    break;
                }
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polys[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polys.length == 1 ? polys[0] : factory.createMultiPolygon(polys);
    }

    private static String stem(Path shp) {
        return shp.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /** The companion file with the given extension, in either case; {@code null} when absent. */
    private static Path sibling(Path shp, String ext) {
        Path dir = shp.toAbsolutePath().getParent();
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = dir.resolve(stem(shp) + "." + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
