package pe.cardumen.features.simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.locationtech.jts.geom.Point;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.acoustics.biomass.HaulAssignment;
import pe.cardumen.acoustics.biomass.ZoneBiomass;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.grid.NetcdfClassicWriter;

/**
 * Generates Cardumen's SIMULATED survey history: two acoustic surveys a year over every AIP zone, with
 * haul length frequencies and monthly SST and chlorophyll grids, from a seeded habitat model driven by
 * the real Niño 1+2 anomalies and calibrated to the published IMARPE survey totals. The equations are in
 * {@code sample-data/README.md}; every constant is a {@link HistoryParameters} key.
 *
 * <p>The files are the formats a user brings (Echoview cells CSV, haul CSV, NetCDF-3), so the history
 * enters a workspace through the ordinary importers and its biomass through the ordinary computation.
 * The same zones, indices, parameters and seed give the same bytes: nothing depends on the clock, the
 * locale or hash order, and the random streams are {@link Random} (whose algorithm Java specifies), one
 * per survey and purpose.
 */
public final class SimulatedHistory {
    /** The manifest's file name. */
    public static final String MANIFEST = "surveys.csv";
    /** The label every generated file carries. */
    public static final String LABEL = "SIMULATED";

    private static final DateTimeFormatter DATE_M = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME_M = DateTimeFormatter.ofPattern("HH:mm:ss.0000", Locale.ROOT);

    /**
     * One simulated survey, as written to {@value #MANIFEST}.
     *
     * @param id              {@code YYYY-1} (summer, Feb–Apr) or {@code YYYY-2} (winter–spring, Aug–Oct)
     * @param period          the month of its middle day, which its grid step and feature rows carry
     * @param ninoAnomalyC    mean Niño 1+2 anomaly of the period month and the two before, °C
     * @param ninoSource      where that anomaly comes from (the weakest of its three months)
     * @param targetNorthT    calibration target of the north–centre stock, t
     * @param targetSouthT    calibration target of the south stock, t
     * @param targetSource    {@code published} (an IMARPE total of DOMAIN.md) or {@code model}
     * @param simulatedNorthT north–centre biomass the written NASC and hauls give, t
     * @param simulatedSouthT south biomass the written NASC and hauls give, t
     */
    public record Survey(String id, int year, int number, LocalDate start, LocalDate end, YearMonth period, double ninoAnomalyC,
                         NinoSeries.Source ninoSource, double targetNorthT, double targetSouthT, String targetSource, double simulatedNorthT,
                         double simulatedSouthT, int zonesWithFish, int hauls, String nascFile, String haulsFile) {
    }

    private final ZoneLayer zones;
    private final List<Zone> ordered;
    private final HistoryParameters hp;
    private final BiomassParameters bp;
    private final NinoSeries nino;
    private final long seed;

    /**
     * @param zones the generated AIP grid (distance bands are needed)
     * @param bp    the biomass parameters used to turn simulated biomass into NASC
     * @throws IllegalArgumentException when a zone has no distance band
     */
    public SimulatedHistory(ZoneLayer zones, HistoryParameters hp, BiomassParameters bp, NinoSeries nino, long seed) {
        this.zones = zones;
        this.hp = hp;
        this.bp = bp;
        this.nino = nino;
        this.seed = seed;
        for (Zone z : zones.zones()) {
            if (!z.hasDistanceBand()) {
                throw new IllegalArgumentException("zone " + z.code() + " has no distance band; the simulated history needs the generated AIP grid");
            }
        }
        // north to south, then inshore to offshore: the order intervals are written and numbered
        ordered = zones.zones().stream().sorted(Comparator.comparingDouble((Zone z) -> -z.centroidLat()).thenComparingDouble(Zone::distMinNmi)
                .thenComparing(Zone::code)).toList();
    }

