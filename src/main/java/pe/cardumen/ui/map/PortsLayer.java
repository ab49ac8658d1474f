package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import pe.cardumen.geo.Ports;

/**
 * Ports as small dark squares, labelled on the land side (east of the point, Peru's coast faces west).
 * Labels are placed most important first and a label that would overlap one already placed is left
 * out (its square stays), so the map never shows text over text.
 */
public final class PortsLayer implements MapLayer {
    private static final Color MARK = new Color(0x2B2F33);
    private static final Color LABEL = new Color(0x1F2428);
    private static final Color HALO = new Color(255, 255, 255, 210);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private final List<Ports.Port> ports;
    private final MapProjection projection;

    /** @param ports most important first */
    public PortsLayer(List<Ports.Port> ports, MapProjection projection) {
        this.ports = List.copyOf(ports);
        this.projection = projection;
    }

    /** The labels this view shows, in drawing order, with their screen boxes (for tests and the overlay). */
    List<Placed> place(MapViewport v, FontMetrics fm) {
        List<Placed> placed = new ArrayList<>();
        for (Ports.Port p : ports) {
            double[] w = projection.project(p.lon(), p.lat());
            int x = (int) Math.round(v.screenX(w[0]));
            int y = (int) Math.round(v.screenY(w[1]));
            if (x < -50 || y < -20 || x > v.width() + 50 || y > v.height() + 20) {
                continue;
            }
            Rectangle box = new Rectangle(x + 6, y - fm.getAscent() / 2 - 1, fm.stringWidth(p.name()) + 2, fm.getHeight());
            boolean free = placed.stream().noneMatch(q -> q.label() != null && q.label().intersects(box));
            placed.add(new Placed(p, x, y, free ? box : null));
        }
        return placed;
    }

    /** A port on screen; {@code label} is null when its label was left out to avoid an overlap. */
    record Placed(Ports.Port port, int x, int y, Rectangle label) {
    }

    @Override
    public void paint(Graphics2D g, MapFrame frame) {
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (Placed p : place(frame.viewport(), fm)) {
            g.setColor(Color.WHITE);
            g.fillRect(p.x() - 3, p.y() - 3, 7, 7);
            g.setColor(MARK);
            g.fillRect(p.x() - 2, p.y() - 2, 5, 5);
            if (p.label() != null) {
                int tx = p.label().x + 1;
                int ty = p.y() + fm.getAscent() / 2 - 1;
                g.setColor(HALO);
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        g.drawString(p.port().name(), tx + dx, ty + dy);
                    }
                }
                g.setColor(LABEL);
                g.drawString(p.port().name(), tx, ty);
            }
        }
    }
}
