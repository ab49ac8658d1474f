package pe.cardumen.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Point;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.GeoJsonReader;
import pe.cardumen.io.vector.VectorFeature;

/**
 * The ports of Peru's coast the map labels, from Natural Earth's 1:10m ports layer (public domain; see
 * the resources' README). Natural Earth lists seven Peruvian ports; Paita, Salaverry and the smaller
 * fishing harbours are not in it and are not added by hand.
 */
public final class Ports {
    /** File name of the bundled subset (a class-path resource beside this class). */
    public static final String BUNDLED = "ne_10m_ports_peru.geojson";

    /**
     * A port.
     *
     * @param name      as Natural Earth spells it
     * @param lon       degrees east
     * @param lat       degrees north
     * @param scalerank Natural Earth's rank: smaller is more important (labelled first when labels collide)
     */
    public record Port(String name, double lon, double lat, int scalerank) {
    }

    private Ports() {
    }

    /**
     * The bundled ports, most important first.
     *
     * @throws IOException when the resource is missing or damaged (a broken build)
     */
    public static List<Port> bundled() throws IOException {
        List<Port> ports = new ArrayList<>();
        try {
            for (VectorFeature f : new GeoJsonReader().read(BUNDLED, Coastline.bundledBytes(BUNDLED)).features()) {
                Point p = (Point) f.geometry();
                Object rank = f.attribute("scalerank");
                ports.add(new Port(String.valueOf(f.attribute("name")), p.getX(), p.getY(),
                        rank instanceof Number ? ((Number) rank).intValue() : 10));
            }
        } catch (FileFormatException | ClassCastException e) {
            throw new IOException("the bundled ports cannot be read: " + e.getMessage(), e);
        }
        ports.sort(Comparator.comparingInt(Port::scalerank).thenComparing(Port::name));
        return List.copyOf(ports);
    }
}
