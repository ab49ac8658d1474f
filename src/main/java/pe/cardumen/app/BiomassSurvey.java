package pe.cardumen.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import pe.cardumen.acoustics.biomass.BiomassBootstrap;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.acoustics.biomass.BiomassTotals;
import pe.cardumen.acoustics.biomass.HaulAssignment;
import pe.cardumen.acoustics.biomass.ZoneBiomass;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.geo.ZoneLayer;

/**
 * Biomass of the NASC stored in a workspace: the cells of each interval (one source, channel,
 * category and interval number) are summed over layers to the water column, placed in the zone
 * under the interval's position, given a length distribution by {@link HaulAssignment} and reduced
 * per zone; totals per degree, band and stock; a bootstrap for the uncertainty of each.
 */
public final class BiomassSurvey {
    /**
     * The survey's biomass.
     *
     * @param zones           per zone
     * @param totals          per grouping
     * @param bootstrap       uncertainty of zones and of the total
     * @param groupUncertainty uncertainty of each grouping's groups
     * @param intervals       intervals used
     * @param outsideZones    intervals without a position or outside every zone (left out)
     * @param byNearestHaul   intervals that took the nearest haul's distribution
     * @param bySurveyMean    intervals that took the survey's pooled distribution
     * @param parameters      the parameter set used
     */
    public record Report(List<ZoneBiomass.Result> zones, Map<BiomassTotals.By, List<BiomassTotals.Total>> totals, BiomassBootstrap.Result bootstrap,
                         Map<BiomassTotals.By, Map<String, BiomassBootstrap.Interval90>> groupUncertainty, int intervals, int outsideZones, int byNearestHaul, int bySurveyMean, BiomassParameters parameters) {
        /** Total biomass, t. */
        public double totalT() {
            return zones.stream().mapToDouble(ZoneBiomass.Result::biomassT).sum();
        }
    }

    private record Key(String source, String channel, String category, int interval) {
    }

