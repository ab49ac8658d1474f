package pe.cardumen.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.GeoJsonReader;
import pe.cardumen.io.vector.VectorFeature;
import pe.cardumen.io.vector.VectorLayer;

/**
 * The coast the assessment measures distances from, and the land and sea around it, in WGS 84
 * longitude/latitude degrees.
 *
 * <ul>
 *   <li>The <b>mainland</b> coast is the longest line obtained by merging the open coastline features;
 *       distances from the coast are measured to it alone, as IMARPE does (islands such as Lobos de
 *       Afuera do not start new distance bands).</li>
 *   <li><b>Islands</b> are the closed coastline rings; they are removed from the sea.</li>
 *   <li>The <b>sea</b> is the part of the working box west of the mainland, minus the islands.</li>
 *   <li>The <b>land</b> polygon (Peru) is only drawn.</li>
 * </ul>
 */
public final class Coastline {
    /** Longitude/latitude box within which the sea polygon is built, degrees. */
    static final Envelope WORKING_BOX = new Envelope(-95, -66, -28, 2);

    private final LineString mainland;
    private final List<Polygon> islands;
    private final Geometry land;
    private final Geometry sea;
    private final PreparedGeometry preparedSea;
    private volatile Geometry drawnSea;

    private Coastline(LineString mainland, List<Polygon> islands, Geometry land, Geometry sea) {
        this.mainland = mainland;
        this.islands = List.copyOf(islands);
        this.land = land;
        this.sea = sea;
        this.preparedSea = PreparedGeometryFactory.prepare(sea);
    }

    /** A coast from its parts, as {@link CoastlineCache} stores them. */
    static Coastline of(LineString mainland, List<Polygon> islands, Geometry land, Geometry sea) {
        return new Coastline(mainland, islands, land, sea);
    }

    /**
     * Loads a coastline and a land layer from GeoJSON files (e.g. Natural Earth's 10 m coastline and a
     * country polygon).
     *
     * @param coastlineFile GeoJSON of coastline LineStrings: open lines form the mainland, closed
     *                      rings are islands
     * @param landFile      GeoJSON of land polygons, used for drawing
     * @throws FileFormatException when a file is not GeoJSON or contains no usable mainland line
     */
    public static Coastline load(Path coastlineFile, Path landFile) throws IOException, FileFormatException {
        GeoJsonReader reader = new GeoJsonReader();
        return build(reader.read(coastlineFile), reader.read(landFile), coastlineFile);
    }

    /**
     * The coastline and land bundled inside the application (Natural Earth 1:10m coast and 1:50m
     * Peru polygon, public domain): available wherever the application runs, with or without
     * its {@code sample-data/} folder.
     *
     * @throws IOException when the resources are missing from the class path (a broken build)
     */
    public static Coastline bundled() throws IOException {
        Optional<Coastline> stored = CoastlineCache.bundled(CoastlineCache.key());
        return stored.isPresent() ? stored.get() : buildBundled();
    }

    /** The bundled coastline built from its GeoJSON, never the stored copy (what the test of the copy compares it with). */
    public static Coastline buildBundled() throws IOException {
        GeoJsonReader reader = new GeoJsonReader();
        try {
            return build(reader.read(BUNDLED_COASTLINE, bundledBytes(BUNDLED_COASTLINE)),
                    reader.read(BUNDLED_LAND, bundledBytes(BUNDLED_LAND)), Path.of(BUNDLED_COASTLINE));
        } catch (FileFormatException e) {
            throw new IOException("the bundled coastline cannot be read: " + e.getMessage(), e);
        }
    }

    /** File name of the bundled Natural Earth 10 m coastline (a class-path resource beside this class). */
    public static final String BUNDLED_COASTLINE = "ne_10m_coastline_peru_bbox.geojson";
    /** File name of the bundled Natural Earth 50 m Peru land polygon (a class-path resource beside this class). */
    public static final String BUNDLED_LAND = "ne_50m_peru_land.geojson";

