package pe.cardumen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import pe.cardumen.acoustics.biomass.BiomassBootstrap;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.acoustics.biomass.BiomassTotals;
import pe.cardumen.acoustics.biomass.ZoneBiomass;
import pe.cardumen.app.BiomassSurvey;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.biotic.HaulCsvReader;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen biomass --workspace W --hauls FILE}. */
@Command(name = "biomass", mixinStandardHelpOptions = true,
        description = "Biomass from the workspace's NASC and haul length frequencies (DOMAIN.md §3), per zone or per degree/band/stock, as CSV; "
                + "a summary with the total, its bootstrap CV and the parameters on standard error.")
final class BiomassCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace with imported NASC.")
    Path workspace;

    @Option(names = "--survey", description = "The survey to compute (its NASC and hauls); needed when the workspace has several.")
    String survey;

    @Option(names = "--hauls", description = "Haul length frequencies CSV: haul_id,time,lat,lon,length_cm,count (default: the hauls imported "
            + "into the workspace).")
    Path hauls;

    @Option(names = "--parameters", description = "A parameter file (keys of the bundled biomass-parameters.properties).")
    Path parameters;

    @Option(names = "--b20", description = "TS intercept b20, dB (overrides the parameter file).")
    Double b20;

    @Option(names = "--ts-table", description = "A CSV of length_cm,ts_db used instead of TS = 20 log10(L) + b20 (linear in length between rows).")
    Path tsTable;

    @Option(names = "--by", description = "Totals per degree, band or stock instead of per zone.")
    String by;

    @Option(names = "--channel", description = "The channel label when the NASC has several, e.g. '38 kHz'.")
    String channel;

    @Option(names = "--category", description = "The scattering category when the NASC has several.")
    String category;

    @Option(names = "--replicates", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int replicates = 1000;

    @Option(names = "--seed", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--store", description = "Store the per-zone result in the workspace with its (versioned) parameter set.")
    boolean store;

    @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
    boolean csv;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() throws Exception {
        BiomassParameters p = parameters == null ? BiomassParameters.defaults() : BiomassParameters.load(parameters);
        if (b20 != null) {
            p = p.withB20(b20);
        }
        if (tsTable != null) {
            p = p.withTsTable(BiomassParameters.TsTable.read(tsTable));
        }
        BiomassTotals.By grouping = null;
        if (by != null) {
            try {
                grouping = BiomassTotals.By.valueOf(by.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--by must be degree, band or stock, not '" + by + "'");
            }
        }
        PrintWriter err = err();
        BiomassSurvey.Report report;
        Map<String, Zone> zones = new java.util.HashMap<>();
        java.util.List<pe.cardumen.domain.biotic.Haul> haulList;
        String chosen;
        try (Workspace ws = Workspace.open(workspace)) {
            chosen = BiomassSurvey.chooseSurvey(ws.surveys().stream().map(pe.cardumen.workspace.SurveyInfo::id).toList(), survey);
            if (hauls != null) {
                var haulData = new HaulCsvReader().read(hauls);
                haulData.rejects().forEach(r -> err.println("  rejected " + hauls.getFileName() + ", " + r.location() + ": " + r.reason()));
                haulList = haulData.accepted();
            } else {
                haulList = ws.hauls(chosen);
                if (haulList.isEmpty()) {
                    throw new IllegalArgumentException("the workspace has no hauls" + (chosen == null ? "" : " in survey " + chosen)
                            + "; import a haul length-frequency .csv or give --hauls");
                }
            }
            ZoneLayer layer = new ZoneLayer(ws.summary().zoneSource(), ws.zones());
            layer.zones().forEach(z -> zones.put(z.code(), z));
            report = new BiomassSurvey().compute(ws.nascCells(chosen), layer, haulList, p, channel, category, replicates, seed);
            if (store) {
                var run = BiomassSurvey.store(ws, chosen, report, replicates, seed);
                err.printf(Locale.ROOT, "stored as biomass run %d with parameter set v%d%n", run.id(), run.parameterSetVersion());
            }
        }
        PrintWriter out = out();
        if (grouping == null) {
            out.println("code,stock,area_nmi2,n_intervals,nasc_mean,density_t_per_nmi2,biomass_t,cv,juvenile_pct_number,juvenile_pct_weight");
            for (ZoneBiomass.Result r : report.zones()) {
                BiomassBootstrap.Interval90 u = report.bootstrap().zones().get(r.zone());
                out.printf(Locale.ROOT, "%s,%s,%.3f,%d,%.3f,%.6f,%.3f,%.4f,%.2f,%.2f%n", r.zone(), zones.get(r.zone()).stock().id(), r.areaNmi2(), r.intervals(),
                        r.nascMean(), r.densityTPerNmi2(), r.biomassT(), u.cv(), r.juvenilePctNumber(), r.juvenilePctWeight());
            }
        } else {
            out.println("group,zones,area_nmi2,abundance_millions,biomass_t,cv,lower90_t,upper90_t,mean_length_cm,juvenile_pct_number,juvenile_pct_weight");
            for (BiomassTotals.Total t : report.totals().get(grouping)) {
                BiomassBootstrap.Interval90 u = report.groupUncertainty().get(grouping).get(t.group());
                out.printf(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%.4f,%.3f,%.3f,%.2f,%.2f,%.2f%n", t.group(), t.zones(), t.areaNmi2(), t.abundance() / 1e6,
                        t.biomassT(), u.cv(), u.lowerT(), u.upperT(), t.meanLengthCm(), t.juvenilePctNumber(), t.juvenilePctWeight());
            }
        }
        BiomassBootstrap.Interval90 total = report.bootstrap().total();
        if (chosen != null) {
            err.println("survey " + chosen);
        }
        err.printf(Locale.ROOT, "total %.1f t (CV %.3f, 90 %% %.1f–%.1f t, %d replicates, seed %d); %d intervals in %d zones, %d outside the zones; "
                        + "length distributions: %d nearest haul within %.0f nmi, %d survey mean of %d hauls%n",
                report.totalT(), total.cv(), total.lowerT(), total.upperT(), replicates, seed, report.intervals(), report.zones().size(), report.outsideZones(),
                report.byNearestHaul(), p.haulRadiusNmi(), report.bySurveyMean(), haulList.size());
        String ts = p.tsTable() != null ? "TS from " + tsTable.getFileName() + " (" + p.tsTable().lengthsCm().length + " rows)"
                : String.format(Locale.ROOT, "TS = 20 log10(L) %+.2f dB%s", p.b20Db(), p.b20Confirmed() ? "" : " (b20 UNCONFIRMED for E. ringens)");
        err.printf(Locale.ROOT, "parameters: %s; W = %.3e L^%.3f kg; juveniles < %.1f cm%n", ts, p.lwA(), p.lwB(), p.juvenileCm());
        out.flush();
        err.flush();
        return 0;
    }
}
