package pe.cardumen.io.vector;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import pe.cardumen.domain.ImportResult;

/**
 * A polygon (or other) layer read from a GeoJSON, GeoPackage or Shapefile, reprojected to WGS 84
 * longitude/latitude.
 *
 * @param name       the layer's name (file stem or GeoPackage table)
 * @param crsName    the source coordinate reference system as the file declared it
 * @param fieldNames attribute field names in file order
 * @param result     the features read, the rejected ones and the file's provenance
 */
public record VectorLayer(String name, String crsName, List<String> fieldNames, ImportResult<VectorFeature> result) {
    public VectorLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(crsName, "crsName");
        fieldNames = List.copyOf(fieldNames);
        Objects.requireNonNull(result, "result");
    }

    /** The features accepted by the reader. */
    public List<VectorFeature> features() {
        return result.accepted();
    }

    /** Whether the layer has a field of that name, matched case-insensitively. */
    public boolean hasField(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return fieldNames.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(f));
    }
}
