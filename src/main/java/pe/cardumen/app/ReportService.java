package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.report.QuotaReport;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/** Builds the quota report of a stock and season from a workspace (see {@link QuotaReport}). */
public final class ReportService {
    private final Services services;

    public ReportService(Services services) {
        this.services = services;
    }

    /** The report's data (with the thresholds as given: {@link HarvestParameters#forSouth} for the south's reference): the plan, the stock's zones, ICEN, every input with its SHA-256 and the parameters. */
    public QuotaReport.Data data(Workspace ws, Stock stock, String season, pe.cardumen.domain.QuotaBasis basis, String scenario,
                                 HarvestParameters p) throws WorkspaceException, IOException, FileFormatException {
        QuotaService.Plan plan = services.quota().plan(ws, stock, season, basis, scenario, p);
        List<Zone> zones = ws.zones().stream().filter(z -> z.stock() == stock).toList();
        Map<YearMonth, Double> icen = new HashMap<>();
        services.ensoSeries().icen().forEach(m -> icen.put(m.month(), m.icenC()));
        List<QuotaReport.Input> inputs = new ArrayList<>();
        ws.imports().forEach(i -> inputs.add(new QuotaReport.Input(i.kind(), i.fileName(), i.sha256(), i.survey())));
        List<QuotaReport.Parameter> params = new ArrayList<>();
        Map<String, String> bundled = HarvestParameters.defaults().definition();
        plan.table().parameters().definition().forEach((k, v) ->
                params.add(new QuotaReport.Parameter("harvest", k, v, v.equals(bundled.get(k)) ? "default" : "user")));
        if (!basis.isModel()) {
            // the parameter set of the basis's own run, not of whatever was computed last
            String set = "parameter set v" + plan.parameterSet();
            for (String line : ws.parameterSet(plan.parameterSet()).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    params.add(new QuotaReport.Parameter("biomass", line.substring(0, eq).trim(), line.substring(eq + 1).trim(), set));
                }
            }
        }
        String modelRef = null;
        String sha = null;
        if (basis.isModel()) {
            var v = services.models().registry().resolve(basis.model());
            modelRef = v.ref();
            sha = v.sha256();
        }
        // what the app's map colours by for this basis, every zone (the report's map classes them as the screen does)
        Map<String, Double> mapDensity = new HashMap<>();
        if (basis.isModel()) {
            services.models().predict(ws, basis.model(), basis.period(), true).zones().forEach(z -> mapDensity.put(z.zone(), z.densityP50()));
        } else {
            ws.biomass(plan.basis().run()).forEach(r -> {
                if (!Double.isNaN(r.densityTPerNmi2())) {
                    mapDensity.put(r.zone(), r.densityTPerNmi2());
                }
            });
        }
        boolean simulated = plan.source().contains("SIMULATED") || ws.surveys().stream().anyMatch(pe.cardumen.workspace.SurveyInfo::simulated);
        return new QuotaReport.Data(stock.id(), season, scenario, plan.biomass(), plan.table(), plan.allocation(), plan.supply(), zones, plan.zoneBiomass(),
                mapDensity, icen, modelRef, sha, ws.file().getFileName().toString(), pe.cardumen.io.FileDigest.sha256(ws.file()), inputs, params, simulated, AppInfo.version(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), plan.basis());
    }

    /** Writes the report; returns its pages. */
    public int write(QuotaReport.Data data, Locale locale, Path out) throws IOException {
        return new QuotaReport(locale).write(data, out);
    }
}
