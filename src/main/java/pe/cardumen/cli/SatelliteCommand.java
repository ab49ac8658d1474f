package pe.cardumen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.io.grid.NcVariable;
import pe.cardumen.ocean.ZonalStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen satellite info|zonal}: gridded ocean data (NetCDF classic so far). */
@Command(name = "satellite", mixinStandardHelpOptions = true, description = "Satellite and model grids: SST, chlorophyll-a (NetCDF-3, NetCDF-4, GeoTIFF).",
        subcommands = {SatelliteCommand.Info.class, SatelliteCommand.Zonal.class, SatelliteCommand.Anomaly.class})
final class SatelliteCommand extends CommandGroup {
    SatelliteCommand(Supplier<Services> services) {
        super(services);
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Format, variables with units, dimensions, time range, bounding box and per time step the count, min, max and mean "
                    + "of valid values in normalised units (°C for SST).")
    static final class Info implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SatelliteCommand parent;

        @Parameters(index = "0", description = "A NetCDF-3, NetCDF-4 (.nc) or GeoTIFF (.tif) file.")
        Path file;

        @Option(names = "--variable", description = "The variable to summarise (default: the SST or chlorophyll variable).")
        String variable;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--dates", split = ",", description = "For a GeoTIFF: the date of each band, e.g. 2026-01-15,2026-01-16.")
        List<String> dates;

