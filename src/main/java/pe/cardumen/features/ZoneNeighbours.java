package pe.cardumen.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.ZoneCode;

/**
 * Which zones border which. AIP cells border the cells one distance band in or out in the same
 * half-degree, and the cells of the same band one half-degree north or south (their code says so);
 * zones of an imported layer without AIP codes border the zones whose polygons share an edge with theirs.
 */
public final class ZoneNeighbours {
    private static final double TOLERANCE_DEGREES = 1e-6;
    private static final double MIN_EDGE_DEGREES = 1e-3;

    private ZoneNeighbours() {
    }

    /** The neighbours of each zone, by code, in the zones' order. */
    public static Map<String, List<String>> of(List<Zone> zones) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean aip = zones.stream().allMatch(z -> ZoneCode.isValid(z.code()));
        if (aip) {
            Map<ZoneCode, String> byCode = new HashMap<>();
            zones.forEach(z -> byCode.put(ZoneCode.parse(z.code()), z.code()));
            for (Zone z : zones) {
                ZoneCode c = ZoneCode.parse(z.code());
                int half = c.degreesSouth() * 2 + (c.southernHalf() ? 1 : 0);
                List<String> n = new ArrayList<>();
                for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
                    int dist = c.distanceClass() + d[0];
                    int h = half + d[1];
                    if (dist < 1 || h < 0) {
                        continue;
                    }
                    try {
                        String code = byCode.get(new ZoneCode(dist, h / 2, h % 2 == 1));
                        if (code != null) {
                            n.add(code);
                        }
                    } catch (IllegalArgumentException outsideTheGrid) {
                        // a band or latitude the code cannot express has no zone
                    }
                }
                out.put(z.code(), n);
            }
            return out;
        }
        // layers drawn cell by cell leave hair-line gaps and overlaps, so a zone grown by about 10 cm finds
        // its neighbours; a shared edge of at least ~0.001° then overlaps by far more than a shared corner
        for (Zone z : zones) {
            List<String> n = new ArrayList<>();
            var grown = z.geometry().buffer(TOLERANCE_DEGREES);
            var envelope = grown.getEnvelopeInternal();
            for (Zone o : zones) {
                if (o != z && envelope.intersects(o.geometry().getEnvelopeInternal()) && grown.intersects(o.geometry())
                        && grown.intersection(o.geometry()).getArea() > TOLERANCE_DEGREES * MIN_EDGE_DEGREES) {
                    n.add(o.code());
                }
            }
            out.put(z.code(), n);
        }
        return out;
    }
}
