package pe.cardumen.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.ZoneCode;
import pe.cardumen.io.vector.GeometryTransform;

/**
 * Generates IMARPE's áreas isoparalitorales from a coastline (DOMAIN.md §2; Gutiérrez &amp;
 * Peraltilla 1999).
 *
 * <p>Method, per 30′ latitude band:
 * <ol>
 *   <li>Project the mainland coast within reach of the band (the band ± the grid's outer distance
 *       + 30′) and the band's sea with an ellipsoidal azimuthal equidistant projection centred on the
 *       band's mid-latitude, 150 nmi west of the coast, so that every point involved lies within
 *       ~450 nmi of the centre.</li>
 *   <li>Offset the projected coast by 10, 20, … nmi (JTS buffers, {@link GridSpec#arcSegmentsPerQuadrant()}
 *       segments per quarter circle); cell {@code k} is the band's sea inside offset {@code k} and
 *       outside offset {@code k−1}.</li>
 *   <li>Project the cells back to lon/lat and measure their geodesic area on the ellipsoid.</li>
 * </ol>
 * The distance from a cell edge to the coast therefore differs from the true geodesic distance only by
 * the projection's scale error and the chord error of the offset arcs; {@code ZoneGridAccuracyTest}
 * measures it against SIS geodesics and the README states the figure.
 *
 * <p>Bands are generated in parallel; the method is thread-safe and deterministic.
 */
public final class ZoneGridGenerator {
    /** Distance west of the coast at which each band's projection is centred, nmi. */
    private static final double PROJECTION_OFFSET_NMI = 150;
    /** Densification step for straight edges before projecting, degrees. */
    private static final double DENSIFY_DEGREES = 0.01;
    /** Cells smaller than this are slivers from numerical noise and are dropped, nmi². */
    private static final double MIN_CELL_AREA_NMI2 = 0.01;

    /** The {@link ZoneLayer#source()} of a generated grid. */
    public static final String SOURCE = "generated AIP grid";
    /**
     * The method's version, part of {@link ZoneGridCache}'s key: raise it whenever a change alters the
     * cells (and regenerate the bundled grid, as {@code ZoneGridCacheTest} says).
     */
    public static final int VERSION = 1;

    private final GeometryFactory factory = new GeometryFactory();

    /**
     * Generates every cell of the grid.
     *
     * @param coast    the coast to measure distances from
     * @param spec     the grid's extent and resolution
     * @param progress told after each latitude band
     * @param cancel   checked between bands
     * @return the cells, ordered north to south and coast to offshore
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public ZoneLayer generate(Coastline coast, GridSpec spec, ProgressListener progress, CancellationToken cancel) {
        List<double[]> bands = latitudeBands(spec);
        AtomicInteger done = new AtomicInteger();
        List<List<Zone>> perBand = IntStream.range(0, bands.size()).parallel().mapToObj(i -> {
            cancel.throwIfCancelled();
            double[] b = bands.get(i);
            List<Zone> zones = generateBand(coast, spec, b[0], b[1], b[2]);
            progress.progress(done.incrementAndGet(), bands.size(), String.format(java.util.Locale.ROOT, "latitude band %.1f°S", -b[2]));
            return zones;
        }).toList();
        List<Zone> all = new ArrayList<>();
        perBand.forEach(all::addAll);
        return new ZoneLayer(SOURCE, all);
    }

    /** The grid's latitude bands as {north edge, south edge, nominal north edge of the 30′ band}, north first. */
    static List<double[]> latitudeBands(GridSpec spec) {
        List<double[]> bands = new ArrayList<>();
        double nominalNorth = Math.ceil(spec.northLimitDegrees() * 2 - 1e-9) / 2.0;
        for (double n = nominalNorth; n > spec.southLimitDegrees() + 1e-9; n -= ZoneCode.LATITUDE_BAND_DEGREES) {
            double north = Math.min(n, spec.northLimitDegrees());
            double south = n - ZoneCode.LATITUDE_BAND_DEGREES;
            if (north - south > 1e-9) {
                bands.add(new double[] {north, south, n});
            }
        }
        return bands;
    }