        @Override
        public Integer call() throws Exception {
            try (CfGrid g = CfGrid.open(file, variable, dates(dates))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file.getFileName().toString());
                m.put("format", g.format());
                List<Map<String, Object>> vars = new ArrayList<>();
                for (NcVariable v : g.variables().values()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("name", v.name());
                    vm.put("units", v.text("units"));
                    vm.put("dimensions", v.dimensions());
                    vars.add(vm);
                }
                m.put("variables", vars);
                m.put("dimensions", g.dimensions());
                m.put("variable", g.variableName());
                m.put("unit", g.unit());
                Instant[] times = g.times();
                m.put("time_start_utc", times[0] == null ? null : times[0].toString());
                m.put("time_end_utc", times[times.length - 1] == null ? null : times[times.length - 1].toString());
                double[] lat = g.latitudes();
                double[] lon = g.longitudes();
                m.put("bbox", Map.of("lon_min", min(lon), "lon_max", max(lon), "lat_min", min(lat), "lat_max", max(lat)));
                List<Map<String, Object>> steps = new ArrayList<>();
                for (int t = 0; t < times.length; t++) {
                    float[] v = g.step(t);
                    long n = 0;
                    double mn = Double.POSITIVE_INFINITY;
                    double mx = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    for (float x : v) {
                        if (!Float.isNaN(x)) {
                            n++;
                            mn = Math.min(mn, x);
                            mx = Math.max(mx, x);
                            sum += x;
                        }
                    }
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("time_utc", times[t] == null ? null : times[t].toString());
                    s.put("count", n);
                    s.put("min", n == 0 ? null : round(mn));
                    s.put("max", n == 0 ? null : round(mx));
                    s.put("mean", n == 0 ? null : round(sum / n));
                    steps.add(s);
                }
                m.put("steps", steps);
                m.put("warnings", g.warnings());
                PrintWriter out = parent.out();
                if (json) {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                } else {
                    out.printf(Locale.ROOT, "file      %s (%s)%nvariable  %s [%s]%ntime      %s → %s (%d steps)%nbbox      %.3f…%.3f °E, %.3f…%.3f °N%n",
                            file.getFileName(), g.format(), g.variableName(), g.unit(), m.get("time_start_utc"), m.get("time_end_utc"), times.length,
                            min(lon), max(lon), min(lat), max(lat));
                    for (Map<String, Object> s : steps) {
                        out.printf(Locale.ROOT, "  %s  n=%s  min=%s  max=%s  mean=%s%n", s.get("time_utc"), s.get("count"), s.get("min"), s.get("max"), s.get("mean"));
                    }
                    g.warnings().forEach(w -> out.println("warning: " + w));
                }
            }
            return 0;
        }
    }

    @Command(name = "zonal", mixinStandardHelpOptions = true,
            description = "Statistics per zone and time step as CSV: time_utc,zone,mean,min,max,std,n_valid,valid_fraction,unit. "
                    + "A cell belongs to the zone containing its centre; a zone without one takes the nearest cell.")
    static final class Zonal implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SatelliteCommand parent;

        @Parameters(index = "0", description = "A NetCDF-3, NetCDF-4 (.nc) or GeoTIFF (.tif) file.")
        Path file;

        @Option(names = "--variable", description = "The variable (default: the SST or chlorophyll variable).")
        String variable;

        @Option(names = "--workspace", description = "Use this workspace's zones (default: the generated AIP grid).")
        Path workspace;

        @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
        boolean csv;

        @Option(names = "--dates", split = ",", description = "For a GeoTIFF: the date of each band, e.g. 2026-01-15,2026-01-16.")
        List<String> dates;

        @Option(names = "--log10", description = "Statistics of log10 of the values (for chlorophyll; zero and negative values count as missing).")
        boolean log10;

        @Override
        public Integer call() throws Exception {
            ZoneLayer zones = new ZoneLayer("zones", ZonesCommand.zones(parent.services(), workspace));
            try (CfGrid g = CfGrid.open(file, variable, dates(dates))) {
                ZonalStatistics stats = new ZonalStatistics(zones, g.latitudes(), g.longitudes());
                PrintWriter out = parent.out();
                out.println("time_utc,zone,mean,min,max,std,n_valid,valid_fraction,unit");
                Instant[] times = g.times();
                for (int t = 0; t < times.length; t++) {
                    float[] step = log10 ? pe.cardumen.ocean.Log10Field.of(g.step(t)) : g.step(t);
                    String unit = log10 ? pe.cardumen.ocean.Log10Field.UNIT : g.unit();
                    for (ZonalStatistics.ZoneStat s : stats.compute(step)) {
                        out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%.4f,%s%n", times[t] == null ? "" : times[t], s.zone(), num(s.mean()), num(s.min()),
                                num(s.max()), num(s.std()), s.nValid(), s.validFraction(), unit);
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "anomaly", mixinStandardHelpOptions = true,
            description = "Zonal means of an imported variable against the monthly climatology of everything imported, as CSV: "
                    + "time_utc,zone,mean,climatology,anomaly,unit.")
    static final class Anomaly implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SatelliteCommand parent;

        @Option(names = "--workspace", required = true, description = "The workspace the grids were imported into.")
        Path workspace;

        @Option(names = "--variable", description = "The variable (default sst).")
        String variable = "sst";

        @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
        boolean csv;

        @Override
        public Integer call() throws Exception {
            try (pe.cardumen.workspace.Workspace ws = pe.cardumen.workspace.Workspace.open(workspace)) {
                var rows = ws.zonal(variable);
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("no zonal statistics of '" + variable + "' in " + workspace.getFileName()
                            + "; import grids first with 'cardumen import FILE --workspace W'");
                }
                var anomalies = new pe.cardumen.ocean.Anomalies(rows);
                PrintWriter out = parent.out();
                out.println("time_utc,zone,mean,climatology,anomaly,unit");
                for (var r : rows) {
                    if (r.timeUtc() == null) {
                        continue;
                    }
                    int month = Instant.parse(r.timeUtc()).atZone(java.time.ZoneOffset.UTC).getMonthValue();
                    out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", r.timeUtc(), r.zone(), num(r.mean()), num(anomalies.climatology(r.zone(), month)),
                            num(anomalies.anomaly(r)), r.unit());
                }
            }
            return 0;
        }
    }

    /** Dates as ISO dates (noon UTC, as daily products are centred) or instants. */
    static List<Instant> dates(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        List<Instant> out = new ArrayList<>();
        for (String t : texts) {
            String s = t.trim();
            try {
                out.add(s.length() == 10 ? java.time.LocalDate.parse(s).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC) : Instant.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--dates: '" + t + "' is not a date like 2026-01-15 or 2026-01-15T12:00:00Z");
            }
        }
        return out;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
