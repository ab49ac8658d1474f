package pe.cardumen.geo;

import java.nio.file.Path;
import java.util.List;

/**
 * An imported zone layer that cannot be used as it is: a missing code field, invalid geometries or
 * duplicate codes. The message lists every problem (the first 20) with the feature it concerns.
 */
public class ZoneLayerException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 20;

    private final List<String> problems;

    public ZoneLayerException(Path file, List<String> problems) {
        super(format(file, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(Path file, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "zone layer" : file.getFileName()).append(": cannot be used as the zone layer (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        problems.stream().limit(LISTED).forEach(p -> sb.append("\n  - ").append(p));
        if (problems.size() > LISTED) {
            sb.append("\n  … and ").append(problems.size() - LISTED).append(" more");
        }
        sb.append("\nThe current zones are unchanged. Fix the layer (QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries; check the code field) and import it again.");
        return sb.toString();
    }
}
