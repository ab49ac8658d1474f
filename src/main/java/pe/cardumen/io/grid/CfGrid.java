package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pe.cardumen.io.FileFormatException;

/**
 * A CF-conventions grid variable of a NetCDF-3 or NetCDF-4 file (CF Conventions 1.x): its time, latitude and longitude
 * axes and its values, unpacked ({@code scale_factor}, {@code add_offset}), masked ({@code _FillValue},
 * {@code missing_value}, {@code valid_min}/{@code valid_max}/{@code valid_range}, compared on the packed
 * values as CF says) and in normalised units: sea temperature in °C (Kelvin converted), chlorophyll-a
 * in mg m⁻³. Extra singleton dimensions ({@code zlev}) are taken at index 0. Longitudes are given in
 * −180…180 whatever the file uses; latitudes in the file's order (ascending or descending).
 *
 * <p>Not thread-safe; close it (it closes its file).
 */
public final class CfGrid implements AutoCloseable {
    /** Names and standard names recognised as sea-surface temperature. */
    public static final Set<String> SST = Set.of("sst", "analysed_sst", "sea_surface_temperature", "sea_surface_foundation_temperature",
            "sea_surface_skin_temperature", "sea_water_temperature");
    /** Names and standard names recognised as chlorophyll-a concentration. */
    public static final Set<String> CHLOROPHYLL = Set.of("chlor_a", "chla", "chlorophyll", "mass_concentration_of_chlorophyll_a_in_sea_water");

    private final GridSource nc;
    private final NcVariable variable;
    private final double[] lat;
    private final double[] lon;
    private final Instant[] times;
    private final int latIndex;
    private final int lonIndex;
    private final int timeIndex;
    private final String unit;
    private final double unitOffset;
    private final List<String> warnings = new ArrayList<>();
    private int skippedRows;

    private CfGrid(GridSource nc, NcVariable variable) throws IOException, FileFormatException {
        this.nc = nc;
        this.variable = variable;
        Path file = nc.file();
        int lat = -1;
        int lon = -1;
        int time = -1;
        List<String> dims = variable.dimensions();
        for (int i = 0; i < dims.size(); i++) {
            NcVariable c = nc.variables().get(dims.get(i));
            String axis = c == null ? "" : kind(c);
            switch (axis) {
                case "Y": lat = i; break;
                case "X": lon = i; break;
                case "T": time = i; break;
                default:
                    if (variable.shape()[i] > 1) {
                        warnings.add("dimension " + dims.get(i) + " has " + variable.shape()[i] + " values; only the first is read");
                    }
            }
        }
        if (lat < 0 || lon < 0) {
            throw new FileFormatException(file, variable.name(), "has no latitude/longitude coordinate variables (looked for axis Y/X, "
                    + "standard_name latitude/longitude, units degrees_north/east); is it on a regular lat/lon grid?");
        }
        if (lat != dims.size() - 2 || lon != dims.size() - 1) {
            throw new FileFormatException(file, variable.name(), "its last two dimensions must be latitude and longitude, found " + dims);
        }
        if (time > 0) {
            throw new FileFormatException(file, variable.name(), "time must be the first dimension, found " + dims);
        }
        this.latIndex = lat;
        this.lonIndex = lon;
        this.timeIndex = time;
        this.lat = nc.readAll(nc.variables().get(dims.get(lat)));
        double[] lons = nc.readAll(nc.variables().get(dims.get(lon)));
        for (int i = 0; i < lons.length; i++) {
            if (lons[i] > 180) {
                lons[i] -= 360;
            }
        }
        this.lon = lons;
        if (time >= 0) {
            NcVariable t = nc.variables().get(dims.get(time));
            double[] raw = nc.readAll(t);
            if (raw.length == 0) {
                throw new FileFormatException(file, t.name(), "the time axis is empty");
            }
            times = new Instant[raw.length];
            if (t.text("units") == null && "T".equals(t.text("axis"))) {
                warnings.add(raw.length + " time steps without dates; supply them (e.g. --dates for a GeoTIFF)");
            } else {
                CfTime cf;
                try {
                    cf = CfTime.parse(t.text("units") == null ? "" : t.text("units"), t.text("calendar"));
                } catch (IllegalArgumentException e) {
                    throw new FileFormatException(file, t.name(), e.getMessage(), e);
                }
                for (int i = 0; i < raw.length; i++) {
                    try {
                        if (!Double.isFinite(raw[i])) {
                            throw new ArithmeticException("not a number");
                        }
                        times[i] = cf.toInstant(raw[i]);
                        if (times[i].getEpochSecond() < -62135596800L || times[i].getEpochSecond() > 253402300799L) {
                            throw new ArithmeticException("outside the years 1–9999");
                        }
                    } catch (ArithmeticException | java.time.DateTimeException e) {
                        throw new FileFormatException(file, t.name() + "[" + i + "]", "time value " + raw[i] + " (" + t.text("units")
                                + ") is not a date (" + e.getMessage() + "); the file is damaged");
                    }
                }
            }
        } else {
            times = new Instant[] {null};
        }
        String units = variable.text("units") == null ? "" : variable.text("units").trim();
        String u = units.toLowerCase(Locale.ROOT);
        if (u.equals("k") || u.equals("kelvin") || u.equals("degk") || u.equals("deg_k") || u.equals("degrees_kelvin")) {
            unit = "°C";
            unitOffset = -273.15;
        } else if (u.startsWith("degree_c") || u.startsWith("degrees_c") || u.equals("celsius") || u.equals("degc") || u.equals("deg_c") || u.equals("°c")) {
            unit = "°C";
            unitOffset = 0;
        } else if (u.replace(" ", "").replace("^", "").matches("mgm-?3|mg/m3|mg\\.m-3")) {
            unit = "mg m⁻³";
            unitOffset = 0;
        } else {
            unit = units.isEmpty() ? "unknown" : units;
            unitOffset = 0;
            if (isSst(variable) || isChlorophyll(variable) || nc instanceof GeoTiffGridSource) {
                warnings.add(units.isEmpty() ? variable.name() + " has no units; values are shown as stored"
                        : "units '" + units + "' of " + variable.name() + " are not recognised; values are shown unconverted");
            }
        }
    }

