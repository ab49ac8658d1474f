package pe.cardumen.io.grid;

import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;
import pe.cardumen.io.FileFormatException;

/**
 * GeoTIFF rasters on a geographic (longitude/latitude) CRS, read with the TwelveMonkeys TIFF plugin —
 * which decodes Float32 with LZW and the horizontal predictor correctly, where Apache SIS 1.6 silently
 * does not (STACK.md). Georeferencing from the GeoTIFF tags ModelPixelScale (33550), ModelTiepoint
 * (33922) and GeoKeyDirectory (34735); nodata from GDAL_NODATA (42113). Each band is a time step; the
 * dates come from the caller (a GeoTIFF has no standard place for them).
 *
 * <p>The raster is presented as variables {@code band_data(time, lat, lon)} (or the NetCDF variable's
 * name GDAL recorded), {@code lat}, {@code lon} and {@code time} so that {@link CfGrid} treats it like a
 * NetCDF grid. The variable's units and standard name and the band dates come from GDAL's metadata
 * tag when GDAL wrote the file from a NetCDF source ({@link GdalMetadata}); dates given by the user
 * take precedence. Not thread-safe.
 */
public final class GeoTiffGridSource implements GridSource {
    private final Path file;
    private final Raster raster;
    private final Map<String, NcVariable> variables = new LinkedHashMap<>();
    private final Map<String, Integer> dimensions = new LinkedHashMap<>();
    private final double[] lat;
    private final double[] lon;
    private final double[] time;
    /** For a projected raster, the pixel (row × width + column) of each output cell, −1 outside; null when geographic. */
    private final int[] pixelOf;
    private final String crs;

