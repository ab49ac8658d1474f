package pe.cardumen.render;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Land and sea: everything is land-coloured except the drawn sea ({@link pe.cardumen.geo.Coastline#drawnSea()}:
 * the Pacific west of the mainland and the open ocean beyond it),
 * Peru is filled a little lighter than its neighbours, and the mainland coast is stroked.
 */
public final class BaseMapLayer implements MapLayer {
    public static final int LAND = 0xFFE4DED1;
    public static final int PERU = 0xFFF3EEE2;
    public static final int SEA = 0xFFD4E6F1;
    public static final int COAST = 0xFF5B6770;

    private final WorldShapes sea;
    private final WorldShapes peru;
    private final WorldShapes coast;

    /**
     * @param sea     the sea polygon, lon/lat
     * @param peru    Peru's land polygon, lon/lat
     * @param coast   the mainland coastline, lon/lat
     */
    public BaseMapLayer(Geometry sea, Geometry peru, Geometry coast, MapProjection projection) {
        this.sea = new WorldShapes(List.of(sea), projection);
        this.peru = new WorldShapes(List.of(peru), projection);
        this.coast = new WorldShapes(List.of(coast), projection);
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        MapViewport v = frame.viewport();
        c.fillRect(0, 0, v.width(), v.height(), LAND);
        var toCanvas = frame.worldToScreen();
        double mpp = v.metresPerPixel() * c.detail();
        // sea and land meet where the coast is stroked, which hides the filled edge
        sea.paths(mpp).forEach(p -> c.fillTiles(p, toCanvas, SEA));
        peru.paths(mpp).forEach(p -> c.fillTiles(p, toCanvas, PERU));
        coast.paths(mpp).forEach(p -> c.stroke(p, toCanvas, COAST, 1.2 * c.pixel()));
    }
}
