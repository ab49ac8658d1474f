package pe.cardumen.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import pe.cardumen.domain.LanguageNumbers;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.Ports;
import pe.cardumen.planning.Allocation;
import pe.cardumen.planning.BiomassDistribution;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.SupplyPlan;
import pe.cardumen.render.BaseMapLayer;
import pe.cardumen.render.Choropleth;
import pe.cardumen.render.GraticuleLayer;
import pe.cardumen.render.Legend;
import pe.cardumen.render.LegendLayer;
import pe.cardumen.render.MapFrame;
import pe.cardumen.render.MapLayer;
import pe.cardumen.render.MapProjection;
import pe.cardumen.render.MapRenderer;
import pe.cardumen.render.MapViewport;
import pe.cardumen.render.NorthArrowLayer;
import pe.cardumen.render.PortsLayer;
import pe.cardumen.render.ScaleBarLayer;
import pe.cardumen.render.WorldShapes;
import pe.cardumen.render.ZoneClasses;
import pe.cardumen.render.ZonesLayer;

/**
 * The quota report the manager takes to the meeting, an A4 PDF/A-1b in Spanish or English. Page 1:
 * the title, the recommended catch limit per scenario in a box with what limits it and the basis, the
 * key figures, and the map of biomass density per zone drawn by the app's own layers (land, coast,
 * graticule, ports, scale bar, north arrow, the app's classes and legend) as vector paths. Then the
 * recommendation per scenario, biomass by degree and distance band with totals, the decision table on a
 * landscape page with the recommended cells marked, ENSO, the supply plan, the parameters as a labelled
 * table, a one-page provenance, and an appendix of every input with its SHA-256. Numbers are in the
 * reader's format and right-aligned; headings and figures are tagged; pages say "Página N de M".
 */
public final class QuotaReport {
    /**
     * What the report shows.
     *
     * @param stock         the stock's id, {@code north-centre} or {@code south} (printed in the reader's language)
     * @param season        e.g. {@code 2026-I}
     * @param scenario      the scenario whose recommendation leads the summary
     * @param zones         the stock's zones (geometry, area, band)
     * @param zoneBiomassT  biomass per zone, t
     * @param mapDensity    what the app's map colours by for this basis, every zone of the workspace: a run's biomass
     *                      density, or a model's P50 density (t nmi⁻²); the page-1 map classes these values as the screen does
     * @param icen          ICEN per month, °C (for the context chart)
     * @param model         {@code id:version} when a model gave the biomass, else {@code null}
     * @param modelSha256   its hash
     * @param workspace     the workspace file's name
     * @param workspaceSha256 the SHA-256 of the workspace file when the report was written
     * @param inputs        every import of the workspace
     * @param parameters    every parameter the numbers depend on, with where its value came from
     * @param simulated     whether the inputs include simulated data
     * @param appVersion    Cardumen's version
     * @param generated     when, ISO instant
     * @param basis         the recorded basis of the plan
     */
    public record Data(String stock, String season, String scenario, BiomassDistribution biomass, DecisionTable.Table table,
                       Allocation.Result allocation, List<SupplyPlan.Month> supply, List<Zone> zones, Map<String, Double> zoneBiomassT,
                       Map<String, Double> mapDensity, Map<YearMonth, Double> icen, String model, String modelSha256, String workspace, String workspaceSha256, List<Input> inputs,
                       List<Parameter> parameters, boolean simulated, String appVersion, String generated, pe.cardumen.domain.QuotaBasis basis) {
        /** The recommended catch of the lead scenario, t. */
        public double recommendedT() {
            return table.recommendations().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow().catchT();
        }
    }

    /**
     * One input file.
     *
     * @param kind     what it was imported as ({@code nasc}, {@code hauls}, {@code raw}…)
     * @param fileName its name
     * @param sha256   its hash
     * @param survey   the survey it belongs to, or {@code null}
     */
    public record Input(String kind, String fileName, String sha256, String survey) {
    }

    /**
     * One parameter as the report lists it.
     *
     * @param group  {@code harvest} or {@code biomass}
     * @param key    the parameter file's key
     * @param value  its value as written
     * @param source where the value came from, in English ({@code default}, {@code user file}, {@code parameter set v3})
     */
    public record Parameter(String group, String key, String value, String source) {
    }

