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
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import pe.cardumen.app.QuotaService;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.SupplyPlan;

/**
 * The quota planning panel: the basis the plan rests on (shown first, kept with the season until it is
 * changed here), stock, season, scenario and the three thresholds (E_max, reference biomass, risk
 * tolerance in %), recomputed off the UI thread as soon as one changes — and marked out of date while
 * the form and the plan disagree; the decision table with each scenario's recommended cell marked;
 * the supply chart; "Export report…" with a preview of page 1. The allocation shows on the map.
 */
final class QuotaPanel {
    final ChoiceBox<QuotaService.BasisOption> basis = new ChoiceBox<>();
    final ChoiceBox<Stock> stock = new ChoiceBox<>();
    final TextField season = new TextField();
    final ChoiceBox<String> scenario = new ChoiceBox<>();
    final TextField eMax = new TextField();
    final TextField reference = new TextField();
    final TextField tolerance = new TextField();
    final Label basisLabel = new Label();
    final Label summary = new Label();
    final Label problem = new Label();
    final Label staleLabel = new Label();
    final TableView<DecisionRow> table = new TableView<>();
    final StackedBarChart<String, Number> supply = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    final Button export;
    final ImageView preview = new ImageView();
    final VBox root;
    private final VBox results;
    private final QuotaViewModel model;
    private final ResourceBundle texts;
    /** Set while the form is filled by code, so that no recompute starts. */
    private boolean filling;

    /** A row of the decision table: one candidate catch and a cell per scenario. */
    record DecisionRow(double catchT, List<DecisionTable.Cell> cells, List<Boolean> recommended) {
    }

