package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;

/** Picks the reader for a polygon layer file by probing it, then reads it. */
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
        if (GeoPackageVectorReader.probe(file)) {
            return new GeoPackageVectorReader().read(file, table);
        }
        if (ShapefileReader.probe(file)) {
            return new ShapefileReader().read(file);
        }
        if (GeoJsonReader.probe(file)) {
            return new GeoJsonReader().read(file);
        }
        throw new FileFormatException(file, "", "is not a GeoJSON, GeoPackage or Shapefile polygon layer "
                + "(checked the name and the first bytes); export the layer in one of those formats");
    }
}
