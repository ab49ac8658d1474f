package pe.cardumen.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.QuotaService;
import pe.cardumen.app.Services;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.ZoneAttribute;
import pe.cardumen.workspace.Workspace;

/**
 * The quota planning panel's state: the stock, season and scenario, the three thresholds, the plan
 * computed from them off the UI thread (recomputed whenever one changes), the allocation painted on the
 * map, and the report export with the image of its first page.
 */
public final class QuotaViewModel {
    /**
     * What the user chose.
     *
     * @param model {@code null}: the latest acoustic estimate; else {@code ID[:VERSION]} with {@code period}
     */
    public record Choice(Stock stock, String season, String scenario, double eMax, double referenceT, double tolerance, String model, java.time.YearMonth period) {
    }

    private final Services services;
    private final TaskRunner tasks;
    private final MapViewModel map;
    private final ResourceBundle texts;
    private final Supplier<Path> workspace;
    private final Consumer<String> error;
    private final Consumer<String> notice;
    private final ObjectProperty<QuotaService.Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
    private final ObjectProperty<java.awt.image.BufferedImage> preview = new SimpleObjectProperty<>(this, "preview");

    QuotaViewModel(PanelContext context) {
        this.services = context.services();
        this.tasks = context.tasks();
        this.map = context.map();
        this.texts = context.texts();
        this.workspace = context.workspace();
        this.error = context.error();
        this.notice = context.notice();
    }

    public ObjectProperty<QuotaService.Plan> planProperty() {
        return plan;
    }

    /** The choice last computed. */
    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    /** Page 1 of the last exported report, for the preview. */
    public ObjectProperty<java.awt.image.BufferedImage> previewProperty() {
        return preview;
    }

    /** The defaults for a stock: the bundled thresholds (the south's reference for the south). */
    public Choice defaults(Stock stock) {
        HarvestParameters p = stock == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults();
        return new Choice(stock, java.time.Year.now().getValue() + "-I", "neutral", p.exploitationMax(), p.referenceT(), p.riskTolerance(), null, null);
    }

    /** Computes the plan of a choice in the background and paints the allocation on the map. */
    public void compute(Choice c) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept("open a workspace first");
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("quota.task"), c.stock().id()), (p, cancel) -> {
            HarvestParameters params = (c.stock() == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults())
                    .withThresholds(c.eMax(), c.referenceT(), c.tolerance());
            try (Workspace w = Workspace.open(ws)) {
                return services.quota().plan(w, c.stock(), c.season(), null, c.model(), c.period(), c.scenario(), params);
            }
        }, result -> {
            choice.set(c);
            plan.set(result);
            Map<String, Double> alloc = new HashMap<>();
            result.allocation().zones().forEach(z -> alloc.put(z.zone(), z.catchT()));
            map.zoneModelProperty().set(new MapViewModel.ModelLayer(alloc, MessageFormat.format(texts.getString("quota.map"), c.scenario(),
                    String.format(Locale.getDefault(), "%,.0f", result.recommendedT())), false));
            map.colourByProperty().set(ZoneAttribute.MODEL);
        }, t -> error.accept(t.getMessage()));
    }

    /** Writes the report of the last choice to {@code out} in the language given, then renders its first page for the preview. */
    public void exportReport(Path out, Locale locale) {
        Path ws = workspace.get();
        Choice c = choice.get();
        if (ws == null || c == null) {
            error.accept(texts.getString("quota.computeFirst"));
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("quota.task.report"), out.getFileName()), (p, cancel) -> {
            p.progress(1, 4, "planning");
            HarvestParameters params = (c.stock() == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults())
                    .withThresholds(c.eMax(), c.referenceT(), c.tolerance());
            pe.cardumen.report.QuotaReport.Data data;
            try (Workspace w = Workspace.open(ws)) {
                data = services.reports().data(w, c.stock(), c.season(), null, c.model(), c.period(), c.scenario(), params);
            }
            cancel.throwIfCancelled();
            p.progress(2, 4, "writing " + out.getFileName());
            int pages = services.reports().write(data, locale, out);
            p.progress(3, 4, "preview");
            return new Object[] {pages, pe.cardumen.report.PdfPreview.page(out, 0, 60)};
        }, r -> {
            preview.set((java.awt.image.BufferedImage) r[1]);
            notice.accept(MessageFormat.format(texts.getString("quota.reportDone"), out.getFileName(), r[0]));
        }, t -> error.accept(t.getMessage()));
    }
}