    QuotaPanel(QuotaViewModel model, ResourceBundle texts, Window owner) {
        this.model = model;
        this.texts = texts;
        stock.getItems().setAll(Stock.values());
        stock.setConverter(converter(st -> texts.getString("stock." + st.id())));
        scenario.getItems().setAll(pe.cardumen.planning.HarvestParameters.defaults().scenarios().stream().map(s -> s.name()).toList());
        scenario.setConverter(converter(this::scenarioName));
        basis.setConverter(converter(this::basisName));
        basis.setId("quotaBasis");
        stock.setId("quotaStock");
        season.setId("quotaSeason");
        scenario.setId("quotaScenario");
        eMax.setId("quotaEmax");
        reference.setId("quotaReference");
        tolerance.setId("quotaTolerance");
        table.setId("decisionTable");
        supply.setId("supplyChart");
        summary.setId("quotaSummary");
        basisLabel.setId("quotaBasisLabel");
        basisLabel.getStyleClass().add("quota-basis");
        staleLabel.setId("quotaStale");
        staleLabel.getStyleClass().add("stale-note");
        summary.setWrapText(true);
        basisLabel.setWrapText(true);
        problem.getStyleClass().add("form-problem");
        QuotaViewModel.Choice start = model.choiceProperty().get() != null ? model.choiceProperty().get() : model.defaults(Stock.NORTH_CENTRE);
        fill(start);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(texts.getString("quota.basis")), basis);
        GridPane.setColumnSpan(basis, 5);
        form.addRow(1, new Label(texts.getString("quota.stock")), stock, new Label(texts.getString("quota.season")), season,
                new Label(texts.getString("quota.scenario")), scenario);
        form.addRow(2, new Label("E_max"), eMax, new Label(texts.getString("quota.reference")), reference, new Label(texts.getString("quota.tolerance")),
                tolerance);
        stock.setOnAction(e -> {
            if (filling) {
                return;
            }
            QuotaViewModel.Choice d = model.defaults(stock.getValue());
            reference.setText(Formats.number(d.referenceT(), 0));
            loadBases();
        });
        basis.setOnAction(e -> {
            if (!filling) {
                recompute();
            }
        });
        scenario.setOnAction(e -> {
            if (!filling) {
                recompute();
            }
        });
        for (TextField f : List.of(eMax, reference, tolerance, season)) {
            f.textProperty().addListener((o, a, b) -> {
                if (!filling) {
                    model.staleProperty().set(true);
                }
            });
            f.setOnAction(e -> {
                if (f == season) {
                    loadBases();
                } else {
                    recompute();
                }
            });
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now && model.staleProperty().get()) {
                    if (f == season) {
                        loadBases();
                    } else {
                        recompute();
                    }
                }
            });
        }
        // columns are made once, sized to their content, and never rebuilt: a recompute only refills the rows
        TableColumn<DecisionRow, String> catchCol = new TableColumn<>(texts.getString("quota.col.catch"));
        catchCol.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(Formats.tonnes(d.getValue().catchT())));
        catchCol.setPrefWidth(110);
        catchCol.setMinWidth(90);
        catchCol.setSortable(false);
        catchCol.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(catchCol);
        // each scenario a group of three narrow columns (remaining biomass, E, risk) with the unit in the
        // header, so that all four scenarios fit the panel without a horizontal scroll bar
        List<String> scenarios = scenario.getItems();
        for (int i = 0; i < scenarios.size(); i++) {
            final int k = i;
            TableColumn<DecisionRow, DecisionRow> group = new TableColumn<>(scenarioName(scenarios.get(i)));
            group.getColumns().add(cellColumn(texts.getString("quota.col.remaining"), k, 104,
                    (c, rec) -> (rec ? "► " : "") + Formats.number(c.remainingMedianT(), 0)));
            group.getColumns().add(cellColumn("E", k, 48, (c, rec) -> Formats.number(c.exploitation(), 2)));
            group.getColumns().add(cellColumn(texts.getString("quota.col.risk"), k, 72, (c, rec) -> Formats.number(100 * c.risk(), 1)));
            group.setSortable(false);
            table.getColumns().add(group);
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(300);
        supply.setAnimated(false);
        supply.setPrefHeight(220);
        supply.setTitle(texts.getString("quota.supply"));
        Formats.axis((NumberAxis) supply.getYAxis());
        export = new Button(texts.getString("quota.export"));
        export.setId("exportReport");
        export.disableProperty().bind(model.staleProperty());
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(texts.getString("quota.reportFile") + "-" + season.getText().trim() + ".pdf");
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
        HBox bottom = new HBox(10, new VBox(6, supply), new VBox(6, export, preview));
        bottom.setAlignment(Pos.TOP_LEFT);
        results = new VBox(8, basisLabel, summary, table, bottom);
        model.staleProperty().addListener((o, a, st) -> markStale(st));
        root = new VBox(8, form, problem, staleLabel, results);
        root.setPadding(new Insets(8));
        root.setPrefSize(1040, 800);
        show(model.planProperty().get());
        markStale(model.staleProperty().get());
    }

    /** One sub-column of a scenario: its text from the scenario's cell; the recommended cell marked in each sub-column. */
    private static TableColumn<DecisionRow, DecisionRow> cellColumn(String title, int k, double width,
            java.util.function.BiFunction<DecisionTable.Cell, Boolean, String> text) {
        TableColumn<DecisionRow, DecisionRow> col = new TableColumn<>(title);
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DecisionRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("recommended-cell");
                if (empty || r == null || k >= r.cells().size()) {
                    setText(null);
                    return;
                }
                boolean rec = r.recommended().get(k);
                setText(text.apply(r.cells().get(k), rec));
                if (rec) {
                    getStyleClass().add("recommended-cell");
                }
            }
        });
        col.setPrefWidth(width);
        col.setMinWidth(width * 0.8);
        col.setSortable(false);
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return col;
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    /** A scenario's name in the window's language ({@code strong-el-nino} → "El Niño fuerte"). */
    String scenarioName(String id) {
        return texts.containsKey("scenario." + id) ? texts.getString("scenario." + id) : id;
    }

    private String basisName(QuotaService.BasisOption o) {
        QuotaBasis b = o.basis();
        String name = b.isModel() ? MessageFormat.format(texts.getString("quota.basis.model"), b.model(), b.period().toString())
                : b.survey() == null ? MessageFormat.format(texts.getString("quota.basis.run"), Long.toString(b.run()))
                : MessageFormat.format(texts.getString("quota.basis.survey"), b.survey(), Long.toString(b.run()));
        return o.simulated() ? name + " — " + texts.getString("quota.basis.simulated") : name;
    }

    private void fill(QuotaViewModel.Choice c) {
        filling = true;
        stock.setValue(c.stock());
        season.setText(c.season());
        scenario.setValue(c.scenario());
        eMax.setText(Formats.number(c.eMax(), 2));
        reference.setText(Formats.number(c.referenceT(), 0));
        tolerance.setText(Formats.percent(c.tolerance(), 0));
        filling = false;
    }

    /** Greys the results and says so while they do not match the form. */
    private void markStale(boolean stale) {
        results.setOpacity(stale ? 0.45 : 1);
        staleLabel.setText(stale ? texts.getString("quota.stale") : "");
        staleLabel.setVisible(stale);
        staleLabel.setManaged(stale);
    }

    /** Reads the workspace's bases for the stock and season, selects the kept one and recomputes. */
    void loadBases() {
        model.staleProperty().set(true);
        String s = season.getText().trim();
        model.loadBases(stock.getValue(), s, b -> {
            filling = true;
            basis.getItems().setAll(b.options());
            basis.getSelectionModel().clearSelection();
            for (QuotaService.BasisOption o : b.options()) {
                if (o.basis().equals(b.kept())) {
                    basis.setValue(o);
                }
            }
            filling = false;
            if (basis.getValue() == null) {
                problem.setText(texts.getString("quota.noBasis"));
                return;
            }
            recompute();
        });
    }

    /** Reads the form and asks for a new plan; a field that does not parse is named, nothing is computed and the results stay marked out of date. */
    void recompute() {
        try {
            double e = parse(eMax, "E_max");
            double r = parse(reference, texts.getString("quota.reference"));
            double t = parse(tolerance, texts.getString("quota.tolerance")) / 100;
            if (!(e > 0 && e <= 1) || r < 0 || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException(texts.getString("quota.ranges"));
            }
            if (basis.getValue() == null) {
                throw new IllegalArgumentException(texts.getString("quota.noBasis"));
            }
            problem.setText("");
            model.staleProperty().set(true);
            model.compute(new QuotaViewModel.Choice(stock.getValue(), season.getText().trim(), scenario.getValue(), e, r, t, basis.getValue().basis()));
        } catch (IllegalArgumentException ex) {
            problem.setText(ex.getMessage());
            model.staleProperty().set(true);
        }
    }

    private double parse(TextField f, String name) {
        try {
            return Formats.parse(f.getText());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + ": '" + f.getText() + "' " + texts.getString("params.notNumber"));
        }
    }

    private void show(QuotaService.Plan p) {
        table.getItems().clear();
        supply.getData().clear();
        if (p == null) {
            summary.setText("");
            basisLabel.setText("");
            return;
        }
        basisLabel.setText(MessageFormat.format(texts.getString("quota.basis.shown"), basisName(new QuotaService.BasisOption(p.basis(), "",
                p.source().contains("SIMULATED")))));
        List<DecisionTable.Recommendation> recs = p.table().recommendations();
        StringBuilder s = new StringBuilder(MessageFormat.format(texts.getString("quota.summary"), texts.getString("stock." + p.stock().id()), p.season(),
                Formats.tonnes(p.biomass().medianT())));
        for (DecisionTable.Recommendation r : recs) {
            s.append("\n").append(MessageFormat.format(texts.getString("quota.recommendation"), scenarioName(r.scenario()), Formats.tonnes(r.catchT()),
                    texts.getString("quota.limit." + r.limitedBy().replace(' ', '-'))));
        }
        summary.setText(s.toString());
        double[] catches = p.table().parameters().catches();
        List<String> order = scenario.getItems();
        for (int j = 0; j < catches.length; j++) {
            List<DecisionTable.Cell> cells = new ArrayList<>();
            List<Boolean> rec = new ArrayList<>();
            for (String sc : order) {
                DecisionTable.Cell c = p.table().row(sc).get(j);
                cells.add(c);
                rec.add(recs.stream().anyMatch(r -> r.scenario().equals(sc) && r.cell() == c));
            }
            table.getItems().add(new DecisionRow(catches[j], cells, rec));
        }
        // the chosen scenario's recommended row in view, with the rows above it for context
        int chosen = order.indexOf(p.table().recommendations().stream().map(DecisionTable.Recommendation::scenario)
                .filter(sc -> sc.equals(scenario.getValue())).findFirst().orElse(""));
        for (int j = 0; chosen >= 0 && j < table.getItems().size(); j++) {
            if (table.getItems().get(j).recommended().get(chosen)) {
                // scrollTo brings a row below the view to its bottom edge: one row more keeps the recommended one clear of it
                table.scrollTo(Math.min(table.getItems().size() - 1, j + 1));
                break;
            }
        }
        String[] regions = {texts.getString("quota.north"), texts.getString("quota.centre"), texts.getString("quota.south")};
        Locale months = texts.getLocale() == null || texts.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : texts.getLocale();
        for (int r = 0; r < 3; r++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(regions[r] + " (t)");
            for (SupplyPlan.Month m : p.supply()) {
                series.getData().add(new XYChart.Data<>(java.time.Month.of(m.month()).getDisplayName(java.time.format.TextStyle.SHORT, months),
                        m.landingsT()[r]));
            }
            supply.getData().add(series);
        }
    }

    /** Shows the panel (non-modal): the season's kept basis is read, then the plan computed. */
    static void show(Window owner, QuotaViewModel model, ResourceBundle texts) {
        QuotaPanel panel = new QuotaPanel(model, texts, owner);
        panel.root.setId("quotaPanel");
        // at the window's right, so that the allocation the panel paints on the map stays in view
        FloatingDialog.showAtRight(owner, texts.getString("quota.title"), panel.root);
        panel.loadBases();
    }
}
