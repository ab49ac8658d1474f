package pe.cardumen.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import pe.cardumen.domain.Zone;
import pe.cardumen.planning.Allocation;
import pe.cardumen.planning.BiomassDistribution;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.SupplyPlan;

/**
 * The quota report the manager takes to the meeting, as an A4 PDF in Spanish or English: the summary
 * (recommended catch limit, risk, key figures), the map of biomass per zone with its legend, the
 * recommendation per scenario and the decision table, biomass by degree of latitude and distance band,
 * the ENSO context, the supply plan (table and chart), the parameters and thresholds, and the
 * provenance (inputs with SHA-256, model and its hash, app version, date). DejaVu Sans is embedded, so
 * ≥, ñ, á and ⁻² print everywhere.
 */
public final class QuotaReport {
    /**
     * What the report shows.
     *
     * @param stockLabel    e.g. {@code north-centre}
     * @param season        e.g. {@code 2026-I}
     * @param scenario      the scenario whose recommendation leads the summary
     * @param zones         the stock's zones (geometry, area, band)
     * @param zoneBiomassT  biomass per zone, t
     * @param icen          ICEN per month, °C (for the context chart)
     * @param model         {@code id:version} when a model gave the biomass, else {@code null}
     * @param modelSha256   its hash
     * @param inputs        input files and their SHA-256
     * @param parameters    the parameter sets' text, printed as they are
     * @param simulated     whether the inputs include simulated data
     * @param appVersion    Cardumen's version
     * @param generated     when, ISO text
     */
    public record Data(String stockLabel, String season, String scenario, BiomassDistribution biomass, DecisionTable.Table table,
                       Allocation.Result allocation, List<SupplyPlan.Month> supply, List<Zone> zones, Map<String, Double> zoneBiomassT,
                       Map<YearMonth, Double> icen, String model, String modelSha256, Map<String, String> inputs, String parameters, boolean simulated,
                       String appVersion, String generated, pe.cardumen.domain.QuotaBasis basis) {
        /** The recommended catch of the lead scenario, t. */
        public double recommendedT() {
            return table.recommendations().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow().catchT();
        }
    }

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();

    private final Locale locale;
    /** The reader's language's number conventions (Spanish 4.200.000 and 0,35). */
    private final pe.cardumen.domain.LanguageNumbers numbers;
    private final ResourceBundle texts;

