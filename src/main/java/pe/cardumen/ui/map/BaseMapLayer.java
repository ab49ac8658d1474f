package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Land and sea: everything is land-coloured except the drawn sea ({@link pe.cardumen.geo.Coastline#drawnSea()}:
 * the Pacific west of the mainland and the open ocean beyond it),
 * Peru is filled a little lighter than its neighbours, and the mainland coast is stroked.
 */
public final class BaseMapLayer implements MapLayer {
    static final Color LAND = new Color(0xE4DED1);
    static final Color PERU = new Color(0xF3EEE2);
    static final Color SEA = new Color(0xD4E6F1);
    static final Color COAST = new Color(0x5B6770);

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
    public void paint(Graphics2D g, MapFrame frame) {
        MapViewport v = frame.viewport();
        g.setColor(LAND);
        g.fillRect(0, 0, v.width(), v.height());
        AffineTransform saved = g.getTransform();
        g.transform(frame.worldToScreen());
        double mpp = v.metresPerPixel();
        g.setColor(SEA);
        for (Path2D.Float p : sea.paths(mpp)) {
            g.fill(p);
        }
        g.setColor(PERU);
        for (Path2D.Float p : peru.paths(mpp)) {
            g.fill(p);
        }
        g.setColor(COAST);
        g.setStroke(new BasicStroke((float) (1.2 * mpp)));
        for (Path2D.Float p : coast.paths(mpp)) {
            g.draw(p);
        }
        g.setTransform(saved);
    }
}
