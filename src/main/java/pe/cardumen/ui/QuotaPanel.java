package pe.cardumen.ui;

import java.io.File;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import pe.cardumen.app.QuotaService;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.SupplyPlan;

/**
 * The quota planning panel: stock, season, scenario and the three thresholds (E_max, reference
 * biomass, risk tolerance), recomputed off the UI thread as soon as one changes; the decision table
 * with each scenario's recommendation highlighted; the supply chart; "Export report…" with a preview
 * of page 1. The allocation shows on the map.
 */
final class QuotaPanel {
    final ChoiceBox<Stock> stock = new ChoiceBox<>();
    final TextField season = new TextField();
    final ChoiceBox<String> scenario = new ChoiceBox<>();
    final TextField eMax = new TextField();
    final TextField reference = new TextField();
    final TextField tolerance = new TextField();
    final Label summary = new Label();
    final Label problem = new Label();
    final TableView<DecisionRow> table = new TableView<>();
    final StackedBarChart<String, Number> supply = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    final Button export;
    final ImageView preview = new ImageView();
    final VBox root;
    private final QuotaViewModel model;
    private final ResourceBundle texts;

    /** A row of the decision table: one candidate catch and a cell per scenario. */
    record DecisionRow(double catchT, List<DecisionTable.Cell> cells, List<Boolean> recommended) {
    }

    QuotaPanel(QuotaViewModel model, ResourceBundle texts, Window owner) {
        this.model = model;
        this.texts = texts;
        stock.getItems().setAll(Stock.values());
        stock.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Stock st) {
                return st == null ? "" : texts.getString("stock." + st.id());
            }