    /** The surveys the parameters ask for, without generating anything (dates, anomalies, targets). */
    public List<Survey> plan() {
        List<Survey> out = new ArrayList<>();
        int days = hp.integer("survey.days");
        for (int y = hp.integer("years.first"); y <= hp.integer("years.last"); y++) {
            for (int k = 1; k <= 2; k++) {
                LocalDate start = hp.monthDay("survey." + k + ".start").atYear(y);
                LocalDate end = start.plusDays(days - 1);
                YearMonth period = YearMonth.from(start.plusDays(days / 2));
                NinoSeries.Value a = nino.mean3(period);
                out.add(new Survey(y + "-" + k, y, k, start, end, period, a.anomalyC(), a.source(), Double.NaN, Double.NaN, null, Double.NaN,
                        Double.NaN, 0, 0, null, null));
            }
        }
        return targets(out);
    }

    private List<Survey> targets(List<Survey> planned) {
        Map<String, Double> anchors = new LinkedHashMap<>();
        for (String a : hp.text("target.anchors").split(",")) {
            String[] kv = a.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("target.anchors must list SURVEY:TONNES pairs, not '" + a + "'");
            }
            anchors.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
        }
        // level knots: the first survey at the long-term mean, then each anchor
        TreeMap<Long, Double> knots = new TreeMap<>();
        knots.put(mid(planned.get(0)), hp.number("target.level.first.t"));
        for (Survey s : planned) {
            if (anchors.containsKey(s.id())) {
                knots.put(mid(s), anchors.get(s.id()));
            }
        }
        double gamma = hp.number("target.enso.per.c");
        double sigma = hp.number("target.noise.sigma");
        List<Survey> out = new ArrayList<>();
        for (Survey s : planned) {
            double warm = Math.max(0, s.ninoAnomalyC());
            double north;
            String source;
            if (anchors.containsKey(s.id())) {
                north = anchors.get(s.id());
                source = "published";
            } else {
                Random r = random(s, 1);
                north = level(knots, mid(s)) * Math.exp(-gamma * warm) * Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2);
                source = "model";
            }
            double south = hp.number("south.share") * north * (1 + hp.number("south.enso.per.c") * warm);
            out.add(new Survey(s.id(), s.year(), s.number(), s.start(), s.end(), s.period(), s.ninoAnomalyC(), s.ninoSource(), north, south, source,
                    Double.NaN, Double.NaN, 0, 0, null, null));
        }
        for (String a : anchors.keySet()) {
            if (out.stream().noneMatch(s -> s.id().equals(a))) {
                throw new IllegalArgumentException("target.anchors names survey " + a + ", which is outside years.first–years.last");
            }
        }
        return out;
    }

    private static long mid(Survey s) {
        return s.start().toEpochDay() + (s.end().toEpochDay() - s.start().toEpochDay()) / 2;
    }

    private static double level(TreeMap<Long, Double> knots, long day) {
        var lo = knots.floorEntry(day);
        var hi = knots.ceilingEntry(day);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double f = (double) (day - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + f * (hi.getValue() - lo.getValue());
    }

    /** A random stream for one survey and purpose (1 targets, 2 zones, 3 hauls, 4 grids). */
    private Random random(Survey s, int purpose) {
        long h = seed * 0x9E3779B97F4A7C15L + s.year() * 31L + s.number();
        h = h * 0xBF58476D1CE4E5B9L + purpose;
        return new Random(h ^ (h >>> 31));
    }

    /**
     * Generates the history into {@code dir}: {@value #MANIFEST}, {@code SIMULATED.md}, one Echoview
     * cells CSV and one haul CSV per survey, and the SST and chlorophyll grids.
     *
     * @return the surveys with their simulated totals
     */
    public List<Survey> write(Path dir, ProgressListener progress, CancellationToken cancel) throws IOException {
        Files.createDirectories(dir);
        List<Survey> plan = plan();
        List<Survey> done = new ArrayList<>();
        List<float[]> sstSteps = new ArrayList<>();
        List<float[]> chlSteps = new ArrayList<>();
        Grid grid = new Grid();
        int i = 0;
        for (Survey s : plan) {
            cancel.throwIfCancelled();
            progress.progress(i++, plan.size() + 1, "survey " + s.id());
            done.add(survey(dir, s, grid, sstSteps, chlSteps));
        }
        progress.progress(plan.size(), plan.size() + 1, "grids");
        double[] times = plan.stream().mapToDouble(s -> (double) LocalDate.ofEpochDay(mid(s)).toEpochDay()).toArray();
        String years = hp.integer("years.first") + "-" + hp.integer("years.last");
        Map<String, String> global = new LinkedHashMap<>();
        global.put("title", "SIMULATED fields of Cardumen's simulated survey history (not observations)");
        global.put("source", "Cardumen simulate-history, seed " + seed + "; climatology plus the real Niño 1+2 anomaly (see sample-data/README.md)");
        NetcdfClassicWriter.write(dir.resolve(LABEL + "-sst-" + years + ".nc"), new NetcdfClassicWriter.Grid("sst", "degree_C",
                "SIMULATED sea surface temperature", 0.01, 0, (short) -999, "days since 1970-01-01 00:00:00", times, grid.lats, grid.lons, sstSteps, global));
        NetcdfClassicWriter.write(dir.resolve(LABEL + "-chlor_a-" + years + ".nc"), new NetcdfClassicWriter.Grid("chlor_a", "mg m-3",
                "SIMULATED chlorophyll-a concentration", 0.001, 0, (short) -999, "days since 1970-01-01 00:00:00", times, grid.lats, grid.lons, chlSteps,
                global));
        writeManifest(dir, done);
        writeReadme(dir, done);
        progress.progress(plan.size() + 1, plan.size() + 1, "done");
        return done;
    }

    /** The grid of the satellite fields and the zone under each cell. */
    private final class Grid {
        final double[] lats;
        final double[] lons;
        final int[] zoneOfCell;

        Grid() {
            double step = hp.number("grid.step.deg");
            lats = axis(hp.number("grid.lat.min"), hp.number("grid.lat.max"), step);
            lons = axis(hp.number("grid.lon.min"), hp.number("grid.lon.max"), step);
            Map<String, Integer> index = new HashMap<>();
            for (int z = 0; z < ordered.size(); z++) {
                index.put(ordered.get(z).code(), z);
            }
            zoneOfCell = new int[lats.length * lons.length];
            for (int y = 0; y < lats.length; y++) {
                for (int x = 0; x < lons.length; x++) {
                    zoneOfCell[y * lons.length + x] = zones.zoneAt(lons[x], lats[y]).map(z -> index.get(z.code())).orElse(-1);
                }
            }
        }

        private static double[] axis(double min, double max, double step) {
            int n = (int) Math.round((max - min) / step);
            double[] a = new double[n];
            for (int k = 0; k < n; k++) {
                a[k] = min + (k + 0.5) * step;
            }
            return a;
        }
    }

    private Survey survey(Path dir, Survey s, Grid grid, List<float[]> sstSteps, List<float[]> chlSteps) throws IOException {
        int n = ordered.size();
        double month = s.period().getMonthValue();
        double aMonth = nino.at(s.period()).anomalyC();
        double warm = Math.max(0, s.ninoAnomalyC());

        // environment per zone
        Random rz = random(s, 2);
        double[] sst = new double[n];
        double[] logChl = new double[n];
        double season = Math.cos(2 * Math.PI * (month - hp.number("sst.season.peak.month")) / 12);
        for (int z = 0; z < n; z++) {
            Zone zone = ordered.get(z);
            double south = -zone.centroidLat();
            double d = (zone.distMinNmi() + zone.distMaxNmi()) / 2;
            double attenuation = 1 - hp.number("sst.anomaly.offshore.attenuation") * Math.min(1, d / 300);
            sst[z] = hp.number("sst.base.c") + hp.number("sst.lat.slope.c.per.deg") * (south - hp.number("sst.lat.ref.deg"))
                    + hp.number("sst.offshore.rise.c") * (1 - Math.exp(-d / hp.number("sst.offshore.scale.nmi")))
                    + hp.number("sst.season.amplitude.c") * season + aMonth * attenuation + hp.number("sst.zone.noise.c") * rz.nextGaussian();
            logChl[z] = hp.number("chl.log10.coast") - hp.number("chl.log10.drop") * (1 - Math.exp(-d / hp.number("chl.offshore.scale.nmi")))
                    + hp.number("chl.season.amplitude") * season + hp.number("chl.enso.per.c") * aMonth + hp.number("chl.zone.noise") * rz.nextGaussian();
        }

        // habitat suitability, presence and magnitude
        double optimum = hp.number("habitat.optimum.mean.c") + hp.number("habitat.optimum.amplitude.c") * season;
        double width = hp.number("habitat.width.mean.c") + hp.number("habitat.width.amplitude.c") * season;
        double scale = hp.number("habitat.distance.scale.nmi") * Math.exp(-hp.number("habitat.distance.enso.per.c") * warm);
        double[] suit = new double[n];
        Map<Stock, Double> maxSuit = new java.util.EnumMap<>(Stock.class);
        for (int z = 0; z < n; z++) {
            Zone zone = ordered.get(z);
            double d = (zone.distMinNmi() + zone.distMaxNmi()) / 2;
            double south = -zone.centroidLat();
            double thermal = Math.exp(-Math.pow(sst[z] - optimum, 2) / (2 * width * width));
            double coast = Math.exp(-d / scale);
            double shift = Math.exp(hp.number("habitat.latitude.enso.per.c") * warm * (south - hp.number("habitat.latitude.ref.deg")) / 5);
            suit[z] = thermal * coast * shift;
            maxSuit.merge(zone.stock(), suit[z], Math::max);
        }
        double[] weight = new double[n];
        Map<Stock, Double> sumWeight = new java.util.EnumMap<>(Stock.class);
        Map<Stock, Integer> best = new java.util.EnumMap<>(Stock.class);
        double sigma = hp.number("magnitude.sigma");
        for (int z = 0; z < n; z++) {
            Zone zone = ordered.get(z);
            double sNorm = suit[z] / maxSuit.get(zone.stock());
            boolean present = rz.nextDouble() < hp.number("presence.max") * Math.pow(sNorm, hp.number("presence.exponent"));
            double magnitude = sNorm * Math.exp(sigma * rz.nextGaussian() - sigma * sigma / 2);
            weight[z] = present ? zone.areaNmi2() * magnitude : 0;
            sumWeight.merge(zone.stock(), weight[z], Double::sum);
            if (suit[z] == maxSuit.get(zone.stock())) {
                best.put(zone.stock(), z);
            }
        }
        for (Map.Entry<Stock, Integer> b : best.entrySet()) {
            // a stock where no zone drew presence keeps its fish in its most suitable zone
            if (sumWeight.get(b.getKey()) <= 0) {
                Zone zone = ordered.get(b.getValue());
                weight[b.getValue()] = zone.areaNmi2();
                sumWeight.put(b.getKey(), zone.areaNmi2());
            }
        }
        double[] biomass = new double[n];
        int withFish = 0;
        for (int z = 0; z < n; z++) {
            Stock st = ordered.get(z).stock();
            double target = st == Stock.SOUTH ? s.targetSouthT() : s.targetNorthT();
            biomass[z] = target * weight[z] / sumWeight.get(st);
            withFish += biomass[z] > 0 ? 1 : 0;
        }

        // positions (as written) and times of the intervals, north to south over the survey's days
        double[][] where = new double[n][];
        LocalDateTime[] when = new LocalDateTime[n];
        long seconds = (s.end().toEpochDay() - s.start().toEpochDay() + 1) * 86_400L;
        for (int z = 0; z < n; z++) {
            where[z] = writtenPosition(ordered.get(z));
            when[z] = s.start().atStartOfDay().plusSeconds(seconds * z / n);
        }

        // hauls: one per degree of latitude, in that degree's richest zone near the coast
        Random rh = random(s, 3);
        List<Haul> hauls = new ArrayList<>();
        double maxD = hp.number("hauls.max.distance.nmi");
        for (int degree = 3; degree <= 18; degree++) {
            int richest = -1;
            for (int z = 0; z < n; z++) {
                Zone zone = ordered.get(z);
                double south = -zone.centroidLat();
                if (south >= degree && south < degree + 1 && zone.distMaxNmi() <= maxD && biomass[z] > 0 && (richest < 0 || biomass[z] > biomass[richest])) {
                    richest = z;
                }
            }
            if (richest >= 0) {
                hauls.add(haul(String.format(Locale.ROOT, "%s-H%02d", s.id(), degree), when[richest], where[richest], s, warm, rh));
            }
        }
        if (hauls.isEmpty()) {
            throw new IllegalStateException("survey " + s.id() + ": no zone within " + maxD + " nmi holds fish, so no haul could be placed");
        }

        // NASC of each interval from its zone's biomass and the length distribution the biomass computation will give it
        HaulAssignment assignment = new HaulAssignment(hauls, bp);
        ZoneBiomass reduce = new ZoneBiomass(bp);
        String nascFile = "nasc/" + LABEL + "-" + s.id() + "-nasc.csv";
        Map<Stock, Double> simulated = new java.util.EnumMap<>(Stock.class);
        Files.createDirectories(dir.resolve("nasc"));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(nascFile), StandardCharsets.UTF_8)) {
            w.write("Process_ID,Interval,Layer,Layer_depth_min,Layer_depth_max,NASC,Date_M,Time_M,Lat_M,Lon_M,Frequency\n");
            Random rs = random(s, 5);
            double split = hp.number("interval.split.sigma");
            int interval = 0;
            for (int z = 0; z < n; z++) {
                Zone zone = ordered.get(z);
                var lengths = assignment.assign(where[z][0], where[z][1]).lengths();
                double perUnit = reduce.compute(List.of(new ZoneBiomass.Interval(zone.code(), 1.0, lengths)), Map.of(zone.code(), zone.areaNmi2()))
                        .get(0).biomassT();
                double mean = biomass[z] / perUnit;
                // a zone with fish is crossed twice (two intervals sharing its NASC unevenly), so its bootstrap has a spread
                double[] parts = mean > 0 ? new double[] {0, 0} : new double[] {0};
                if (mean > 0) {
                    double u = 1 / (1 + Math.exp(split * rs.nextGaussian()));
                    parts[0] = 2 * mean * u;
                    parts[1] = 2 * mean * (1 - u);
                }
                double sum = 0;
                for (int k = 0; k < parts.length; k++) {
                    String nasc = String.format(Locale.ROOT, "%.4f", parts[k]);
                    sum += Double.parseDouble(nasc);
                    LocalDateTime t = when[z].plusMinutes(10L * k);
                    w.write(LABEL + "," + (++interval) + ",1,5,50," + nasc + "," + DATE_M.format(t) + "," + TIME_M.format(t) + ","
                            + coordinate(where[z][1]) + "," + coordinate(where[z][0]) + ",38\n");
                }
                simulated.merge(zone.stock(), sum / parts.length * perUnit, Double::sum);
            }
        }
        String haulsFile = "hauls/" + LABEL + "-" + s.id() + "-hauls.csv";
        Files.createDirectories(dir.resolve("hauls"));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(haulsFile), StandardCharsets.UTF_8)) {
            w.write("haul_id,time,lat,lon,length_cm,count\n");
            for (Haul h : hauls) {
                for (int k = 0; k < h.lengthsCm().length; k++) {
                    w.write(h.id() + "," + h.time() + "," + coordinate(h.lat()) + "," + coordinate(h.lon()) + ","
                            + String.format(Locale.ROOT, "%.1f", h.lengthsCm()[k]) + "," + (long) h.counts()[k] + "\n");
                }
            }
        }

        // the satellite fields of the period: the zone's value plus cell noise; outside the zones, fill
        Random rg = random(s, 4);
        float[] sstStep = new float[grid.zoneOfCell.length];
        float[] chlStep = new float[grid.zoneOfCell.length];
        for (int c = 0; c < sstStep.length; c++) {
            int z = grid.zoneOfCell[c];
            double e1 = rg.nextGaussian();
            double e2 = rg.nextGaussian();
            if (z < 0) {
                sstStep[c] = Float.NaN;
                chlStep[c] = Float.NaN;
            } else {
                sstStep[c] = (float) (sst[z] + hp.number("sst.cell.noise.c") * e1);
                chlStep[c] = (float) Math.min(30, Math.pow(10, logChl[z] + hp.number("chl.cell.noise") * e2));
            }
        }
        sstSteps.add(sstStep);
        chlSteps.add(chlStep);

        return new Survey(s.id(), s.year(), s.number(), s.start(), s.end(), s.period(), s.ninoAnomalyC(), s.ninoSource(), s.targetNorthT(),
                s.targetSouthT(), s.targetSource(), simulated.getOrDefault(Stock.NORTH_CENTRE, 0.0), simulated.getOrDefault(Stock.SOUTH, 0.0), withFish,
                hauls.size(), nascFile, haulsFile);
    }

    private Haul haul(String id, LocalDateTime time, double[] where, Survey s, double warm, Random r) {
        double step = hp.number("length.class.cm");
        double recruits = Math.min(0.95, hp.number("recruits.share." + s.number()) + hp.number("recruits.enso.per.c") * warm);
        double muR = hp.number("length.recruit.mean.cm") + hp.number("length.mean.noise.cm") * r.nextGaussian();
        double muA = hp.number("length.adult.mean.cm") + hp.number("length.mean.noise.cm") * r.nextGaussian();
        double sdR = hp.number("length.recruit.sd.cm");
        double sdA = hp.number("length.adult.sd.cm");
        double fish = hp.number("haul.fish");
        List<double[]> rows = new ArrayList<>();
        for (double l = 3; l <= 20 + 1e-9; l += step) {
            double density = recruits * normal(l, muR, sdR) + (1 - recruits) * normal(l, muA, sdA);
            long count = Math.round(fish * step * density);
            if (count > 0) {
                rows.add(new double[] {Math.round(l * 10) / 10.0, count});
            }
        }
        return new Haul(id, time.toInstant(ZoneOffset.UTC), Double.parseDouble(coordinate(where[1])), Double.parseDouble(coordinate(where[0])),
                rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray());
    }

    private static double normal(double x, double mu, double sd) {
        double u = (x - mu) / sd;
        return Math.exp(-u * u / 2) / (sd * Math.sqrt(2 * Math.PI));
    }

    /** A point inside the zone, at the precision written, that the zone lookup places back in the zone. */
    private double[] writtenPosition(Zone zone) {
        Point p = zone.geometry().getInteriorPoint();
        double lon = Double.parseDouble(coordinate(p.getX()));
        double lat = Double.parseDouble(coordinate(p.getY()));
        if (!zones.zoneAt(lon, lat).map(z -> z.code().equals(zone.code())).orElse(false)) {
            throw new IllegalStateException("zone " + zone.code() + ": its interior point rounded to " + lat + ", " + lon + " falls outside it");
        }
        return new double[] {lon, lat};
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }

    private void writeManifest(Path dir, List<Survey> surveys) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            w.write("survey,season,start_date,end_date,period,nino12_anomaly_3mo_c,nino12_source,target_north_centre_t,target_south_t,target_source,"
                    + "simulated_north_centre_t,simulated_south_t,zones_with_fish,hauls,nasc_file,hauls_file,data\n");
            for (Survey s : surveys) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%.3f,%s,%.1f,%.1f,%s,%.1f,%.1f,%d,%d,%s,%s,%s%n", s.id(),
                        s.number() == 1 ? "summer" : "winter-spring", s.start(), s.end(), s.period(), s.ninoAnomalyC(), s.ninoSource().id(),
                        s.targetNorthT(), s.targetSouthT(), s.targetSource(), s.simulatedNorthT(), s.simulatedSouthT(), s.zonesWithFish(), s.hauls(),
                        s.nascFile(), s.haulsFile(), LABEL));
            }
        }
    }

    private void writeReadme(Path dir, List<Survey> surveys) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# SIMULATED survey history — not observations\n\n")
                .append("Generated by `cardumen simulate-history --seed ").append(seed).append("`; the equations are in Cardumen's `sample-data/README.md`.\n")
                .append("Every value here is simulated: NASC, hauls, SST and chlorophyll. Only the Niño 1+2 anomalies that drive it are real ")
                .append("(ERSSTv5 to ").append(nino.lastNinoMonth()).append(String.format(Locale.ROOT,
                        "; after that, %.3f + %.3f × ONI, then neutral — column nino12_source of %s).%n%n", nino.intercept(), nino.slope(), MANIFEST))
                .append(surveys.size()).append(" surveys, ").append(ordered.size()).append(" zones.\n\n")
                .append("## Parameters of the history\n\n```\n").append(hp.definition()).append("```\n\n")
                .append("## Biomass parameters used to turn biomass into NASC\n\n```\n").append(bp.definition()).append("```\n");
        Files.writeString(dir.resolve(LABEL + ".md"), b.toString(), StandardCharsets.UTF_8);
    }
}
