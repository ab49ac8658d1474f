package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.domain.OniSeason;
import pe.cardumen.features.Enso;
import pe.cardumen.features.EnsoThresholds;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.io.indices.EnsoIndexReader;
import pe.cardumen.workspace.BiomassRow;
import pe.cardumen.workspace.BiomassRun;
import pe.cardumen.workspace.SurveyInfo;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;
import pe.cardumen.workspace.ZonalRow;

/**
 * Gathers a workspace's surveys, biomass results and zonal statistics and the ENSO indices into a
 * {@link FeatureTable}. Each survey's target is its latest stored biomass run; a survey without one is
 * computed with the default parameter set and stored first, so every target traces to a run.
 */
public final class FeatureBuilder {
    /** Periods of the rows. */
    public enum Periods {
        /** The month of each survey. */
        SURVEYS,
        /** Every month of a range. */
        MONTHS
    }

    /**
     * The table and what went into it.
     *
     * @param rows        the rows
     * @param surveys     surveys used, in period order
     * @param computed    surveys whose biomass was computed and stored now
     * @param sstVariable the zonal variable used as SST (null: none)
     * @param chlVariable the zonal variable used as log10 chlorophyll (null: none)
     */
    public record Built(List<FeatureTable.Row> rows, List<String> surveys, List<String> computed, String sstVariable, String chlVariable,
                        List<String> skipped) {
        /** A table where no survey was left out. */
        public Built(List<FeatureTable.Row> rows, List<String> surveys, List<String> computed, String sstVariable, String chlVariable) {
            this(rows, surveys, computed, sstVariable, chlVariable, List.of());
        }
    }

    private final Services services;

    public FeatureBuilder(Services services) {
        this.services = services;
    }

    /**
     * Zonal means summed per zone and month, for the monthly SST and chlorophyll features and the SST
     * climatology: filled from a workspace's rows here, and from partial sums computed elsewhere (the
     * Spark job's aggregation of an archive's zonal Parquet), so that both build the table alike.
     */
    public static final class MonthlySums {
        private final Map<String, Map<YearMonth, double[]>> byMonth = new LinkedHashMap<>();
        private final Map<String, double[][]> byCalendarMonth = new HashMap<>();

        /** Adds one time step's zonal mean (NaN and untimed ones are left out, as the climatology leaves them out). */
        public void add(ZonalRow r) {
            if (r.timeUtc() == null || Double.isNaN(r.mean())) {
                return;
            }
            add(r.zone(), YearMonth.from(Instant.parse(r.timeUtc()).atZone(ZoneOffset.UTC)), r.mean(), 1);
        }

        /** Adds {@code count} zonal means of a zone in a month whose sum is {@code sum}. */
        public void add(String zone, YearMonth month, double sum, long count) {
            double[] m = byMonth.computeIfAbsent(zone, k -> new HashMap<>()).computeIfAbsent(month, k -> new double[2]);
            m[0] += sum;
            m[1] += count;
            double[] c = byCalendarMonth.computeIfAbsent(zone, k -> new double[13][2])[month.getMonthValue()];
            c[0] += sum;
            c[1] += count;
        }

        /** Mean of each zone's means within each month. */
        Map<String, Map<YearMonth, Double>> monthly() {
            Map<String, Map<YearMonth, Double>> out = new HashMap<>();
            byMonth.forEach((zone, months) -> {
                Map<YearMonth, Double> m = new HashMap<>();
                months.forEach((k, v) -> m.put(k, v[0] / v[1]));
                out.put(zone, m);
            });
            return out;
        }

        /** The climatology ({@link pe.cardumen.ocean.Anomalies}' definition): a zone's mean over every step in a calendar month; NaN without one. */
        double climatology(String zone, int month) {
            double[][] c = byCalendarMonth.get(zone);
            return c == null || c[month][1] == 0 ? Double.NaN : c[month][0] / c[month][1];
        }
    }

    /**
     * Builds the table.
     *
     * @param from first month ({@link Periods#MONTHS} only; null: the first survey's)
     * @param to   last month ({@link Periods#MONTHS} only; null: the last survey's)
     * @param nino a Niño-regions file for ICEN (null: the bundled one)
     * @param oni  an ONI file (null: the bundled one)
     */
    public Built build(Workspace ws, Periods periods, YearMonth from, YearMonth to, Path nino, Path oni)
            throws WorkspaceException, IOException, FileFormatException {
        ZoneLayer zones = new ZoneLayer(ws.zoneSource(), ws.zones());
        List<String> computed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<FeatureTable.SurveyDensity> densities = densities(ws, zones, computed, skipped);
        List<String> variables = ws.zonalVariables();
        String sstVar = sstVariable(variables);
        String chlVar = chlorophyllVariable(variables);
        MonthlySums sst = new MonthlySums();
        if (sstVar != null) {
            ws.zonal(sstVar).forEach(sst::add);
        }
        MonthlySums chl = new MonthlySums();
        if (chlVar != null) {
            ws.zonal(chlVar).forEach(chl::add);
        }
        Built b = build(zones, densities, computed, sstVar, sst, chlVar, chl, periods, from, to, nino, oni);
        return new Built(b.rows(), b.surveys(), b.computed(), b.sstVariable(), b.chlVariable(), List.copyOf(skipped));
    }