    /**
     * Opens a grid variable.
     *
     * @param name the variable, or {@code null} for the first SST or chlorophyll variable (else the first
     *             variable with latitude and longitude dimensions)
     * @throws FileFormatException when the file has no such variable or no lat/lon grid
     */
    public static CfGrid open(Path file, String name) throws IOException, FileFormatException {
        return open(file, name, null);
    }

    /**
     * Opens a grid variable of a NetCDF-3, NetCDF-4 or GeoTIFF file.
     *
     * @param dates for a GeoTIFF, the date of each band (or {@code null}); ignored for NetCDF
     */
    public static CfGrid open(Path file, String name, java.util.List<Instant> dates) throws IOException, FileFormatException {
        // the grid formats of the registry; a file none of them recognises goes to the NetCDF reader, whose message says what is wrong
        var provider = pe.cardumen.io.FormatRegistry.standard().best(file, pe.cardumen.io.FormatKind.GRID);
        GridSource nc = provider.isPresent() ? provider.get().open(file, new pe.cardumen.io.OpenOptions(null, null, dates)) : NetcdfClassicFile.open(file);
        List<String> skippedRows = nc instanceof ErddapCsvGridSource csv ? csv.skipped() : List.of();
        try {
            NcVariable v = name == null ? choose(nc) : nc.variables().get(name);
            if (v == null) {
                throw new FileFormatException(file, "", name == null ? "has no gridded variable" : "has no variable '" + name + "'; it has "
                        + nc.variables().keySet());
            }
            CfGrid grid = new CfGrid(nc, v);
            skippedRows.forEach(r -> grid.warnings.add("skipped " + r));
            grid.skippedRows = skippedRows.size();
            return grid;
        } catch (FileFormatException | IOException | RuntimeException e) {
            nc.close();
            throw e;
        }
    }

    private static NcVariable choose(GridSource nc) {
        NcVariable fallback = null;
        for (NcVariable v : nc.variables().values()) {
            if (v.dimensions().size() < 2 || nc.variables().containsKey(v.name()) && v.dimensions().contains(v.name())) {
                continue;
            }
            if (isSst(v) || isChlorophyll(v)) {
                return v;
            }
            if (fallback == null) {
                fallback = v;
            }
        }
        return fallback;
    }

    static boolean isSst(NcVariable v) {
        return SST.contains(v.name().toLowerCase(Locale.ROOT)) || SST.contains(String.valueOf(v.text("standard_name")));
    }

    static boolean isChlorophyll(NcVariable v) {
        return CHLOROPHYLL.contains(v.name().toLowerCase(Locale.ROOT)) || CHLOROPHYLL.contains(String.valueOf(v.text("standard_name")));
    }