    public QuotaReport(Locale locale) {
        this.locale = locale;
        this.numbers = pe.cardumen.domain.LanguageNumbers.of(locale);
        // no fallback to the default locale: an English report on a Spanish system is English
        this.texts = ResourceBundle.getBundle("pe.cardumen.report.report", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** A number as the report prints it: grouped, no decimals (t). */
    public String tonnes(double t) {
        return numbers.tonnes(t);
    }

    /** Writes the PDF to {@code out} (through a temporary file beside it); returns the number of pages. */
    public int write(Data d, Path out) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".writing");
        int pages;
        try (PDDocument doc = new PDDocument()) {
            PDFont regular;
            PDFont bold;
            try (InputStream r = QuotaReport.class.getResourceAsStream("fonts/DejaVuSans.ttf");
                 InputStream b = QuotaReport.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf")) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(MessageFormat.format(texts.getString("title"), d.stockLabel(), d.season()));
            info.setCreator("Cardumen " + d.appVersion());
            Writer w = new Writer(doc, regular, bold);
            summary(w, d);
            map(w, d);
            w.newPage();
            decisionTable(w, d);
            groups(w, d);
            enso(w, d);
            supply(w, d);
            appendix(w, d);
            w.close();
            pages = doc.getNumberOfPages();
            doc.save(tmp.toFile());
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return pages;
    }

    private void summary(Writer w, Data d) throws IOException {
        w.gap(4);
        w.paragraph(MessageFormat.format(texts.getString("title"), d.stockLabel(), d.season()), 16, true);
        w.text(MessageFormat.format(texts.getString("subtitle"), d.appVersion(), d.generated()), 9);
        w.gap(8);
        if (d.simulated()) {
            w.colour(new Color(170, 30, 30));
            w.paragraph(texts.getString("simulated"), 10, true);
            w.colour(Color.BLACK);
        }
        if (d.basis() != null) {
            w.paragraph(d.basis().isModel() ? MessageFormat.format(texts.getString("basis.model"), d.basis().model(), d.basis().period().toString())
                    : d.basis().survey() == null ? MessageFormat.format(texts.getString("basis.run"), Long.toString(d.basis().run()))
                    : MessageFormat.format(texts.getString("basis.survey"), d.basis().survey(), Long.toString(d.basis().run())), 10, true);
        }
        w.heading(texts.getString("summary"), 13);
        DecisionTable.Recommendation lead = d.table().recommendations().stream().filter(r -> r.scenario().equals(d.scenario())).findFirst().orElseThrow();
        w.paragraph(MessageFormat.format(texts.getString("recommended"), d.scenario(), tonnes(lead.catchT())), 12, true);
        if (lead.cell() != null) {
            w.paragraph(MessageFormat.format(texts.getString("risk"), tonnes(d.table().parameters().referenceT()),
                    numbers.number(100 * lead.cell().risk(), 1), numbers.number(lead.cell().exploitation(), 3),
                    tonnes(lead.cell().remainingMedianT())), 10, false);
        }
        double lo = d.biomass().medianT() * Math.exp(-1.6448536 * d.biomass().sigma());
        double hi = d.biomass().medianT() * Math.exp(1.6448536 * d.biomass().sigma());
        w.paragraph(MessageFormat.format(texts.getString("biomass"), tonnes(d.biomass().medianT()), tonnes(lo), tonnes(hi), d.biomass().source()), 10, false);
        w.paragraph(MessageFormat.format(texts.getString("juveniles"), d.allocation().juvenileWarnings(), String.format(locale, "%.0f",
                d.table().parameters().number("juvenile.warning.pct"))), 10, false);
        if (d.model() != null) {
            w.paragraph(MessageFormat.format(texts.getString("model"), d.model(), d.modelSha256()), 9, false);
        }
        w.gap(6);
        w.heading(texts.getString("scenarios"), 11);
        List<String[]> rows = new ArrayList<>();
        for (DecisionTable.Recommendation r : d.table().recommendations()) {
            rows.add(new String[] {r.scenario(), tonnes(r.catchT()), r.cell() == null ? "—" : numbers.number(r.cell().exploitation(), 3),
                r.cell() == null ? "—" : tonnes(r.cell().remainingMedianT()), r.cell() == null ? "—" : numbers.number(r.cell().risk(), 3),
                r.limitedBy()});
        }
        w.table(new String[] {texts.getString("col.scenario"), texts.getString("col.catch"), texts.getString("col.e"), texts.getString("col.remaining"),
            texts.getString("col.risk"), texts.getString("col.limited")}, new float[] {95, 75, 45, 130, 60, 90}, rows, 9);
    }

    private void map(Writer w, Data d) throws IOException {
        w.gap(8);
        w.heading(texts.getString("map"), 11);
        float boxW = WIDTH - 2 * MARGIN - 120;
        float boxH = Math.min(w.y - MARGIN - 20, 390);
        if (boxH < 200) {
            w.newPage();
            boxH = 390;
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Zone z : d.zones()) {
            var e = z.geometry().getEnvelopeInternal();
            minX = Math.min(minX, e.getMinX());
            maxX = Math.max(maxX, e.getMaxX());
            minY = Math.min(minY, e.getMinY());
            maxY = Math.max(maxY, e.getMaxY());
        }
        double k = Math.cos(Math.toRadians((minY + maxY) / 2));
        double scale = Math.min(boxW / ((maxX - minX) * k), boxH / (maxY - minY));
        float x0 = MARGIN;
        float y0 = w.y - boxH;
        double[] density = d.zones().stream().mapToDouble(z -> d.zoneBiomassT().getOrDefault(z.code(), Double.NaN) / z.areaNmi2()).toArray();
        double[] positive = Arrays.stream(density).filter(v -> v > 0).sorted().toArray();
        double[] breaks = new double[6];
        for (int i = 0; i <= 5; i++) {
            breaks[i] = positive.length == 0 ? 0 : positive[(int) Math.min(positive.length - 1, Math.round(i / 5.0 * (positive.length - 1)))];
        }
        Color[] ramp = {new Color(255, 255, 204), new Color(161, 218, 180), new Color(65, 182, 196), new Color(44, 127, 184), new Color(37, 52, 148)};
        Color zero = new Color(237, 237, 232);
        PDPageContentStream cs = w.cs;
        for (int i = 0; i < d.zones().size(); i++) {
            double v = density[i];
            Color c = Double.isNaN(v) ? Color.WHITE : v <= 0 ? zero : ramp[classOf(v, breaks)];
            cs.setNonStrokingColor(c);
            cs.setStrokingColor(new Color(120, 120, 120));
            cs.setLineWidth(0.15f);
            Geometry g = d.zones().get(i).geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Geometry part = g.getGeometryN(p);
                if (part instanceof Polygon poly) {
                    Coordinate[] ring = poly.getExteriorRing().getCoordinates();
                    for (int j = 0; j < ring.length; j++) {
                        float px = (float) (x0 + (ring[j].x - minX) * k * scale);
                        float py = (float) (y0 + (ring[j].y - minY) * scale);
                        if (j == 0) {
                            cs.moveTo(px, py);
                        } else {
                            cs.lineTo(px, py);
                        }
                    }
                    cs.closePath();
                }
            }
            cs.fillAndStroke();
        }
        // legend
        float lx = (float) (x0 + (maxX - minX) * k * scale + 15);
        float ly = w.y - 14;
        cs.setNonStrokingColor(zero);
        cs.addRect(lx, ly - 2, 12, 9);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        w.at(lx + 16, ly, "0", 8);
        for (int c = 0; c < 5; c++) {
            ly -= 14;
            cs.setNonStrokingColor(ramp[c]);
            cs.addRect(lx, ly - 2, 12, 9);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            w.at(lx + 16, ly, limit(breaks[c]) + " – " + limit(breaks[c + 1]), 8);
        }
        cs.setNonStrokingColor(Color.BLACK);
        w.y = y0 - 10;
    }

    /** A legend limit with the decimals its size needs. */
    private String limit(double v) {
        double a = Math.abs(v);
        return a == 0 || a >= 100 ? numbers.number(v, 0) : a >= 10 ? numbers.number(v, 1) : a >= 1 ? numbers.number(v, 2) : a >= 0.01 ? numbers.number(v, 3)
                : String.format(locale, "%.2g", v).replace('.', numbers.decimalSeparator());
    }

    private static int classOf(double v, double[] breaks) {
        for (int c = 1; c < breaks.length - 1; c++) {
            if (v < breaks[c]) {
                return c - 1;
            }
        }
        return breaks.length - 2;
    }

    private void decisionTable(Writer w, Data d) throws IOException {
        w.heading(texts.getString("table"), 11);
        List<String> scenarios = d.table().recommendations().stream().map(DecisionTable.Recommendation::scenario).toList();
        double[] catches = d.table().parameters().catches();
        int step = Math.max(1, catches.length / 16);
        String[] head = new String[scenarios.size() + 1];
        head[0] = texts.getString("col.catch");
        for (int s = 0; s < scenarios.size(); s++) {
            head[s + 1] = scenarios.get(s);
        }
        float[] widths = new float[head.length];
        widths[0] = 70;
        for (int s = 1; s < widths.length; s++) {
            widths[s] = (WIDTH - 2 * MARGIN - 70) / scenarios.size();
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < catches.length; i += step) {
            String[] row = new String[head.length];
            row[0] = tonnes(catches[i]);
            for (int s = 0; s < scenarios.size(); s++) {
                DecisionTable.Cell c = d.table().row(scenarios.get(s)).get(i);
                boolean rec = d.table().recommendations().get(s).cell() == c;
                row[s + 1] = (rec ? "► " : "") + tonnes(c.remainingMedianT()) + "; " + numbers.number(c.exploitation(), 2) + "; " + numbers.number(c.risk(), 2);
            }
            rows.add(row);
        }
        w.table(head, widths, rows, 7.5f);
        w.paragraph("► = " + texts.getString("recommended").replaceAll("\\{.*", "").trim() + "; " + MessageFormat.format(texts.getString("method"),
                DecisionTable.METHOD), 7.5f, false);
    }

    private void groups(Writer w, Data d) throws IOException {
        Map<String, double[]> byDegree = new TreeMap<>();
        Map<String, double[]> byBand = new TreeMap<>();
        double total = 0;
        for (Zone z : d.zones()) {
            double b = d.zoneBiomassT().getOrDefault(z.code(), 0.0);
            total += b;
            String degree = String.format(Locale.ROOT, "%02d°S", (int) Math.floor(-z.centroidLat()));
            byDegree.computeIfAbsent(degree, x -> new double[2])[0] += b;
            if (z.hasDistanceBand()) {
                String band = String.format(Locale.ROOT, "%03.0f–%03.0f nmi", z.distMinNmi(), z.distMaxNmi());
                byBand.computeIfAbsent(band, x -> new double[2])[0] += b;
            }
        }
        for (var s : d.allocation().zones()) {
            byDegree.computeIfAbsent(s.degree().length() == 3 ? "0" + s.degree() : s.degree(), x -> new double[2])[1] += s.catchT();
        }
        final double all = total;
        w.gap(6);
        w.heading(texts.getString("bydegree"), 11);
        List<String[]> rows = new ArrayList<>();
        byDegree.forEach((g, v) -> rows.add(new String[] {g.replaceFirst("^0", ""), tonnes(v[0]), numbers.number(all > 0 ? 100 * v[0] / all : 0, 1),
            tonnes(v[1])}));
        w.table(new String[] {texts.getString("col.group"), texts.getString("col.biomass"), texts.getString("col.share"), texts.getString("col.allocated")},
                new float[] {80, 120, 70, 120}, rows, 8);
        w.gap(4);
        w.heading(texts.getString("byband"), 11);
        List<String[]> bands = new ArrayList<>();
        byBand.forEach((g, v) -> {
            if (v[0] > 0) {
                bands.add(new String[] {g.replaceAll("(^|–)0+(\\d)", "$1$2"), tonnes(v[0]), numbers.number(all > 0 ? 100 * v[0] / all : 0, 1)});
            }
        });
        w.table(new String[] {texts.getString("col.group"), texts.getString("col.biomass"), texts.getString("col.share")}, new float[] {110, 120, 70}, bands, 8);
    }

    private void enso(Writer w, Data d) throws IOException {
        if (d.icen().isEmpty()) {
            return;
        }
        w.gap(6);
        w.need(170);
        w.heading(texts.getString("enso"), 11);
        YearMonth last = d.icen().keySet().stream().max(YearMonth::compareTo).orElseThrow();
        YearMonth first = last.minusYears(10);
        List<double[]> pts = new ArrayList<>();
        d.icen().forEach((m, v) -> {
            if (!m.isBefore(first) && !Double.isNaN(v)) {
                pts.add(new double[] {m.getYear() + (m.getMonthValue() - 1) / 12.0, v});
            }
        });
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        w.lineChart(pts, first.getYear(), last.getYear() + 1, -2, 4, 130, "°C");
    }

    private void supply(Writer w, Data d) throws IOException {
        w.gap(6);
        w.need(200);
        w.heading(texts.getString("supply"), 11);
        List<String[]> rows = new ArrayList<>();
        for (SupplyPlan.Month m : d.supply()) {
            rows.add(new String[] {java.time.Month.of(m.month()).getDisplayName(java.time.format.TextStyle.SHORT, locale), tonnes(m.landingsT()[0]),
                tonnes(m.landingsT()[1]), tonnes(m.landingsT()[2]), tonnes(m.totalT()), tonnes(m.fishmealT()), tonnes(m.fishOilT()), tonnes(m.cumulativeT())});
        }
        w.table(new String[] {texts.getString("col.month"), texts.getString("col.north"), texts.getString("col.centre"), texts.getString("col.south"),
            texts.getString("col.total"), texts.getString("col.meal"), texts.getString("col.oil"), texts.getString("col.cumulative")},
                new float[] {50, 62, 62, 62, 66, 62, 56, 74}, rows, 8);
        List<double[]> bars = new ArrayList<>();
        for (SupplyPlan.Month m : d.supply()) {
            bars.add(new double[] {m.month(), m.cumulativeT()});
        }
        w.barChart(bars, 110, locale);
    }

    private void appendix(Writer w, Data d) throws IOException {
        w.need(120);
        w.heading(texts.getString("parameters"), 11);
        for (String line : d.parameters().split("\n")) {
            w.text(line, 7);
        }
        w.gap(6);
        w.need(60);
        w.heading(texts.getString("provenance"), 11);
        w.text(MessageFormat.format(texts.getString("generated"), d.generated(), d.appVersion()), 8);
        if (d.model() != null) {
            w.text(MessageFormat.format(texts.getString("model"), d.model(), d.modelSha256()), 8);
        }
        for (Map.Entry<String, String> e : d.inputs().entrySet()) {
            w.text(MessageFormat.format(texts.getString("file"), e.getKey(), e.getValue()), 7);
        }
    }

    /** A cursor over pages: text, tables and charts from the top down, a new page when full, page numbers. */
    private final class Writer {
        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream cs;
        float y;
        int page;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                footer();
                cs.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            page++;
            y = HEIGHT - MARGIN;
        }

        void close() throws IOException {
            footer();
            cs.close();
        }

        private void footer() throws IOException {
            at(WIDTH / 2 - 20, 25, MessageFormat.format(texts.getString("page"), page), 8);
        }

        void need(float h) throws IOException {
            if (y - h < MARGIN) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void colour(Color c) throws IOException {
            cs.setNonStrokingColor(c);
        }

        void heading(String s, float size) throws IOException {
            need(size + 10);
            y -= size + 4;
            write(MARGIN, y, s, size, bold);
            y -= 4;
        }

        void text(String s, float size) throws IOException {
            need(size + 4);
            y -= size + 3;
            write(MARGIN, y, s, size, regular);
        }

        void at(float x, float yy, String s, float size) throws IOException {
            write(x, yy, s, size, regular);
        }

        /** Text wrapped to the page width. */
        void paragraph(String s, float size, boolean strong) throws IOException {
            PDFont f = strong ? bold : regular;
            float max = WIDTH - 2 * MARGIN;
            StringBuilder line = new StringBuilder();
            for (String word : s.split(" ")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (f.getStringWidth(next) / 1000 * size > max && line.length() > 0) {
                    need(size + 4);
                    y -= size + 3;
                    write(MARGIN, y, line.toString(), size, f);
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            if (line.length() > 0) {
                need(size + 4);
                y -= size + 3;
                write(MARGIN, y, line.toString(), size, f);
            }
            y -= 2;
        }

        void table(String[] head, float[] widths, List<String[]> rows, float size) throws IOException {
            float rowH = size + 5;
            need(rowH * 2);
            row(head, widths, size, bold);
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.4f);
            cs.moveTo(MARGIN, y - 2);
            cs.lineTo(MARGIN + sum(widths), y - 2);
            cs.stroke();
            for (String[] r : rows) {
                if (y - rowH < MARGIN) {
                    newPage();
                    row(head, widths, size, bold);
                }
                row(r, widths, size, regular);
            }
            y -= 3;
        }

        private void row(String[] cells, float[] widths, float size, PDFont f) throws IOException {
            y -= size + 5;
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                String c = cells[i] == null ? "" : cells[i];
                while (c.length() > 1 && f.getStringWidth(c) / 1000 * size > widths[i] - 3) {
                    c = c.substring(0, c.length() - 2) + "…";
                }
                write(x, y, c, size, f);
                x += widths[i];
            }
        }

        void lineChart(List<double[]> pts, double x0, double x1, double yMin, double yMax, float h, String unit) throws IOException {
            float left = MARGIN + 30;
            float w = WIDTH - 2 * MARGIN - 40;
            float bottom = y - h;
            axes(left, bottom, w, h);
            for (double v = yMin; v <= yMax + 1e-9; v += 1) {
                float py = (float) (bottom + (v - yMin) / (yMax - yMin) * h);
                at(MARGIN, py - 3, String.format(locale, "%+.0f %s", v, unit), 7);
            }
            for (int year = (int) x0; year <= x1; year += 2) {
                float px = (float) (left + (year - x0) / (x1 - x0) * w);
                at(px - 10, bottom - 10, Integer.toString(year), 7);
            }
            float zero = (float) (bottom + (0 - yMin) / (yMax - yMin) * h);
            cs.setStrokingColor(Color.LIGHT_GRAY);
            cs.moveTo(left, zero);
            cs.lineTo(left + w, zero);
            cs.stroke();
            cs.setStrokingColor(new Color(180, 40, 40));
            cs.setLineWidth(1f);
            for (int i = 0; i < pts.size(); i++) {
                float px = (float) (left + (pts.get(i)[0] - x0) / (x1 - x0) * w);
                float py = (float) (bottom + (Math.max(yMin, Math.min(yMax, pts.get(i)[1])) - yMin) / (yMax - yMin) * h);
                if (i == 0) {
                    cs.moveTo(px, py);
                } else {
                    cs.lineTo(px, py);
                }
            }
            cs.stroke();
            cs.setStrokingColor(Color.BLACK);
            y = bottom - 16;
        }

        void barChart(List<double[]> bars, float h, Locale locale) throws IOException {
            need(h + 30);
            float left = MARGIN + 60;
            float w = WIDTH - 2 * MARGIN - 70;
            float bottom = y - h - 6;
            axes(left, bottom, w, h);
            double max = bars.stream().mapToDouble(b -> b[1]).max().orElse(1);
            float bw = w / Math.max(1, bars.size()) * 0.6f;
            for (int i = 0; i < bars.size(); i++) {
                float px = left + (i + 0.2f) * w / bars.size();
                float bh = (float) (max > 0 ? bars.get(i)[1] / max * h : 0);
                cs.setNonStrokingColor(new Color(44, 127, 184));
                cs.addRect(px, bottom, bw, bh);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                at(px, bottom - 10, java.time.Month.of((int) bars.get(i)[0]).getDisplayName(java.time.format.TextStyle.SHORT, locale), 7);
                at(px, bottom + bh + 3, tonnes(bars.get(i)[1]), 7);
            }
            y = bottom - 18;
        }

        private void axes(float left, float bottom, float w, float h) throws IOException {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.5f);
            cs.moveTo(left, bottom + h);
            cs.lineTo(left, bottom);
            cs.lineTo(left + w, bottom);
            cs.stroke();
        }

        private void write(float x, float yy, String s, float size, PDFont f) throws IOException {
            cs.beginText();
            cs.setFont(f, size);
            cs.newLineAtOffset(x, yy);
            cs.showText(s.replace("\t", " "));
            cs.endText();
        }

        private float sum(float[] v) {
            float s = 0;
            for (float x : v) {
                s += x;
            }
            return s;
        }
    }
}
