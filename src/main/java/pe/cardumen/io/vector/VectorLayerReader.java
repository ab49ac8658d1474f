package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;

/** Reads a polygon layer file with the {@link pe.cardumen.io.FormatRegistry}'s vector provider that recognises it. */
public final class VectorLayerReader {
    /**
     * Reads a GeoJSON ({@code .geojson}/{@code .json}), GeoPackage ({@code .gpkg}) or Shapefile
     * ({@code .shp}) layer.
     *
     * @param table for a GeoPackage with several feature tables, the one to read; otherwise {@code null}
     * @throws FileFormatException when the file is missing, empty, of another format or unreadable
     */
    public VectorLayer read(Path file, String table) throws IOException, FileFormatException {
        if (!Files.isRegularFile(file)) {
            throw new FileFormatException(file, "", "does not exist or is not a file");
        }
        if (Files.size(file) == 0) {
            throw new FileFormatException(file, "", "is empty (0 bytes)");
        }
        var provider = pe.cardumen.io.FormatRegistry.standard().best(file, pe.cardumen.io.FormatKind.VECTOR);
        if (provider.isPresent()) {
            return provider.get().open(file, new pe.cardumen.io.OpenOptions(null, table, null));
        }
        throw new FileFormatException(file, "", "is not a GeoJSON, GeoPackage or Shapefile polygon layer "
                + "(checked the name and the first bytes); export the layer in one of those formats");
    }
}
