package pe.cardumen.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.QuotaService;
import pe.cardumen.app.Services;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.ZoneAttribute;
import pe.cardumen.workspace.Workspace;

/**
 * The quota planning panel's state: the stock, season and scenario, the three thresholds, the
 * <b>basis</b> the plan rests on (a survey's stored biomass run or a model's prediction — chosen,
 * shown, kept in the workspace with the plan, and never changed by computing other surveys), the plan
 * computed off the UI thread, whether what is shown is out of date against the form, the allocation
 * painted on the map, and the report export with the image of its first page.
 */
public final class QuotaViewModel {
    /**
     * What the user chose.
     *
     * @param basis what the plan rests on
     */
    public record Choice(Stock stock, String season, String scenario, double eMax, double referenceT, double tolerance, QuotaBasis basis) {
    }

    /**
     * The bases of the open workspace and the one kept for a stock's season.
     *
     * @param options every basis the user may choose (each survey's latest run, model predictions)
     * @param kept    the season's basis (kept before, else the latest survey's run); null without stored biomass
     */
    public record Bases(Stock stock, String season, List<QuotaService.BasisOption> options, QuotaBasis kept) {
    }

    private final Services services;
    private final TaskRunner tasks;
    private final MapViewModel map;
    private final ResourceBundle texts;
    private final Supplier<Path> workspace;
    private final Consumer<String> error;
    private final Consumer<String> notice;
    private final Consumer<Throwable> failed;
    private final ObjectProperty<QuotaService.Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
    private final ObjectProperty<Bases> bases = new SimpleObjectProperty<>(this, "bases");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final ObjectProperty<java.awt.image.BufferedImage> preview = new SimpleObjectProperty<>(this, "preview");

    QuotaViewModel(PanelContext context) {
        this.services = context.services();
        this.tasks = context.tasks();
        this.map = context.map();
        this.texts = context.texts();
        this.workspace = context.workspace();
        this.error = context.error();
        this.notice = context.notice();
        this.failed = context::failed;
    }

    public ObjectProperty<QuotaService.Plan> planProperty() {
        return plan;
    }

    /** The choice last computed. */
    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    /** The bases of the workspace for the panel's stock and season (read in the background). */
    public ObjectProperty<Bases> basesProperty() {
        return bases;
    }

    /** Whether the plan shown no longer matches the form (a field changed, or does not parse). */
    public BooleanProperty staleProperty() {
        return stale;
    }

    /** Page 1 of the last exported report, for the preview. */
    public ObjectProperty<java.awt.image.BufferedImage> previewProperty() {
        return preview;
    }

    /** The defaults for a stock: the bundled thresholds (the south's reference for the south), no basis yet. */
    public Choice defaults(Stock stock) {
        HarvestParameters p = stock == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults();
        return new Choice(stock, java.time.Year.now().getValue() + "-I", "neutral", p.exploitationMax(), p.referenceT(), p.riskTolerance(), null);
    }

    /** Reads the bases of a stock's season in the background, then calls {@code then} on the JavaFX thread. */
    public void loadBases(Stock stock, String season, Consumer<Bases> then) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept(texts.getString("quota.noWorkspace"));
            return;
        }
        tasks.run(texts.getString("quota.task.bases"), (p, cancel) -> {
            try (Workspace w = Workspace.open(ws)) {
                var quota = services.quota();
                return new Bases(stock, season, quota.options(w), quota.basis(w, stock, season).orElse(null));
            }
        }, b -> {
            bases.set(b);
            then.accept(b);
        }, failed);
    }

    /**
     * Computes the plan of a choice in the background, keeps its basis with the stock's season and
     * paints the allocation on the map.
     */
    public void compute(Choice c) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept(texts.getString("quota.noWorkspace"));
            return;
        }
        if (c.basis() == null) {
            error.accept(texts.getString("quota.noBasis"));
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("quota.task"), texts.getString("stock." + c.stock().id())), (p, cancel) -> {
            HarvestParameters params = (c.stock() == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults())
                    .withThresholds(c.eMax(), c.referenceT(), c.tolerance());
            try (Workspace w = Workspace.open(ws)) {
                QuotaService.Plan result = services.quota().plan(w, c.stock(), c.season(), c.basis(), c.scenario(), params);
                services.quota().keep(w, c.stock(), c.season(), c.basis());
                return result;
            }
        }, result -> {
            choice.set(c);
            plan.set(result);
            stale.set(false);
            Map<String, Double> alloc = new HashMap<>();
            result.allocation().zones().forEach(z -> alloc.put(z.zone(), z.catchT()));
            map.zoneModelProperty().set(new MapViewModel.ModelLayer(alloc, MessageFormat.format(texts.getString("quota.map"),
                    texts.getString("scenario." + c.scenario()), Formats.tonnes(result.recommendedT())), false));
            map.colourByProperty().set(ZoneAttribute.MODEL);
        }, failed);
    }

    /** The report of a finished export. */
    private record Exported(int pages, java.awt.image.BufferedImage firstPage) {
    }

    /** Writes the report of the last choice to {@code out} in the language given, then renders its first page for the preview. */
    public void exportReport(Path out, Locale locale) {
        Path ws = workspace.get();
        Choice c = choice.get();
        if (ws == null || c == null) {
            error.accept(texts.getString("quota.computeFirst"));
            return;
        }
        if (stale.get()) {
            error.accept(texts.getString("quota.staleExport"));
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("quota.task.report"), out.getFileName()), (p, cancel) -> {
            p.progress(1, 4, texts.getString("quota.progress.plan"));
            HarvestParameters params = (c.stock() == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults())
                    .withThresholds(c.eMax(), c.referenceT(), c.tolerance());
            pe.cardumen.report.QuotaReport.Data data;
            try (Workspace w = Workspace.open(ws)) {
                data = services.reports().data(w, c.stock(), c.season(), c.basis(), c.scenario(), params);
            }
            cancel.throwIfCancelled();
            p.progress(2, 4, out.getFileName().toString());
            int pages = services.reports().write(data, locale, out);
            p.progress(3, 4, texts.getString("quota.progress.preview"));
            return new Exported(pages, pe.cardumen.report.PdfPreview.page(out, 0, 60));
        }, r -> {
            preview.set(r.firstPage());
            notice.accept(MessageFormat.format(texts.getString("quota.reportDone"), out.getFileName(), r.pages()));
        }, failed);
    }
}
