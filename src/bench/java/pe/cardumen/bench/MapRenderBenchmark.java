package pe.cardumen.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.render.BaseMapLayer;
import pe.cardumen.render.Choropleth;
import pe.cardumen.render.ColourRamp;
import pe.cardumen.render.GraticuleLayer;
import pe.cardumen.render.MapFrame;
import pe.cardumen.render.MapLayer;
import pe.cardumen.render.MapProjection;
import pe.cardumen.render.MapRenderer;
import pe.cardumen.ui.map.MapView;
import pe.cardumen.render.MapViewport;
import pe.cardumen.render.WorldShapes;
import pe.cardumen.render.ZonesLayer;

/**
 * One map frame at 1600×1000 with every zone drawn (land/sea, 930 AIP cells with a choropleth and
 * outlines, graticule), as the map view renders it on its background thread. Sample-time mode gives
 * the median and p95.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MapRenderBenchmark {
    /** "peru": the whole grid in view; "zoomed": 8× closer, on Callao. */
    @Param({"peru", "zoomed"})
    public String view;

    /** "none", or "oisst": the first day of the bundled OISST file drawn under the zones (outlines only). */
    @Param({"none", "oisst"})
    public String raster;

    private List<MapLayer> layers;
    private MapFrame frame;
    private final MapRenderer renderer = new MapRenderer();

    @Setup
    public void setUp() throws Exception {
        Services services = Services.standard();
        Coastline coast = services.coastline();
        ZoneLayer zones = services.generateZones(ProgressListener.NONE, CancellationToken.NONE);
        MapProjection projection = new MapProjection();
        List<Geometry> geoms = new ArrayList<>();
        double[] values = new double[zones.size()];
        int i = 0;
        for (Zone z : zones.zones()) {
            geoms.add(z.geometry());
            values[i++] = z.areaNmi2();
        }
        WorldShapes shapes = new WorldShapes(geoms, projection);
        ZonesLayer zonesLayer = new ZonesLayer(shapes, values, Choropleth.quantiles("Area (nmi²)", values, 5, ColourRamp.YELLOW_GREEN_BLUE));
        if ("oisst".equals(raster)) {
            java.nio.file.Path nc = java.nio.file.Path.of(System.getProperty("cardumen.sampleData", "sample-data"),
                    "satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
            try (pe.cardumen.io.grid.CfGrid g = pe.cardumen.io.grid.CfGrid.open(nc, null)) {
                float[] day = g.step(0);
                layers = List.of(new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), projection),
                        new pe.cardumen.render.RasterLayer(g.latitudes(), g.longitudes(), day,
                                pe.cardumen.render.RasterLegend.of("SST (°C)", day, false, ColourRamp.THERMAL), projection),
                        zonesLayer.outlinesOnly(), new GraticuleLayer(projection));
            }
        } else {
            layers = List.of(new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), projection), zonesLayer, new GraticuleLayer(projection));
        }
        Envelope peru = MapView.PERU;
        double[] sw = projection.project(peru.getMinX(), peru.getMinY());
        double[] ne = projection.project(peru.getMaxX(), peru.getMaxY());
        MapViewport v = MapViewport.fit(new Envelope(sw[0], ne[0], sw[1], ne[1]), 1600, 1000, 0);
        if ("zoomed".equals(view)) {
            double[] callao = projection.project(-77.3, -12.1);
            v = new MapViewport(callao[0], callao[1], v.metresPerPixel() / 8, 1600, 1000);
        }
        frame = new MapFrame(v);
        renderer.render(layers, frame); // builds the simplified paths for this zoom level once
    }

    @Benchmark
    public BufferedImage renderFrame() {
        return renderer.render(layers, frame);
    }
}