    /**
     * The bytes of a bundled layer, {@link #BUNDLED_COASTLINE} or {@link #BUNDLED_LAND}.
     *
     * @throws IOException when the resource is missing
     */
    public static byte[] bundledBytes(String name) throws IOException {
        try (java.io.InputStream in = Coastline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the application's class path; reinstall Cardumen");
            }
            return in.readAllBytes();
        }
    }

    private static Coastline build(VectorLayer coast, VectorLayer landLayer, Path coastlineFile) throws FileFormatException {
        GeometryFactory gf = new GeometryFactory();

        LineMerger merger = new LineMerger();
        List<Polygon> islands = new ArrayList<>();
        for (VectorFeature f : coast.features()) {
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                Geometry part = f.geometry().getGeometryN(i);
                if (part instanceof LineString) {
                    LineString line = (LineString) part;
                    if (line.isClosed() && line.getNumPoints() >= 4) {
                        islands.add(gf.createPolygon(line.getCoordinates()));
                    } else {
                        merger.add(line);
                    }
                }
            }
        }
        LineString mainland = null;
        for (Object o : merger.getMergedLineStrings()) {
            LineString l = (LineString) o;
            if (mainland == null || l.getLength() > mainland.getLength()) {
                mainland = l;
            }
        }
        if (mainland == null) {
            throw new FileFormatException(coastlineFile, "", "no open coastline LineString found; expected Natural Earth style coastline lines");
        }
        List<Geometry> landParts = new ArrayList<>();
        for (VectorFeature f : landLayer.features()) {
            landParts.add(f.geometry());
        }
        Geometry land = gf.buildGeometry(landParts);
        Geometry sea = buildSea(mainland, islands, gf);
        if (sea.isEmpty()) {
            throw new FileFormatException(coastlineFile, "", "the mainland coast does not separate land from sea within "
                    + WORKING_BOX + "; is this a coastline of Peru?");
        }
        return new Coastline(mainland, islands, land, sea);
    }

    /**
     * The sea west of the mainland inside the working box, minus the islands: the box is cut by the
     * coast and the face containing a point far offshore is kept.
     */
    private static Geometry buildSea(LineString mainland, List<Polygon> islands, GeometryFactory gf) {
        return cutSea(mainland, islands, gf, WORKING_BOX);
    }

    private static Geometry cutSea(LineString mainland, List<Polygon> islands, GeometryFactory gf, Envelope boxEnvelope) {
        Geometry box = gf.toGeometry(boxEnvelope);
        Geometry coastInBox = mainland.intersection(box);
        Geometry noded = coastInBox.union(box.getBoundary());
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        Point offshore = gf.createPoint(new Coordinate(-90, -12));
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        Geometry sea = gf.createPolygon();
        for (Polygon face : faces) {
            if (face.contains(offshore)) {
                sea = face;
            }
        }
        for (Polygon island : islands) {
            if (sea.intersects(island)) {
                sea = sea.difference(island);
            }
        }
        return sea;
    }

    /** The mainland coastline, lon/lat degrees, from which distances are measured. */
    public LineString mainland() {
        return mainland;
    }

    /** The islands (closed coastline rings), lon/lat degrees. */
    public List<Polygon> islands() {
        return islands;
    }

    /** The land polygons for drawing, lon/lat degrees. */
    public Geometry land() {
        return land;
    }

    /** The sea west of the mainland within the working box, islands removed, lon/lat degrees. */
    public Geometry sea() {
        return sea;
    }

    /**
     * The sea to draw over an area (lon/lat): within the working box it is {@link #sea()}, already
     * cut; a wider area needs {@link #drawnSea()}, which is cut on first use (half a second).
     */
    public Geometry seaToDraw(Envelope lonLat) {
        return WORKING_BOX.contains(lonLat) ? sea : drawnSea();
    }

    /**
     * Longitude/latitude box within which the sea is cut from the mainland line for drawing only: the
     * bundled line runs from central Chile (35.45° S) to Panama (8.35° N), so a box a little inside
     * those ends is cut into sea and land by it. The science uses {@link #sea()}, never this.
     */
    static final Envelope DRAWING_BOX = new Envelope(-95, -66, -35.4, 8.0);

    /**
     * Open ocean beyond {@link #DRAWING_BOX} that no coast reaches, as lon/lat boxes: everything west of
     * 95° W from 60° S to 10° N, off Mexico west of 100° W to 16° N (Acapulco lies at 99.9° W, 16.8° N)
     * and west of 106° W to 22° N (Cabo Corrientes 105.7° W; the tip of Baja California, 22.9° N, is
     * beyond), the Pacific off Central America and southern Mexico in steps that stay seaward of the
     * coast (west of 86° W at 8°–10° N, Costa Rica; 87° W to 12° N, Corinto lies at 87.2° W, 12.5° N;
     * 92.5° W to 14.5° N, Guatemala; 93° W to 15.6° N, the Gulf of Tehuantepec; 101.5° W to 17.3° N and
     * 103.7° W to 18.4° N, Guerrero and Michoacán), and off southern
     * Chile west of a stepped line that stays seaward of the coast and its outer islands (74° W to 38° S,
     * 75° W to 44° S, Guafo lies at 74.85° W; 76.2° W to 60° S, Taitao reaches 75.75° W). The bundled
     * coastline ends at 9° N and 35.4° S, so these steps rest on the capes' and towns' published
     * positions with a margin seaward, and only matter at the widest views. Oceanic islands under a few tens of km² inside
     * these boxes (Cocos, Juan Fernández, Clipperton, Revillagigedo) are not drawn; nothing east of them is
     * claimed as sea, so the Caribbean and the Atlantic stay in the land colour.
     */
    static final List<Envelope> OPEN_OCEAN = List.of(
            new Envelope(-180, -95, -60, 10),
            new Envelope(-180, -100, 10, 16),
            new Envelope(-180, -106, 16, 22),
            new Envelope(-95, -86, 8, 10),
            new Envelope(-100, -87, 10, 12),
            new Envelope(-100, -92.5, 12, 14.5),
            new Envelope(-100, -93, 14.5, 15.6),
            new Envelope(-106, -101.5, 16, 17.3),
            new Envelope(-106, -103.7, 17.3, 18.4),
            new Envelope(-95, -74.0, -38, -35.4),
            new Envelope(-95, -75.0, -44, -38),
            new Envelope(-95, -76.2, -60, -44));

    /**
     * The sea as the map draws it: the Pacific west of the mainland within {@link #DRAWING_BOX}, islands
     * removed, plus the {@link #OPEN_OCEAN} boxes, so that zooming out does not paint the ocean as land.
     * Its parts touch but do not overlap (they can be filled as one even-odd path). Built on first use.
     */
    public Geometry drawnSea() {
        Geometry d = drawnSea;
        if (d == null) {
            GeometryFactory gf = new GeometryFactory();
            List<Geometry> parts = new ArrayList<>();
            Geometry pacific = cutSea(mainland, islands, gf, DRAWING_BOX);
            for (int i = 0; i < pacific.getNumGeometries(); i++) {
                parts.add(pacific.getGeometryN(i));
            }
            for (Envelope box : OPEN_OCEAN) {
                parts.add(gf.toGeometry(box));
            }
            d = gf.buildGeometry(parts);
            drawnSea = d;
        }
        return d;
    }

    /** Whether the point (degrees) is at sea. */
    public boolean isAtSea(double lon, double lat) {
        return preparedSea.contains(new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    }
}
