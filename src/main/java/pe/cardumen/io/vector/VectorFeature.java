package pe.cardumen.io.vector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a vector layer after reading: its position in the file, its geometry in WGS 84
 * longitude/latitude degrees, and its attributes by field name (values are {@link String},
 * {@link Number}, {@link Boolean} or {@code null}).
 *
 * @param index      zero-based position of the feature in the file
 * @param geometry   geometry in WGS 84 lon/lat; never mutated
 * @param attributes attribute values in the file's field order
 */
public record VectorFeature(int index, Geometry geometry, Map<String, Object> attributes) {
    public VectorFeature {
        Objects.requireNonNull(geometry, "geometry");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * The value of a field, matched case-insensitively.
     *
     * @return the value, or {@code null} when the field is absent or empty
     */
    public Object attribute(String field) {
        if (attributes.containsKey(field)) {
            return attributes.get(field);
        }
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }
}