    /**
     * @param channel  the channel label to use ({@code null}: the only one present)
     * @param category the scattering category to use ({@code null}: the only one present)
     * @throws IllegalArgumentException when there is no NASC, several channels or categories and none
     *                                  was chosen, or no haul
     */
    public Report compute(List<NascCell> cells, ZoneLayer zones, List<Haul> hauls, BiomassParameters params, String channel, String category,
                          int replicates, long seed) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("the workspace has no NASC; import echosounder data first (cardumen import)");
        }
        String ch = choose(cells.stream().map(NascCell::channel).toList(), channel, "channel", "--channel");
        String cat = choose(cells.stream().map(NascCell::category).toList(), category, "category", "--category");
        Map<Key, double[]> columns = new LinkedHashMap<>();
        for (NascCell c : cells) {
            if (!c.channel().equals(ch) || !c.category().equals(cat)) {
                continue;
            }
            double[] acc = columns.computeIfAbsent(new Key(c.source(), c.channel(), c.category(), c.interval()),
                    k -> new double[] {Double.NaN, Double.NaN, 0});
            if (Double.isNaN(acc[0]) && !Double.isNaN(c.lat())) {
                acc[0] = c.lon();
                acc[1] = c.lat();
            }
            acc[2] += c.nascM2PerNmi2();
        }
        HaulAssignment assignment = new HaulAssignment(hauls, params);
        List<ZoneBiomass.Interval> intervals = new ArrayList<>();
        int outside = 0;
        int nearest = 0;
        for (double[] c : columns.values()) {
            Zone zone = Double.isNaN(c[0]) ? null : zones.zoneAt(c[0], c[1]).orElse(null);
            if (zone == null) {
                outside++;
                continue;
            }
            HaulAssignment.Assigned a = assignment.assign(c[0], c[1]);
            if (a.rule() == HaulAssignment.Rule.NEAREST_HAUL) {
                nearest++;
            }
            intervals.add(new ZoneBiomass.Interval(zone.code(), c[2], a.lengths()));
        }
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("none of the " + columns.size() + " intervals lies in a zone of the workspace");
        }
        Map<String, Double> areas = new LinkedHashMap<>();
        Map<String, Zone> byCode = new LinkedHashMap<>();
        for (Zone z : zones.zones()) {
            areas.put(z.code(), z.areaNmi2());
            byCode.put(z.code(), z);
        }
        List<ZoneBiomass.Result> results = new ZoneBiomass(params).compute(intervals, areas);
        Map<BiomassTotals.By, List<BiomassTotals.Total>> totals = new EnumMap<>(BiomassTotals.By.class);
        for (BiomassTotals.By by : BiomassTotals.By.values()) {
            totals.put(by, BiomassTotals.of(results, byCode, by));
        }
        // the same seed gives every grouping the same replicates, so zone and total figures agree across them
        List<Map<String, String>> groupings = new ArrayList<>();
        for (BiomassTotals.By by : BiomassTotals.By.values()) {
            Map<String, String> groupOfZone = new LinkedHashMap<>();
            for (ZoneBiomass.Result r : results) {
                groupOfZone.put(r.zone(), BiomassTotals.group(byCode.get(r.zone()), by));
            }
            groupings.add(groupOfZone);
        }
        List<BiomassBootstrap.Result> booted = new BiomassBootstrap(params).run(intervals, areas, replicates, seed, groupings);
        BiomassBootstrap.Result boot = booted.get(0);
        Map<BiomassTotals.By, Map<String, BiomassBootstrap.Interval90>> groups = new EnumMap<>(BiomassTotals.By.class);
        for (BiomassTotals.By by : BiomassTotals.By.values()) {
            groups.put(by, booted.get(by.ordinal()).groups());
        }
        return new Report(results, totals, boot, groups, intervals.size(), outside, nearest, intervals.size() - nearest, params);
    }

    /**
     * The biomass of one survey of a workspace (its NASC and hauls; {@code null}: all).
     *
     * @throws IllegalArgumentException as {@link #compute(List, ZoneLayer, List, BiomassParameters, String, String, int, long)},
     *                                  and when the survey has no hauls
     */
    public Report compute(pe.cardumen.workspace.Workspace ws, ZoneLayer zones, String survey, BiomassParameters params, String channel, String category,
                          int replicates, long seed) throws pe.cardumen.workspace.WorkspaceException {
        List<Haul> hauls = ws.hauls(survey);
        if (hauls.isEmpty()) {
            throw new IllegalArgumentException("the workspace has no hauls" + (survey == null ? "" : " in survey " + survey)
                    + "; import a haul length-frequency .csv");
        }
        return compute(ws.nascCells(survey), zones, hauls, params, channel, category, replicates, seed);
    }

    /** Stores a report's zones in the workspace against its parameter set, naming the survey; returns the run. */
    public static pe.cardumen.workspace.BiomassRun store(pe.cardumen.workspace.Workspace ws, String survey, Report report, int replicates, long seed)
            throws pe.cardumen.workspace.WorkspaceException {
        List<pe.cardumen.workspace.BiomassRow> rows = new ArrayList<>();
        for (ZoneBiomass.Result r : report.zones()) {
            rows.add(new pe.cardumen.workspace.BiomassRow(r.zone(), r.intervals(), r.nascMean(), r.densityTPerNmi2(), r.biomassT(),
                    report.bootstrap().zones().get(r.zone()).cv(), r.juvenilePctNumber(), r.juvenilePctWeight()));
        }
        return ws.storeBiomass(survey, report.parameters().definition(), replicates, seed, report.totalT(), report.bootstrap().total().cv(), rows);
    }

    /**
     * The survey to compute: the one wanted, else the only one, else none ({@code null}: the workspace's
     * NASC is not divided into surveys).
     *
     * @param surveys the workspace's surveys
     * @throws IllegalArgumentException when the wanted survey does not exist, or there are several and none was chosen
     */
    public static String chooseSurvey(List<String> surveys, String wanted) {
        if (wanted != null) {
            if (!surveys.contains(wanted)) {
                throw new IllegalArgumentException("no survey '" + wanted + "' in the workspace" + (surveys.isEmpty() ? " (no import names a survey; "
                        + "import with --survey ID)" : "; it has " + surveys));
            }
            return wanted;
        }
        if (surveys.size() > 1) {
            throw new IllegalArgumentException("the workspace has " + surveys.size() + " surveys " + abbreviate(surveys) + "; choose one with --survey");
        }
        return surveys.isEmpty() ? null : surveys.get(0);
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 6 ? values.toString()
                : "[" + String.join(", ", values.subList(0, 3)) + ", …, " + String.join(", ", values.subList(values.size() - 2, values.size())) + "]";
    }

    private static String choose(List<String> values, String wanted, String what, String option) {
        TreeSet<String> distinct = new TreeSet<>(values);
        if (wanted != null) {
            if (!distinct.contains(wanted)) {
                throw new IllegalArgumentException("no NASC of " + what + " '" + wanted + "'; the workspace has " + distinct);
            }
            return wanted;
        }
        if (distinct.size() > 1) {
            throw new IllegalArgumentException("the workspace has NASC of several " + what + "s " + distinct + "; choose one with " + option);
        }
        return distinct.first();
    }
}