    private final Locale locale;
    /** The reader's language's number conventions (Spanish 4.200.000 and 0,35). */
    private final LanguageNumbers numbers;
    private final ResourceBundle texts;

    public QuotaReport(Locale locale) {
        this.locale = locale;
        this.numbers = LanguageNumbers.of(locale);
        // no fallback to the default locale: an English report on a Spanish system is English
        this.texts = ResourceBundle.getBundle("pe.cardumen.report.report", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** A number as the report prints it: grouped, no decimals (t). */
    public String tonnes(double t) {
        return numbers.tonnes(t);
    }

    /** A word of the report's vocabulary (stock, scenario, limiting criterion, parameter) in the reader's language; the key itself when there is none. */
    String word(String prefix, String key) {
        return texts.containsKey(prefix + key) ? texts.getString(prefix + key) : key;
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(texts.getString(key), args);
    }

    /** Writes the PDF to {@code out} (through a temporary file beside it); returns the number of pages. */
    public int write(Data d, Path out) throws IOException {
        String stock = word("stock.", d.stock());
        String title = format("title", stock, d.season());
        PdfPages.Info info = new PdfPages.Info(title, "Cardumen " + d.appVersion(), format("subject", stock, d.season()), texts.getString("keywords"),
                "Cardumen " + d.appVersion(), locale.getLanguage(), PdfPages.calendar(d.generated()));
        try (PdfPages w = new PdfPages(info, title, texts.getString("page"))) {
            w.newPage(false);
            firstPage(w, d, title);
            w.newPage(false);
            scenarios(w, d);
            groups(w, d);
            w.newPage(true);
            decisionTable(w, d);
            w.newPage(false);
            enso(w, d);
            supply(w, d);
            w.newPage(false);
            parameters(w, d);
            provenance(w, d);
            w.newPage(false);
            appendix(w, d);
            return w.save(out);
        }
    }

    private String scenario(String s) {
        return word("scenario.", s);
    }

    private String limitedBy(String s) {
        return word("limited.", s);
    }

    private String basis(Data d) {
        if (d.basis() == null) {
            return null;
        }
        return d.basis().isModel() ? format("basis.model", d.basis().model(), d.basis().period().toString())
                : d.basis().survey() == null ? format("basis.run", Long.toString(d.basis().run()))
                : format("basis.survey", d.basis().survey(), Long.toString(d.basis().run()));
    }

    // ---- page 1: the recommendation and the map ----

    private void firstPage(PdfPages w, Data d, String title) throws IOException {
        w.y -= 16;
        w.beginTag("H1");
        for (String line : w.wrap(title, 16, w.bold, w.textWidth())) {
            w.at(PdfPages.MARGIN, w.y, line, 16, w.bold);
            w.y -= 20;
        }
        w.endTag();
        w.colour(new Color(80, 80, 80));
        w.paragraph(format("subtitle", d.appVersion(), d.generated()), 9, false);
        w.colour(Color.BLACK);
        if (d.simulated()) {
            w.gap(2);
            w.colour(new Color(170, 30, 30));
            w.paragraph(texts.getString("simulated"), 10, true);
            w.colour(Color.BLACK);
        }
        w.gap(6);
        recommendationBox(w, d);
        w.gap(4);
        DecisionTable.Recommendation lead = lead(d);
        if (lead.cell() != null) {
            w.paragraph(format("risk", tonnes(d.table().parameters().referenceT()), numbers.number(100 * lead.cell().risk(), 1),
                    numbers.number(lead.cell().exploitation(), 3), tonnes(lead.cell().remainingMedianT())), 9, false);
        }
        double lo = d.biomass().medianT() * Math.exp(-1.6448536 * d.biomass().sigma());
        double hi = d.biomass().medianT() * Math.exp(1.6448536 * d.biomass().sigma());
        w.paragraph(format("biomass", tonnes(d.biomass().medianT()), tonnes(lo), tonnes(hi)), 9, false);
        w.paragraph(format("juveniles", Integer.toString(d.allocation().juvenileWarnings()),
                numbers.number(d.table().parameters().number("juvenile.warning.pct"), 0)), 9, false);
        if (d.model() != null) {
            w.paragraph(format("model", d.model(), d.modelSha256()), 8, false);
        }
        w.gap(2);
        w.heading(texts.getString("map"), 11, 2);
        map(w, d);
    }

    private static DecisionTable.Recommendation lead(Data d) {
        return d.table().recommendations().stream().filter(r -> r.scenario().equals(d.scenario())).findFirst().orElseThrow();
    }

    /** The recommended catch limit per scenario in a framed box, the lead scenario first and in bold, each with what limits it. */
    private void recommendationBox(PdfPages w, Data d) throws IOException {
        List<DecisionTable.Recommendation> recs = new ArrayList<>(d.table().recommendations());
        recs.sort((a, b) -> Boolean.compare(!a.scenario().equals(d.scenario()), !b.scenario().equals(d.scenario())));
        String basis = basis(d);
        float row = 15;
        float h = 10 + 16 + (basis == null ? 0 : 13) + 12 + recs.size() * row + 6;
        float left = PdfPages.MARGIN;
        float width = w.textWidth();
        float top = w.y;
        w.beginArtifact();
        w.cs.setNonStrokingColor(new Color(234, 242, 250));
        w.cs.addRect(left, top - h, width, h);
        w.cs.fill();
        w.cs.setStrokingColor(new Color(30, 70, 120));
        w.cs.setLineWidth(1.2f);
        w.cs.addRect(left, top - h, width, h);
        w.cs.stroke();
        w.endTag();
        w.colour(Color.BLACK);
        float x = left + 10;
        w.y = top - 10 - 12;
        w.beginTag("H2");
        w.at(x, w.y, texts.getString("box.title"), 12, w.bold);
        w.endTag();
        if (basis != null) {
            w.y -= 13;
            w.beginTag("P");
            w.at(x, w.y, basis, 9, w.regular);
            w.endTag();
        }
        w.y -= 14;
        w.beginTag("P");
        w.colour(new Color(70, 70, 70));
        w.at(x, w.y, texts.getString("col.scenario"), 8, w.regular);
        String catchHead = texts.getString("box.catch");
        w.at(x + 300 - w.stringWidth(catchHead, 8, w.regular), w.y, catchHead, 8, w.regular);
        w.at(x + 320, w.y, texts.getString("col.limited"), 8, w.regular);
        w.colour(Color.BLACK);
        w.endTag();
        for (DecisionTable.Recommendation r : recs) {
            boolean isLead = r.scenario().equals(d.scenario());
            w.y -= row;
            PDFont f = isLead ? w.bold : w.regular;
            float size = isLead ? 12 : 10;
            String t = tonnes(r.catchT()) + " t";
            w.beginTag("P");
            w.at(x, w.y, scenario(r.scenario()) + (isLead ? "  ◄" : ""), size, f);
            w.at(x + 300 - w.stringWidth(t, size, f), w.y, t, size, f);
            w.at(x + 320, w.y, limitedBy(r.limitedBy()), 9, w.regular);
            w.endTag();
        }
        w.y = top - h;
    }

    /** Biomass density per zone on the app's own map layers, drawn as vector paths and text. */
    private void map(PdfPages w, Data d) throws IOException {
        float top = w.y - 2;
        float height = top - PdfPages.MARGIN - 4;
        float width = w.textWidth();
        if (height < 220) {
            w.newPage(false);
            top = w.y;
            height = top - PdfPages.MARGIN - 4;
        }
        MapProjection projection = new MapProjection();
        List<Geometry> geoms = new ArrayList<>();
        double[] density = new double[d.zones().size()];
        Envelope extent = new Envelope();
        for (int i = 0; i < d.zones().size(); i++) {
            Zone z = d.zones().get(i);
            geoms.add(z.geometry());
            density[i] = d.mapDensity().getOrDefault(z.code(), Double.NaN);
        }
        WorldShapes shapes = new WorldShapes(geoms, projection);
        extent.expandToInclude(shapes.envelope());
        // the zones with a margin, and the coast east of them
        double margin = 0.08 * Math.max(extent.getWidth(), extent.getHeight());
        extent.expandBy(margin);
        MapViewport v = MapViewport.fit(extent, (int) width, (int) height, 0);
        Choropleth classes = mapClasses(d);
        ZonesLayer zones = new ZonesLayer(shapes, density, classes).opaque();
        Legend legend = Legend.of(classes, zones.hasNoData(), texts.getString("legend.noData"), numbers);
        Coastline coast = Coastline.bundled();
        // only the part of the coast the page shows is projected (the drawn sea spans the eastern Pacific)
        Envelope shown = v.worldEnvelope();
        double[] sw = projection.unproject(shown.getMinX(), shown.getMinY());
        double[] ne = projection.unproject(shown.getMaxX(), shown.getMaxY());
        Envelope lonLat = new Envelope(sw[0] - 1, ne[0] + 1, sw[1] - 1, ne[1] + 1);
        Geometry view = new org.locationtech.jts.geom.GeometryFactory().toGeometry(lonLat);
        List<MapLayer> layers = new ArrayList<>(List.of(new BaseMapLayer(coast.seaToDraw(lonLat).intersection(view), coast.land().intersection(view),
                coast.mainland().intersection(view), projection), zones,
                new GraticuleLayer(projection), new PortsLayer(Ports.bundled(), projection), new NorthArrowLayer(),
                new ScaleBarLayer(projection, texts.getString("unit.nmi")), new LegendLayer(legend, basis(d))));
        PDStructureElement figure = w.beginTag("Figure");
        figure.setAlternateDescription(format("map.alt", word("stock.", d.stock()), d.season()));
        PdfMapCanvas canvas = new PdfMapCanvas(w.cs, PdfPages.MARGIN, top, width, height, w.regular, w.bold);
        new MapRenderer().paint(layers, new MapFrame(v), canvas);
        canvas.close();
        w.cs.setStrokingColor(new Color(120, 120, 120));
        w.cs.setLineWidth(0.6f);
        w.cs.addRect(PdfPages.MARGIN, top - height, width, height);
        w.cs.stroke();
        w.endTag();
        w.y = top - height - 6;
    }

    /**
     * The page-1 map's classes: the app's rule for the basis ({@link ZoneClasses#zeroInflated} for a run's density,
     * {@link ZoneClasses#prediction} for a model's P50) over every zone's value, as the screen classes them.
     */
    public Choropleth mapClasses(Data d) {
        double[] all = d.mapDensity().values().stream().mapToDouble(Double::doubleValue).toArray();
        String title = texts.getString(d.basis() != null && d.basis().isModel() ? "legend.title.model" : "legend.title");
        return d.basis() != null && d.basis().isModel() ? ZoneClasses.prediction(title, all) : ZoneClasses.zeroInflated(title, all);
    }

    /** The page-1 map's legend (whether a drawn zone lacks a value decides the no-data entry). */
    public Legend mapLegend(Data d) {
        boolean noData = d.zones().stream().anyMatch(z -> !d.mapDensity().containsKey(z.code()));
        return Legend.of(mapClasses(d), noData, texts.getString("legend.noData"), numbers);
    }

    // ---- page 2: recommendations and biomass by group ----

    private static final PdfPages.Align L = PdfPages.Align.LEFT;
    private static final PdfPages.Align R = PdfPages.Align.RIGHT;

    private void scenarios(PdfPages w, Data d) throws IOException {
        w.heading(texts.getString("scenarios"), 12, 1);
        List<PdfPages.Row> rows = new ArrayList<>();
        for (DecisionTable.Recommendation r : d.table().recommendations()) {
            DecisionTable.Cell c = r.cell();
            rows.add(PdfPages.Row.of(scenario(r.scenario()), tonnes(r.catchT()), c == null ? "—" : numbers.number(c.exploitation(), 3),
                    c == null ? "—" : tonnes(c.remainingMedianT()), c == null ? "—" : numbers.number(100 * c.risk(), 1), limitedBy(r.limitedBy())));
        }
        w.table(new String[] {texts.getString("col.scenario"), texts.getString("col.catch"), texts.getString("col.e"), texts.getString("col.remaining"),
            texts.getString("col.risk"), texts.getString("col.limited")}, new float[] {80, 70, 70, 95, 55, 125}, new PdfPages.Align[] {L, R, R, R, R, L},
                rows, 8.5f);
        w.paragraph(format("scenarios.note", tonnes(d.table().parameters().referenceT()),
                numbers.number(d.table().parameters().exploitationMax(), 2), numbers.number(100 * d.table().parameters().riskTolerance(), 0)), 8, false);
    }

    /** Distance bands from here outwards are one row of the table. */
    private static final double FAR_NMI = 100;

    private void groups(PdfPages w, Data d) throws IOException {
        Map<String, double[]> byDegree = new TreeMap<>();
        Map<String, double[]> byBand = new TreeMap<>();
        double total = 0;
        for (Zone z : d.zones()) {
            double b = d.zoneBiomassT().getOrDefault(z.code(), 0.0);
            total += b;
            String degree = String.format(Locale.ROOT, "%02d°S", (int) Math.floor(-z.centroidLat()));
            byDegree.computeIfAbsent(degree, x -> new double[2])[0] += b;
            if (z.hasDistanceBand()) {
                // beyond 100 nmi the bands hold a few per cent of the biomass together: one row
                String band = z.distMinNmi() >= FAR_NMI ? "≥ " + (int) FAR_NMI : String.format(Locale.ROOT, "%03.0f–%03.0f", z.distMinNmi(), z.distMaxNmi());
                byBand.computeIfAbsent(band, x -> new double[2])[0] += b;
            }
        }
        double allocated = 0;
        for (var s : d.allocation().zones()) {
            byDegree.computeIfAbsent(s.degree().length() == 3 ? "0" + s.degree() : s.degree(), x -> new double[2])[1] += s.catchT();
            allocated += s.catchT();
        }
        final double all = total;
        w.gap(8);
        w.heading(texts.getString("bydegree"), 12, 1);
        List<PdfPages.Row> rows = new ArrayList<>();
        byDegree.forEach((g, v) -> rows.add(PdfPages.Row.of(g.replaceFirst("^0", ""), tonnes(v[0]), numbers.number(all > 0 ? 100 * v[0] / all : 0, 1),
            tonnes(v[1]))));
        rows.add(PdfPages.Row.total(texts.getString("total"), tonnes(total), numbers.number(total > 0 ? 100 : 0, 1), tonnes(allocated)));
        w.table(new String[] {texts.getString("col.degree"), texts.getString("col.biomass"), texts.getString("col.share"), texts.getString("col.allocated")},
                new float[] {90, 120, 70, 130}, new PdfPages.Align[] {L, R, R, R}, rows, 8.5f);
        w.gap(6);
        w.heading(texts.getString("byband"), 12, 1);
        List<PdfPages.Row> bands = new ArrayList<>();
        double bandTotal = 0;
        for (Map.Entry<String, double[]> e : byBand.entrySet()) {
            double[] v = e.getValue();
            if (v[0] > 0) {
                bandTotal += v[0];
                bands.add(PdfPages.Row.of(e.getKey().replaceAll("(^|–)0+(\\d)", "$1$2"), tonnes(v[0]), numbers.number(all > 0 ? 100 * v[0] / all : 0, 1)));
            }
        }
        bands.add(PdfPages.Row.total(texts.getString("total"), tonnes(bandTotal), numbers.number(all > 0 ? 100 * bandTotal / all : 0, 1)));
        w.table(new String[] {texts.getString("col.band"), texts.getString("col.biomass"), texts.getString("col.share")}, new float[] {110, 120, 70},
                new PdfPages.Align[] {L, R, R}, bands, 8.5f);
    }

    // ---- page 3 (landscape): the decision table ----

    private void decisionTable(PdfPages w, Data d) throws IOException {
        w.heading(texts.getString("table"), 12, 1);
        w.paragraph(texts.getString("table.how"), 8, false);
        List<DecisionTable.Recommendation> recs = d.table().recommendations();
        double[] catches = d.table().parameters().catches();
        float size = 6.5f;
        float available = w.y - PdfPages.MARGIN - 40;
        int fit = (int) (available / (size + 5)) - 2;
        int step = Math.max(1, (int) Math.ceil(catches.length / (double) Math.max(1, fit)));
        int n = recs.size();
        String[] head = new String[1 + 3 * n];
        PdfPages.Align[] align = new PdfPages.Align[head.length];
        float[] widths = new float[head.length];
        head[0] = texts.getString("col.catch");
        align[0] = R;
        widths[0] = 62;
        float each = (w.textWidth() - widths[0]) / (3 * n);
        for (int s = 0; s < n; s++) {
            String sc = scenario(recs.get(s).scenario());
            head[1 + 3 * s] = sc + ": " + texts.getString("col.remaining.short");
            head[2 + 3 * s] = "E";
            head[3 + 3 * s] = texts.getString("col.risk");
            widths[1 + 3 * s] = each * 1.5f;
            widths[2 + 3 * s] = each * 0.7f;
            widths[3 + 3 * s] = each * 0.8f;
            align[1 + 3 * s] = R;
            align[2 + 3 * s] = R;
            align[3 + 3 * s] = R;
        }
        List<PdfPages.Row> rows = new ArrayList<>();
        for (int i = 0; i < catches.length; i++) {
            boolean anyRecommended = false;
            boolean[] marked = new boolean[head.length];
            String[] row = new String[head.length];
            row[0] = tonnes(catches[i]);
            for (int s = 0; s < n; s++) {
                DecisionTable.Cell c = d.table().row(recs.get(s).scenario()).get(i);
                boolean rec = recs.get(s).cell() == c;
                anyRecommended |= rec;
                marked[1 + 3 * s] = rec;
                marked[2 + 3 * s] = rec;
                marked[3 + 3 * s] = rec;
                row[1 + 3 * s] = tonnes(c.remainingMedianT());
                row[2 + 3 * s] = numbers.number(c.exploitation(), 2);
                row[3 + 3 * s] = numbers.number(100 * c.risk(), 1);
            }
            // every recommended row is shown, the others thinned to fit one page
            if (anyRecommended || i % step == 0 || i == catches.length - 1) {
                rows.add(new PdfPages.Row(row, false, anyRecommended ? marked : null));
            }
        }
        w.table(head, widths, align, rows, size);
        w.paragraph(format("table.method", DecisionTable.METHOD), 7.5f, false);
    }

    // ---- page 4: ENSO and the supply plan ----

    private void enso(PdfPages w, Data d) throws IOException {
        if (d.icen().isEmpty()) {
            return;
        }
        w.heading(texts.getString("enso"), 12, 1);
        YearMonth last = d.icen().keySet().stream().max(YearMonth::compareTo).orElseThrow();
        YearMonth first = last.minusYears(10);
        List<double[]> pts = new ArrayList<>();
        d.icen().forEach((m, v) -> {
            if (!m.isBefore(first) && !Double.isNaN(v)) {
                pts.add(new double[] {m.getYear() + (m.getMonthValue() - 1) / 12.0, v});
            }
        });
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        PDStructureElement fig = w.beginTag("Figure");
        fig.setAlternateDescription(texts.getString("enso.alt"));
        lineChart(w, pts, first.getYear(), last.getYear() + 1, -2, 4, 130);
        w.endTag();
    }

    private void supply(PdfPages w, Data d) throws IOException {
        w.gap(6);
        w.need(230);
        w.heading(texts.getString("supply"), 12, 1);
        List<PdfPages.Row> rows = new ArrayList<>();
        double[] t = new double[6];
        for (SupplyPlan.Month m : d.supply()) {
            rows.add(PdfPages.Row.of(java.time.Month.of(m.month()).getDisplayName(java.time.format.TextStyle.SHORT, locale), tonnes(m.landingsT()[0]),
                    tonnes(m.landingsT()[1]), tonnes(m.landingsT()[2]), tonnes(m.totalT()), tonnes(m.fishmealT()), tonnes(m.fishOilT()), tonnes(m.cumulativeT())));
            t[0] += m.landingsT()[0];
            t[1] += m.landingsT()[1];
            t[2] += m.landingsT()[2];
            t[3] += m.totalT();
            t[4] += m.fishmealT();
            t[5] += m.fishOilT();
        }
        rows.add(PdfPages.Row.total(texts.getString("total"), tonnes(t[0]), tonnes(t[1]), tonnes(t[2]), tonnes(t[3]), tonnes(t[4]), tonnes(t[5]), ""));
        w.table(new String[] {texts.getString("col.month"), texts.getString("col.north"), texts.getString("col.centre"), texts.getString("col.south"),
            texts.getString("col.total"), texts.getString("col.meal"), texts.getString("col.oil"), texts.getString("col.cumulative")},
                new float[] {42, 60, 60, 60, 78, 60, 56, 79}, new PdfPages.Align[] {L, R, R, R, R, R, R, R}, rows, 8);
        List<double[]> bars = new ArrayList<>();
        for (SupplyPlan.Month m : d.supply()) {
            bars.add(new double[] {m.month(), m.cumulativeT()});
        }
        PDStructureElement fig = w.beginTag("Figure");
        fig.setAlternateDescription(texts.getString("supply.alt"));
        barChart(w, bars, 110);
        w.endTag();
    }

    // ---- page 5: parameters and provenance ----

    private void parameters(PdfPages w, Data d) throws IOException {
        w.heading(texts.getString("parameters"), 12, 1);
        List<PdfPages.Row> rows = new ArrayList<>();
        for (Parameter p : d.parameters()) {
            String[] label = parameterLabel(p.key());
            rows.add(PdfPages.Row.of(label[0], value(p.value()), label[1], word("source.", p.source().replaceAll(" v\\d+$", ""))
                    + (p.source().matches(".* v\\d+$") ? " " + p.source().replaceAll(".* (v\\d+)$", "$1") : "")));
        }
        w.table(new String[] {texts.getString("col.parameter"), texts.getString("col.value"), texts.getString("col.unit"), texts.getString("col.source")},
                new float[] {200, 120, 70, 105}, new PdfPages.Align[] {L, R, L, L}, rows, 7.5f);
    }

    /** The parameter's name and unit in the reader's language: {@code param.KEY=name|unit}; scenario keys name their scenario. */
    String[] parameterLabel(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("scenario\\.(.+)\\.(biomass|mortality)\\.factor").matcher(key);
        String text;
        if (m.matches()) {
            text = MessageFormat.format(texts.getString("param.scenario." + m.group(2) + ".factor"), scenario(m.group(1)));
        } else {
            text = texts.containsKey("param." + key) ? texts.getString("param." + key) : key + "|";
        }
        String[] parts = text.split("\\|", -1);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
    }

    /** A parameter's value in the reader's number format (lists and words as written). */
    private String value(String v) {
        String[] parts = v.split(",");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (b.length() > 0) {
                b.append("; ");
            }
            String s = p.trim();
            if (s.equals("true") || s.equals("false")) {
                b.append(texts.getString("value." + s));
                continue;
            }
            try {
                double x = Double.parseDouble(s);
                int decimals = Math.max(0, java.math.BigDecimal.valueOf(x).stripTrailingZeros().scale());
                b.append(Math.abs(x) >= 1e4 && x == Math.rint(x) ? tonnes(x) : numbers.number(x, Math.min(decimals, 8)));
            } catch (NumberFormatException e) {
                b.append(word("scenario.", s));
            }
        }
        return b.toString();
    }

    private void provenance(PdfPages w, Data d) throws IOException {
        w.gap(8);
        w.need(170);
        w.heading(texts.getString("provenance"), 12, 1);
        w.paragraph(format("prov.workspace", d.workspace(), d.workspaceSha256()), 8.5f, false);
        Map<String, Integer> kinds = new TreeMap<>();
        java.util.TreeSet<String> surveys = new java.util.TreeSet<>();
        for (Input i : d.inputs()) {
            kinds.merge(i.kind(), 1, Integer::sum);
            if (i.survey() != null) {
                surveys.add(i.survey());
            }
        }
        List<PdfPages.Row> rows = new ArrayList<>();
        kinds.forEach((k, n) -> rows.add(PdfPages.Row.of(word("kind.", k), numbers.number(n, 0))));
        rows.add(PdfPages.Row.total(texts.getString("total"), numbers.number(d.inputs().size(), 0)));
        w.table(new String[] {texts.getString("col.kind"), texts.getString("col.files")}, new float[] {200, 80}, new PdfPages.Align[] {L, R}, rows, 8.5f);
        if (!surveys.isEmpty()) {
            w.paragraph(format("prov.surveys", Integer.toString(surveys.size()), surveys.first(), surveys.last()), 8.5f, false);
        }
        w.paragraph(d.model() != null ? format("model", d.model(), d.modelSha256()) : texts.getString("prov.nomodel"), 8.5f, false);
        w.paragraph(format("generated", d.generated(), d.appVersion()), 8.5f, false);
        w.paragraph(texts.getString("prov.appendix"), 8.5f, false);
    }

    /** The appendix: every input file with its SHA-256, in import order. */
    private void appendix(PdfPages w, Data d) throws IOException {
        w.heading(texts.getString("appendix"), 12, 1);
        List<PdfPages.Row> rows = new ArrayList<>();
        for (Input i : d.inputs()) {
            rows.add(PdfPages.Row.of(i.fileName(), word("kind.", i.kind()), i.survey() == null ? "—" : i.survey(), i.sha256()));
        }
        w.table(new String[] {texts.getString("col.file"), texts.getString("col.kind"), texts.getString("col.survey"), "SHA-256"},
                new float[] {150, 60, 45, 240}, new PdfPages.Align[] {L, L, L, L}, rows, 6);
    }

    // ---- charts ----

    private void lineChart(PdfPages w, List<double[]> pts, double x0, double x1, double yMin, double yMax, float h) throws IOException {
        PDPageContentStream cs = w.cs;
        float left = PdfPages.MARGIN + 34;
        float wd = w.textWidth() - 44;
        float bottom = w.y - h - 6;
        axes(cs, left, bottom, wd, h);
        for (double v = yMin; v <= yMax + 1e-9; v += 1) {
            float py = (float) (bottom + (v - yMin) / (yMax - yMin) * h);
            w.at(PdfPages.MARGIN, py - 3, (v > 0 ? "+" : v < 0 ? "−" : "") + numbers.number(Math.abs(v), 0) + " °C", 7, w.regular);
        }
        for (int year = (int) x0; year <= x1; year += 2) {
            float px = (float) (left + (year - x0) / (x1 - x0) * wd);
            w.at(px - 10, bottom - 10, Integer.toString(year), 7, w.regular);
        }
        float zero = (float) (bottom + (0 - yMin) / (yMax - yMin) * h);
        cs.setStrokingColor(Color.LIGHT_GRAY);
        cs.moveTo(left, zero);
        cs.lineTo(left + wd, zero);
        cs.stroke();
        cs.setStrokingColor(new Color(180, 40, 40));
        cs.setLineWidth(1f);
        for (int i = 0; i < pts.size(); i++) {
            float px = (float) (left + (pts.get(i)[0] - x0) / (x1 - x0) * wd);
            float py = (float) (bottom + (Math.max(yMin, Math.min(yMax, pts.get(i)[1])) - yMin) / (yMax - yMin) * h);
            if (i == 0) {
                cs.moveTo(px, py);
            } else {
                cs.lineTo(px, py);
            }
        }
        cs.stroke();
        cs.setStrokingColor(Color.BLACK);
        w.y = bottom - 16;
    }

    private void barChart(PdfPages w, List<double[]> bars, float h) throws IOException {
        w.need(h + 30);
        PDPageContentStream cs = w.cs;
        float left = PdfPages.MARGIN + 60;
        float wd = w.textWidth() - 70;
        float bottom = w.y - h - 10;
        axes(cs, left, bottom, wd, h);
        double max = bars.stream().mapToDouble(b -> b[1]).max().orElse(1);
        float bw = wd / Math.max(1, bars.size()) * 0.6f;
        for (int i = 0; i < bars.size(); i++) {
            float px = left + (i + 0.2f) * wd / bars.size();
            float bh = (float) (max > 0 ? bars.get(i)[1] / max * h : 0);
            cs.setNonStrokingColor(new Color(44, 127, 184));
            cs.addRect(px, bottom, bw, bh);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            w.at(px, bottom - 10, java.time.Month.of((int) bars.get(i)[0]).getDisplayName(java.time.format.TextStyle.SHORT, locale), 7, w.regular);
            w.at(px, bottom + bh + 3, tonnes(bars.get(i)[1]) + " t", 7, w.regular);
        }
        w.y = bottom - 18;
    }

    private static void axes(PDPageContentStream cs, float left, float bottom, float w, float h) throws IOException {
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(0.5f);
        cs.moveTo(left, bottom + h);
        cs.lineTo(left, bottom);
        cs.lineTo(left + w, bottom);
        cs.stroke();
    }
}