    /** X, Y, T, Z or "" for a coordinate variable. */
    static String kind(NcVariable c) {
        String axis = String.valueOf(c.text("axis")).toUpperCase(Locale.ROOT);
        String sn = String.valueOf(c.text("standard_name")).toLowerCase(Locale.ROOT);
        String units = String.valueOf(c.text("units")).toLowerCase(Locale.ROOT);
        String name = c.name().toLowerCase(Locale.ROOT);
        if (axis.equals("X") || sn.equals("longitude") || units.startsWith("degrees_east") || units.equals("degree_east") || name.equals("lon")
                || name.equals("longitude")) {
            return "X";
        }
        if (axis.equals("Y") || sn.equals("latitude") || units.startsWith("degrees_north") || units.equals("degree_north") || name.equals("lat")
                || name.equals("latitude")) {
            return "Y";
        }
        if (axis.equals("T") || sn.equals("time") || CfTime.isTimeUnits(c.text("units"))) {
            return "T";
        }
        if (axis.equals("Z")) {
            return "Z";
        }
        return "";
    }

    public String variableName() {
        return variable.name();
    }

    /** The normalised unit: {@code °C}, {@code mg m⁻³} or the file's own. */
    public String unit() {
        return unit;
    }

    /** Latitudes, degrees, in the file's order. */
    public double[] latitudes() {
        return lat.clone();
    }

    /** Longitudes, degrees −180…180, in the file's order. */
    public double[] longitudes() {
        return lon.clone();
    }

    /** The time of each step (a single {@code null} when the variable has no time axis). */
    public Instant[] times() {
        return times.clone();
    }

    /** Rows of a text grid (ERDDAP CSV) that were skipped, each with a warning naming its line. */
    public int skippedRows() {
        return skippedRows;
    }

    /** Problems tolerated (unknown units, non-singleton extra dimensions). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The file's format, e.g. {@code NetCDF classic} or {@code NetCDF-4/HDF5}. */
    public String format() {
        return nc.format();
    }

    /** The NetCDF file's dimensions. */
    public Map<String, Integer> dimensions() {
        return nc.dimensions();
    }

    /** All variables of the file with their units, for {@code satellite info}. */
    public Map<String, NcVariable> variables() {
        return nc.variables();
    }

    /**
     * The values of time step t, lat-major ({@code [latIndex * nLon + lonIndex]}), in the normalised unit;
     * NaN where missing.
     */
    public float[] step(int t) throws IOException, FileFormatException {
        double[] raw = timeIndex >= 0 ? nc.readSlice(variable, t) : nc.readAll(variable);
        int n = lat.length * lon.length;
        if (raw.length < n) {
            throw new FileFormatException(nc.file(), variable.name() + ", step " + (t + 1), "holds " + raw.length + " values but its "
                    + lat.length + " latitudes × " + lon.length + " longitudes need " + n + "; the file is inconsistent or truncated");
        }
        double scale = variable.numbers("scale_factor") == null ? 1 : variable.number("scale_factor");
        double offset = variable.numbers("add_offset") == null ? 0 : variable.number("add_offset");
        double fill = variable.number("_FillValue");
        double missing = variable.number("missing_value");
        double vmin = variable.number("valid_min");
        double vmax = variable.number("valid_max");
        double[] range = variable.numbers("valid_range");
        if (range != null && range.length == 2) {
            vmin = range[0];
            vmax = range[1];
        }
        // a float32 variable's fill value is compared at float precision, as GDAL and netCDF do: a fill
        // written as text ("-3.4e+38", "-9.99") is the double nearest the text, not the float stored in the pixels
        boolean float32 = variable.type() == 5;
        if (float32) {
            fill = (float) fill;
            missing = (float) missing;
        }
        float[] out = new float[n];
        // leading singleton (or first-index) dimensions: the slice starts with the grid we want
        for (int i = 0; i < n; i++) {
            double r = float32 ? (float) raw[i] : raw[i];
            boolean bad = Double.isNaN(r) || r == fill || r == missing || (!Double.isNaN(vmin) && r < vmin) || (!Double.isNaN(vmax) && r > vmax)
                    || (Double.isNaN(fill) && float32 && r >= 9.96921e36);
            out[i] = bad ? Float.NaN : (float) (r * scale + offset + unitOffset);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        nc.close();
    }
}
