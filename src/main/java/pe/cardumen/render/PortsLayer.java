package pe.cardumen.render;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import pe.cardumen.geo.Ports;

/**
 * Ports as small dark squares, labelled on the land side (east of the point, Peru's coast faces west).
 * Labels are placed most important first and a label that would overlap one already placed is left
 * out (its square stays), so the map never shows text over text.
 */
public final class PortsLayer implements MapLayer {
    static final int MARK = 0xFF2B2F33;
    private static final int LABEL = 0xFF1F2428;
    private static final int HALO = 0xD2FFFFFF;
    private static final TextStyle FONT = new TextStyle(11, true);

    private final List<Ports.Port> ports;
    private final MapProjection projection;

    /** @param ports most important first */
    public PortsLayer(List<Ports.Port> ports, MapProjection projection) {
        this.ports = List.copyOf(ports);
        this.projection = projection;
    }

    /** The labels this view shows on a canvas, in drawing order, with their boxes (for tests and the overlay). */
    List<Placed> place(MapViewport v, MapCanvas c) {
        double px = c.pixel();
        TextStyle font = FONT.scaled(px);
        double ascent = c.ascent(font);
        double height = ascent + c.descent(font);
        List<Placed> placed = new ArrayList<>();
        for (Ports.Port p : ports) {
            double[] w = projection.project(p.lon(), p.lat());
            double x = Math.round(v.screenX(w[0]) / px) * px;
            double y = Math.round(v.screenY(w[1]) / px) * px;
            if (x < -50 * px || y < -20 * px || x > v.width() + 50 * px || y > v.height() + 20 * px) {
                continue;
            }
            Rectangle2D box = new Rectangle2D.Double(x + 6 * px, y - ascent / 2 - px, c.textWidth(p.name(), font) + 2 * px, height);
            boolean free = placed.stream().noneMatch(q -> q.label() != null && q.label().intersects(box));
            placed.add(new Placed(p, x, y, free ? box : null));
        }
        return placed;
    }

    /** A port on the canvas; {@code label} is null when its label was left out to avoid an overlap. */
    record Placed(Ports.Port port, double x, double y, Rectangle2D label) {
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        double px = c.pixel();
        TextStyle font = FONT.scaled(px);
        double ascent = c.ascent(font);
        for (Placed p : place(frame.viewport(), c)) {
            c.fillRect(p.x() - 3 * px, p.y() - 3 * px, 7 * px, 7 * px, 0xFFFFFFFF);
            c.fillRect(p.x() - 2 * px, p.y() - 2 * px, 5 * px, 5 * px, MARK);
            if (p.label() != null) {
                c.haloText(p.port().name(), p.label().getX() + px, p.y() + ascent / 2 - px, font, LABEL, HALO);
            }
        }
    }
}