            @Override
            public Stock fromString(String text) {
                return Stock.parse(text);
            }
        });
        stock.setId("quotaStock");
        season.setId("quotaSeason");
        scenario.setId("quotaScenario");
        eMax.setId("quotaEmax");
        reference.setId("quotaReference");
        tolerance.setId("quotaTolerance");
        table.setId("decisionTable");
        supply.setId("supplyChart");
        summary.setId("quotaSummary");
        summary.setWrapText(true);
        problem.getStyleClass().add("form-problem");
        scenario.getItems().setAll(pe.cardumen.planning.HarvestParameters.defaults().scenarios().stream().map(s -> s.name()).toList());
        QuotaViewModel.Choice start = model.choiceProperty().get() != null ? model.choiceProperty().get() : model.defaults(Stock.NORTH_CENTRE);
        fill(start);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(texts.getString("quota.stock")), stock, new Label(texts.getString("quota.season")), season,
                new Label(texts.getString("quota.scenario")), scenario);
        form.addRow(1, new Label("E_max"), eMax, new Label(texts.getString("quota.reference")), reference, new Label(texts.getString("quota.tolerance")),
                tolerance);
        stock.setOnAction(e -> {
            QuotaViewModel.Choice d = model.defaults(stock.getValue());
            reference.setText(number(d.referenceT()));
            recompute();
        });
        scenario.setOnAction(e -> recompute());
        for (TextField f : List.of(eMax, reference, tolerance, season)) {
            f.setOnAction(e -> recompute());
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    recompute();
                }
            });
        }
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(DecisionRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("recommended-row");
                if (!empty && r != null && r.recommended().contains(true)) {
                    getStyleClass().add("recommended-row");
                }
            }
        });
        table.setPrefHeight(300);
        supply.setAnimated(false);
        supply.setPrefHeight(220);
        supply.setTitle(texts.getString("quota.supply"));
        export = new Button(texts.getString("quota.export"));
        export.setId("exportReport");
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("cuota-" + season.getText() + ".pdf");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File f = fc.showSaveDialog(owner);
            if (f != null) {
                model.exportReport(f.toPath(), texts.getLocale() == null || texts.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : texts.getLocale());
            }
        });
        preview.setId("reportPreview");
        preview.setFitWidth(260);
        preview.setPreserveRatio(true);
        model.planProperty().addListener((o, a, p) -> show(p));
        model.previewProperty().addListener((o, a, img) -> preview.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
        show(model.planProperty().get());
        HBox bottom = new HBox(10, new VBox(6, supply), new VBox(6, export, preview));
        bottom.setAlignment(Pos.TOP_LEFT);
        root = new VBox(8, form, problem, summary, table, bottom);
        root.setPadding(new Insets(8));
        root.setPrefSize(1000, 760);
    }

    private void fill(QuotaViewModel.Choice c) {
        stock.setValue(c.stock());
        season.setText(c.season());
        scenario.setValue(c.scenario());
        eMax.setText(number(c.eMax()));
        reference.setText(number(c.referenceT()));
        tolerance.setText(number(c.tolerance()));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }

    /** Reads the form and asks for a new plan; a field that does not parse is named and nothing is computed. */
    void recompute() {
        try {
            double e = parse(eMax, "E_max");
            double r = parse(reference, texts.getString("quota.reference"));
            double t = parse(tolerance, texts.getString("quota.tolerance"));
            if (!(e > 0 && e <= 1) || r < 0 || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException(texts.getString("quota.ranges"));
            }
            problem.setText("");
            model.compute(new QuotaViewModel.Choice(stock.getValue(), season.getText().trim(), scenario.getValue(), e, r, t, null, null));
        } catch (IllegalArgumentException ex) {
            problem.setText(ex.getMessage());
        }
    }

    private double parse(TextField f, String name) {
        try {
            return Double.parseDouble(f.getText().trim().replace(",", ""));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + ": '" + f.getText() + "' " + texts.getString("params.notNumber"));
        }
    }

    private void show(QuotaService.Plan p) {
        table.getItems().clear();
        table.getColumns().clear();
        supply.getData().clear();
        if (p == null) {
            summary.setText("");
            return;
        }
        List<DecisionTable.Recommendation> recs = p.table().recommendations();
        StringBuilder s = new StringBuilder(MessageFormat.format(texts.getString("quota.summary"), p.stock().id(), p.season(),
                String.format(Locale.getDefault(), "%,.0f", p.biomass().medianT()), p.biomass().source()));
        for (DecisionTable.Recommendation r : recs) {
            s.append("\n").append(MessageFormat.format(texts.getString("quota.recommendation"), r.scenario(),
                    String.format(Locale.getDefault(), "%,.0f", r.catchT()), texts.getString("quota.limit." + r.limitedBy().replace(' ', '-'))));
        }
        summary.setText(s.toString());
        TableColumn<DecisionRow, String> catchCol = new TableColumn<>(texts.getString("quota.col.catch"));
        catchCol.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.format(Locale.getDefault(), "%,.0f", d.getValue().catchT())));
        table.getColumns().add(catchCol);
        for (int i = 0; i < recs.size(); i++) {
            final int k = i;
            TableColumn<DecisionRow, String> col = new TableColumn<>(recs.get(i).scenario());
            col.setCellValueFactory(d -> {
                DecisionTable.Cell c = d.getValue().cells().get(k);
                return new ReadOnlyObjectWrapper<>((d.getValue().recommended().get(k) ? "► " : "") + String.format(Locale.getDefault(), "%,.0f t · E %.2f · %.0f %%",
                        c.remainingMedianT(), c.exploitation(), 100 * c.risk()));
            });
            col.setSortable(false);
            table.getColumns().add(col);
        }
        double[] catches = p.table().parameters().catches();
        for (int j = 0; j < catches.length; j++) {
            List<DecisionTable.Cell> cells = new ArrayList<>();
            List<Boolean> rec = new ArrayList<>();
            for (DecisionTable.Recommendation r : recs) {
                DecisionTable.Cell c = p.table().row(r.scenario()).get(j);
                cells.add(c);
                rec.add(r.cell() == c);
            }
            table.getItems().add(new DecisionRow(catches[j], cells, rec));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        String[] regions = {texts.getString("quota.north"), texts.getString("quota.centre"), texts.getString("quota.south")};
        for (int r = 0; r < 3; r++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(regions[r] + " (t)");
            for (SupplyPlan.Month m : p.supply()) {
                series.getData().add(new XYChart.Data<>(java.time.Month.of(m.month()).getDisplayName(java.time.format.TextStyle.SHORT, Locale.getDefault()),
                        m.landingsT()[r]));
            }
            supply.getData().add(series);
        }
    }

    /** Shows the panel (non-modal) and computes the plan of the current choice. */
    static void show(Window owner, QuotaViewModel model, ResourceBundle texts) {
        QuotaPanel panel = new QuotaPanel(model, texts, owner);
        FloatingDialog.show(owner, texts.getString("quota.title"), panel.root);
        panel.recompute();
    }
}