    /** Whether the file starts with a TIFF byte-order mark and magic number. */
    public static boolean probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42));
        }
    }

    /**
     * Reads the raster.
     *
     * @param dates the date of each band, or {@code null} when unknown (the steps then have no time)
     * @throws FileFormatException when the file is not a readable TIFF, lacks georeferencing, is rotated or
     *                             on a projected CRS, or the dates do not match the bands
     */
    public static GeoTiffGridSource open(Path file, List<Instant> dates) throws IOException, FileFormatException {
        ImageIO.scanForPlugins();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = null;
            while (readers.hasNext()) {
                ImageReader r = readers.next();
                if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
                    reader = r;
                    break;
                }
            }
            if (reader == null) {
                throw new FileFormatException(file, "byte 0", "is not a TIFF file the reader understands");
            }
            try {
                reader.setInput(in);
                IIOMetadata md = reader.getImageMetadata(0);
                Map<Integer, List<String>> tags = tags(md.getAsTree(md.getNativeMetadataFormatName()));
                Raster raster = reader.readRaster(0, null);
                return new GeoTiffGridSource(file, raster, tags, dates);
            } catch (IOException | RuntimeException e) {
                // the decoder's own words (e.g. "Corrupted TIFF LZW: code 2038") with the file and what to do; a
                // decoder's internal failure on a damaged tag (a ClassCastException, say) only says the tags are damaged
                String why = e instanceof IOException || (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException))
                        ? e.getMessage() : "its tag directory is damaged";
                throw new FileFormatException(file, "", "cannot be decoded as TIFF (" + why + "); the file is damaged or truncated — "
                        + "export it again (gdal_translate reads what can be saved)", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The TIFF fields as text values by tag number. */
    private static Map<Integer, List<String>> tags(Node root) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Map<Integer, List<String>> out) {
        if ("TIFFField".equals(n.getNodeName())) {
            int number = Integer.parseInt(n.getAttributes().getNamedItem("number").getNodeValue());
            List<String> values = new ArrayList<>();
            values(n, values);
            out.put(number, values);
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, out);
        }
    }

    private static void values(Node n, List<String> out) {
        if (n.getAttributes() != null && n.getAttributes().getNamedItem("value") != null && !"TIFFField".equals(n.getNodeName())) {
            out.add(n.getAttributes().getNamedItem("value").getNodeValue());
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            values(c, out);
        }
    }

    private GeoTiffGridSource(Path file, Raster raster, Map<Integer, List<String>> tags, List<Instant> dates) throws FileFormatException {
        this.file = file;
        this.raster = raster;
        List<String> scale = tags.get(33550);
        List<String> tie = tags.get(33922);
        if (scale == null || tie == null || tie.size() < 6) {
            throw new FileFormatException(file, "GeoTIFF tags", "has no ModelPixelScale/ModelTiepoint, so its cells cannot be placed; "
                    + "is it a GeoTIFF? (ModelTransformation rasters are not supported)");
        }
        List<String> keys = tags.getOrDefault(34735, List.of());
        int modelType = geoKey(keys, 1024);
        int rasterType = geoKey(keys, 1025);
        double sx = Double.parseDouble(scale.get(0));
        double sy = Double.parseDouble(scale.get(1));
        double ti = Double.parseDouble(tie.get(0));
        double tj = Double.parseDouble(tie.get(1));
        double tx = Double.parseDouble(tie.get(3));
        double ty = Double.parseDouble(tie.get(4));
        double centre = rasterType == 2 ? 0 : 0.5; // PixelIsPoint tie points are already at centres
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        // pixel-centre coordinates in the file's CRS
        double[] xs = new double[w];
        double[] ys = new double[h];
        for (int c = 0; c < w; c++) {
            xs[c] = tx + (c + centre - ti) * sx;
        }
        for (int r = 0; r < h; r++) {
            ys[r] = ty - (r + centre - tj) * sy;
        }
        if (modelType == 1) {
            GeoTiffResampling rs = GeoTiffResampling.toGeographic(file, geoKey(keys, 3072), xs, ys);
            lon = rs.lon();
            lat = rs.lat();
            pixelOf = rs.pixelOf();
            crs = rs.crs();
        } else {
            lon = xs;
            lat = ys;
            pixelOf = null;
            crs = "EPSG:4326";
        }
        int nLat = lat.length;
        int nLon = lon.length;
        if (dates != null && dates.size() != bands) {
            throw new FileFormatException(file, "", dates.size() + " dates given for " + bands + " bands");
        }
        List<String> gdal = tags.get(42112);
        GdalMetadata meta = GdalMetadata.parse(gdal == null || gdal.isEmpty() ? null : gdal.get(0));
        // dates given by the user win; else those GDAL kept from a NetCDF source (NETCDF_DIM_time per band, time#units)
        String timeUnits = meta.dataset().get("time#units");
        boolean metaDates = dates == null && timeUnits != null;
        time = new double[bands];
        for (int b = 0; b < bands && metaDates; b++) {
            String v = meta.band(b, "NETCDF_DIM_time");
            try {
                time[b] = Double.parseDouble(v);
            } catch (NumberFormatException | NullPointerException e) {
                metaDates = false;
            }
        }
        for (int b = 0; b < bands && !metaDates; b++) {
            time[b] = dates == null ? b : dates.get(b).getEpochSecond();
        }
        dimensions.put("time", bands);
        dimensions.put("lat", nLat);
        dimensions.put("lon", nLon);
        Map<String, Object> timeAtts = new LinkedHashMap<>();
        timeAtts.put("axis", "T");
        if (dates != null) {
            timeAtts.put("units", "seconds since 1970-01-01T00:00:00Z");
        } else if (metaDates) {
            timeAtts.put("units", timeUnits);
            if (meta.dataset().get("time#calendar") != null) {
                timeAtts.put("calendar", meta.dataset().get("time#calendar"));
            }
        }
        variables.put("time", new NcVariable("time", List.of("time"), new int[] {bands}, timeAtts, 6, -1, false));
        variables.put("lat", new NcVariable("lat", List.of("lat"), new int[] {nLat}, Map.of("units", "degrees_north", "axis", "Y"), 6, -1, false));
        variables.put("lon", new NcVariable("lon", List.of("lon"), new int[] {nLon}, Map.of("units", "degrees_east", "axis", "X"), 6, -1, false));
        Map<String, Object> atts = new LinkedHashMap<>();
        for (String a : List.of("units", "standard_name", "long_name")) {
            if (meta.band(0, a) != null) {
                atts.put(a, meta.band(0, a));
            }
        }
        List<String> nodata = tags.get(42113);
        if (nodata != null && !nodata.isEmpty()) {
            try {
                atts.put("_FillValue", new double[] {Double.parseDouble(nodata.get(0).trim())});
            } catch (NumberFormatException e) {
                // a nodata of "nan" needs no fill value: NaN is missing anyway
            }
        }
        String name = meta.band(0, "NETCDF_VARNAME");
        if (name == null || name.isBlank() || variables.containsKey(name)) {
            name = "band_data";
        }
        variables.put(name, new NcVariable(name, List.of("time", "lat", "lon"), new int[] {bands, nLat, nLon}, atts, 5, -1, false));
    }

    /** A GeoKey's value from the GeoKeyDirectory (header of 4 shorts, then 4 shorts per key), or 0. */
    private static int geoKey(List<String> dir, int key) {
        for (int i = 4; i + 3 < dir.size(); i += 4) {
            if (Integer.parseInt(dir.get(i)) == key && Integer.parseInt(dir.get(i + 1)) == 0) {
                return Integer.parseInt(dir.get(i + 3));
            }
        }
        return 0;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return pixelOf == null ? "GeoTIFF" : "GeoTIFF (" + crs + ", resampled to longitude/latitude)";
    }

    @Override
    public Map<String, Integer> dimensions() {
        return dimensions;
    }

    @Override
    public Map<String, NcVariable> variables() {
        return variables;
    }

    @Override
    public double[] readAll(NcVariable v) throws FileFormatException {
        switch (v.name()) {
            case "lat":
                return lat.clone();
            case "lon":
                return lon.clone();
            case "time":
                return time.clone();
            default:
                throw new FileFormatException(file, v.name(), "read the bands one at a time");
        }
    }

    @Override
    public double[] readSlice(NcVariable v, int band) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        double[] pixels = new double[w * h];
        raster.getSamples(0, 0, w, h, band, pixels);
        if (pixelOf == null) {
            return pixels;
        }
        double[] out = new double[pixelOf.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = pixelOf[k] < 0 ? Double.NaN : pixels[pixelOf[k]];
        }
        return out;
    }

    /** The file's CRS ({@code EPSG:4326} or the projected one it was resampled from). */
    public String crs() {
        return crs;
    }

    @Override
    public void close() {
        // the raster is in memory; nothing to release
    }
}