    /** The zonal variable taken as SST among those given, or {@code null}. */
    public static String sstVariable(List<String> variables) {
        return variables.stream().filter(CfGrid.SST::contains).findFirst().orElse(null);
    }

    /** The zonal variable taken as log10 chlorophyll among those given, or {@code null}. */
    public static String chlorophyllVariable(List<String> variables) {
        return variables.stream().filter(v -> v.startsWith("log10_") && CfGrid.CHLOROPHYLL.contains(v.substring(6))).findFirst().orElse(null);
    }

    /**
     * Each dated survey's density per zone from its latest stored biomass run; a survey without one is
     * computed with the default parameter set and stored first (its id added to {@code computed}).
     */
    public static List<FeatureTable.SurveyDensity> densities(Workspace ws, ZoneLayer zones, List<String> computed) throws WorkspaceException {
        return densities(ws, zones, computed, new ArrayList<>());
    }

    /**
     * As {@link #densities(Workspace, ZoneLayer, List)}; a survey with no biomass run and no hauls yet
     * (its NASC imported first, its hauls still to come) is left out, its id added to {@code skipped},
     * instead of failing the whole table.
     */
    public static List<FeatureTable.SurveyDensity> densities(Workspace ws, ZoneLayer zones, List<String> computed, List<String> skipped)
            throws WorkspaceException {
        List<BiomassRun> runs = ws.biomassRuns();
        List<FeatureTable.SurveyDensity> densities = new ArrayList<>();
        for (SurveyInfo s : ws.surveys()) {
            if (s.period() == null) {
                continue;
            }
            BiomassRun latest = null;
            for (BiomassRun r : runs) {
                if (s.id().equals(r.survey())) {
                    latest = r;
                }
            }
            long runId;
            if (latest == null && ws.hauls(s.id()).isEmpty()) {
                skipped.add(s.id());
                continue;
            }
            if (latest == null) {
                runId = computeAndStore(ws, zones, s.id());
                computed.add(s.id());
            } else {
                runId = latest.id();
            }
            Map<String, Double> d = new HashMap<>();
            for (BiomassRow row : ws.biomass(runId)) {
                d.put(row.zone(), row.densityTPerNmi2());
            }
            densities.add(new FeatureTable.SurveyDensity(s.id(), s.period(), d, s.simulated()));
        }
        return densities;
    }

    /** Builds the table from its gathered inputs (the workspace's, or an archive's). */
    public Built build(ZoneLayer zones, List<FeatureTable.SurveyDensity> densities, List<String> computed, String sstVar, MonthlySums sst,
                       String chlVar, MonthlySums chl, Periods periods, YearMonth from, YearMonth to, Path nino, Path oni)
            throws IOException, FileFormatException {
        Map<String, double[]> clim = new HashMap<>();
        for (var z : zones.zones()) {
            double[] m = new double[13];
            for (int k = 1; k <= 12; k++) {
                m[k] = sst.climatology(z.code(), k);
            }
            clim.put(z.code(), m);
        }

        EnsoIndexReader reader = new EnsoIndexReader();
        Map<YearMonth, Double> icen = new HashMap<>();
        new Enso(EnsoThresholds.defaults()).icen(reader.readNinoRegions(nino != null ? nino : services.sampleData().resolve(SampleData.NINO_REGIONS)))
                .forEach(m -> {
                    if (!Double.isNaN(m.icenC())) {
                        icen.put(m.month(), m.icenC());
                    }
                });
        Map<YearMonth, Double> oniByMonth = new HashMap<>();
        for (OniSeason s : reader.readOni(oni != null ? oni : services.sampleData().resolve(SampleData.ONI))) {
            oniByMonth.put(s.centre(), s.anomalyC());
        }

        List<YearMonth> months = new ArrayList<>();
        if (periods == Periods.SURVEYS) {
            densities.forEach(d -> months.add(d.period()));
        } else {
            YearMonth first = from != null ? from : densities.isEmpty() ? null : densities.stream().map(FeatureTable.SurveyDensity::period).min(YearMonth::compareTo).get();
            YearMonth last = to != null ? to : densities.isEmpty() ? null : densities.stream().map(FeatureTable.SurveyDensity::period).max(YearMonth::compareTo).get();
            if (first == null || last == null) {
                throw new IllegalArgumentException("the workspace has no survey to take the months from; give --from and --to");
            }
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("--to " + last + " is before --from " + first);
            }
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        var inputs = new FeatureTable.Inputs(zones.zones(), densities, sst.monthly(), clim, chl.monthly(), icen, oniByMonth);
        return new Built(FeatureTable.build(inputs, months), densities.stream().map(FeatureTable.SurveyDensity::id).toList(), computed, sstVar, chlVar);
    }

    private static long computeAndStore(Workspace ws, ZoneLayer zones, String survey) throws WorkspaceException {
        int replicates = 200;
        long seed = 1;
        var report = new BiomassSurvey().compute(ws, zones, survey, BiomassParameters.defaults(), null, null, replicates, seed);
        return BiomassSurvey.store(ws, survey, report, replicates, seed).id();
    }
}