    private List<Zone> generateBand(Coastline coast, GridSpec spec, double north, double south, double nominalNorth) {
        double maxNmi = spec.distanceBands() * ZoneCode.DISTANCE_BAND_NMI;
        double reachDegrees = maxNmi / 60.0 + 0.5;
        double lat0 = (north + south) / 2;

        Geometry bandBox = factory.toGeometry(new Envelope(Coastline.WORKING_BOX.getMinX(), Coastline.WORKING_BOX.getMaxX(), south, north));
        Geometry bandSea = coast.sea().intersection(bandBox);
        if (bandSea.isEmpty()) {
            return List.of();
        }
        double coastLon = westernCoastLongitude(coast.mainland(), lat0, bandSea);
        double lon0 = coastLon - PROJECTION_OFFSET_NMI / 60.0 / Math.cos(Math.toRadians(lat0));
        MathTransform toMetres = Geodesy.azimuthalEquidistant(lat0, lon0);

        Geometry reachBox = factory.toGeometry(new Envelope(Coastline.WORKING_BOX.getMinX(), Coastline.WORKING_BOX.getMaxX(),
                south - reachDegrees, north + reachDegrees));
        Geometry coastNear = coast.mainland().intersection(reachBox);
        try {
            Geometry seaM = GeometryTransform.apply(Densifier.densify(bandSea, DENSIFY_DEGREES), toMetres);
            Geometry coastM = GeometryTransform.apply(coastNear, toMetres);
            MathTransform toDegrees = toMetres.inverse();

            BufferParameters params = new BufferParameters(spec.arcSegmentsPerQuadrant());
            List<Zone> zones = new ArrayList<>();
            Geometry remaining = seaM;
            Stock stock = Stock.atLatitude(lat0);
            for (int k = 1; k <= spec.distanceBands() && !remaining.isEmpty(); k++) {
                Geometry offset = BufferOp.bufferOp(coastM, k * ZoneCode.DISTANCE_BAND_NMI * Geodesy.METRES_PER_NMI, params);
                Geometry cellM = remaining.intersection(offset);
                remaining = remaining.difference(offset);
                if (cellM.isEmpty()) {
                    continue;
                }
                Geometry cell = GeometryTransform.apply(polygonal(cellM), toDegrees);
                double area = Geodesy.areaNmi2(cell);
                if (area < MIN_CELL_AREA_NMI2) {
                    continue;
                }
                ZoneCode code = ZoneCode.of(k, nominalNorth);
                Point centroid = cell.getCentroid();
                zones.add(new Zone(code.toString(), stock, south, north, code.distanceMinNmi(), code.distanceMaxNmi(),
                        area, centroid.getX(), centroid.getY(), cell));
            }
            return zones;
        } catch (TransformException e) {
            throw new IllegalStateException("projection failed for band " + north + "…" + south + ": " + e.getMessage(), e);
        }
    }

    /** Keeps only the polygons of an overlay result (drops stray lines and points). */
    private Geometry polygonal(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.Polygonal) {
            return g;
        }
        List<Geometry> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof org.locationtech.jts.geom.Polygonal) {
                polys.add(part);
            }
        }
        return factory.buildGeometry(polys);
    }

    /** The longitude where the coast meets the band's sea furthest west at the given latitude. */
    private double westernCoastLongitude(LineString mainland, double lat, Geometry bandSea) {
        Geometry parallel = factory.createLineString(new Coordinate[] {
            new Coordinate(Coastline.WORKING_BOX.getMinX(), lat), new Coordinate(Coastline.WORKING_BOX.getMaxX(), lat)});
        Geometry hits = mainland.intersection(parallel);
        double best = Double.NaN;
        for (Coordinate c : hits.getCoordinates()) {
            if (!(c.x >= best)) {
                best = Double.isNaN(best) ? c.x : Math.min(best, c.x);
            }
        }
        return Double.isNaN(best) ? bandSea.getEnvelopeInternal().getMaxX() : best;
    }
}
