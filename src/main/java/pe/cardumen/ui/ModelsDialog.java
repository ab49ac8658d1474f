package pe.cardumen.ui;

import java.nio.file.Files;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import pe.cardumen.model.ModelCard;
import pe.cardumen.workspace.ModelScore;

/**
 * The Models panel: installed versions with their verification status and the workspace's default;
 * the selected version's card, held-out metrics next to the baselines, and its monitoring history;
 * actions to set the default, predict a month, show the interval width, and compare two versions.
 * Also the Compare view: metrics side by side, the inputs only one has, and predicted vs observed.
 */
final class ModelsDialog {
    private ModelsDialog() {
    }

    /** The panel's content, for the dialog and tests. */
    static final class Panel {
        final TableView<ModelsViewModel.Row> versions = new TableView<>();
        /** The card as a readable form (labelled fields); the raw model.json behind a collapsed pane. */
        final GridPane card = new GridPane();
        final TextArea cardJson = new TextArea();
        final Label metricsHelp = new Label();
        final TableView<String[]> metrics = new TableView<>();
        final LineChart<Number, Number> history = new LineChart<>(new NumberAxis(), new NumberAxis());
        final Label noHistory = new Label();
        final Button setDefault;
        final Button predict;
        final Button interval;
        final Button compare;
        final VBox root;

        Panel(ModelsViewModel model, ResourceBundle texts, Window owner) {
            versions.setId("modelVersions");
            versions.getColumns().add(column(texts.getString("models.col.version"), r -> r.version().ref() + (r.isDefault() ? "  ★" : "")));
            versions.getColumns().add(column(texts.getString("models.col.status"), r -> r.verified() ? texts.getString("models.verified")
                    : texts.getString("models.failed")));
            versions.getColumns().add(column(texts.getString("models.col.inputs"), r -> Integer.toString(r.version().card().inputs().size())));
            versions.getColumns().add(column("SHA-256", r -> r.version().sha256().substring(0, 12) + "…"));
            versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            versions.setPrefHeight(110);
            versions.setMinHeight(90);
            card.setId("modelCard");
            card.setHgap(10);
            card.setVgap(5);
            card.setPadding(new Insets(4));
            cardJson.setId("modelCardJson");
            cardJson.setEditable(false);
            cardJson.setWrapText(true);
            cardJson.setPrefRowCount(10);
            cardJson.setStyle("-fx-font-family: monospace;");
            metricsHelp.setId("modelMetricsHelp");
            metricsHelp.setWrapText(true);
            metricsHelp.getStyleClass().add("help-text");
            metrics.setId("modelMetrics");
            metrics.setPrefHeight(235);
            metrics.setMinHeight(200);
            history.setId("modelHistory");
            history.setTitle(texts.getString("models.history"));
            Formats.axis((NumberAxis) history.getYAxis());
            history.setAnimated(false);
            history.setPrefHeight(200);
            ((NumberAxis) history.getXAxis()).setForceZeroInRange(false);
            ((NumberAxis) history.getXAxis()).setLabel(texts.getString("models.history.x"));
            setDefault = new Button(texts.getString("models.setDefault"));
            setDefault.setId("setDefaultModel");
            predict = new Button(texts.getString("models.predict"));
            predict.setId("predictModel");
            interval = new Button(texts.getString("models.interval"));
            interval.setId("showInterval");
            compare = new Button(texts.getString("models.compare"));
            compare.setId("compareModels");
            versions.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> show(r, model, texts));
            model.versionsProperty().addListener((o, a, rows) -> {
                versions.getItems().setAll(rows);
                rows.stream().filter(ModelsViewModel.Row::isDefault).findFirst()
                        .or(() -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1)))
                        .ifPresent(r -> versions.getSelectionModel().select(r));
            });
            versions.getItems().setAll(model.versionsProperty().get());
            model.scoresProperty().addListener((o, a, s) -> show(versions.getSelectionModel().getSelectedItem(), model, texts));
            setDefault.setOnAction(e -> selected().ifPresent(r -> model.setDefault(r.version())));
            predict.setOnAction(e -> selected().ifPresent(r -> askPeriod(owner, texts).ifPresent(p -> model.predict(r.version().ref(), p))));
            interval.setOnAction(e -> model.showPrediction(true));
            interval.disableProperty().bind(model.predictionProperty().isNull());
            compare.setOnAction(e -> selected().ifPresent(r -> {
                List<String> others = model.versionsProperty().get().stream().map(x -> x.version().ref()).filter(ref -> !ref.equals(r.version().ref())).toList();
                if (others.isEmpty()) {
                    return;
                }
                ChoiceDialog<String> d = new ChoiceDialog<>(others.get(0), others);
                d.initOwner(owner);
                d.setHeaderText(MessageFormat.format(texts.getString("models.compareWith"), r.version().ref()));
                d.showAndWait().flatMap(other -> askPeriod(owner, texts).map(p -> new Object[] {other, p})).ifPresent(x -> {
                    var b = model.versionsProperty().get().stream().filter(v -> v.version().ref().equals(x[0])).findFirst().orElseThrow();
                    model.compare(r.version(), b.version(), (YearMonth) x[1]);
                });
            }));
            HBox buttons = new HBox(8, setDefault, predict, interval, compare);
            noHistory.setText(texts.getString("models.noHistory"));
            noHistory.setWrapText(true);
            TitledPane json = new TitledPane(texts.getString("card.showJson"), cardJson);
            json.setExpanded(false);
            json.setAnimated(false);
            ScrollPane cardScroll = new ScrollPane(new VBox(8, card, json));
            cardScroll.setFitToWidth(true);
            Label metricsTitle = new Label(texts.getString("models.metrics"));
            metricsTitle.setWrapText(true);
            ScrollPane metricsScroll = new ScrollPane(new VBox(6, metricsTitle, metrics, metricsHelp, history, noHistory));
            metricsScroll.setFitToWidth(true);
            SplitPane split = new SplitPane(cardScroll, metricsScroll);
            split.setDividerPositions(0.42);
            root = new VBox(8, versions, buttons, split);
            root.setPadding(new Insets(6));
            root.setPrefSize(800, 700);
        }

        Optional<ModelsViewModel.Row> selected() {
            return Optional.ofNullable(versions.getSelectionModel().getSelectedItem());
        }

        private void show(ModelsViewModel.Row r, ModelsViewModel model, ResourceBundle texts) {
            metrics.getItems().clear();
            metrics.getColumns().clear();
            history.getData().clear();
            card.getChildren().clear();
            if (r == null) {
                cardJson.setText("");
                metricsHelp.setText("");
                return;
            }
            int line = 0;
            for (ModelCardText.Field f : ModelCardText.fields(r.version().card(), r.verified(), r.problems(), texts)) {
                Label name = new Label(f.label());
                name.getStyleClass().add("form-label");
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label value = new Label(f.value());
                value.setWrapText(true);
                value.setMaxWidth(380);
                javafx.scene.layout.GridPane.setValignment(name, javafx.geometry.VPos.TOP);
                card.addRow(line++, name, value);
            }
            try {
                cardJson.setText(Files.readString(r.version().dir().resolve(ModelCard.FILE)));
            } catch (java.io.IOException e) {
                cardJson.setText(e.getMessage());
            }
            Map<String, Map<String, Double>> m = r.version().card().metrics() == null ? Map.of() : r.version().card().metrics();
            // one row per metric (named, with what it measures as its tooltip), one column per forecast:
            // the model first, then the baselines it must beat; narrow enough that nothing is truncated
            List<String> order = new java.util.ArrayList<>(m.keySet());
            order.sort(java.util.Comparator.comparing((String k) -> !k.equals("model")).thenComparing(k -> k));
            metrics.getColumns().add(arrayColumn(texts.getString("models.col.metricName"), 0));
            for (int j = 0; j < order.size(); j++) {
                TableColumn<String[], String> col = arrayColumn("", j + 1);
                Label header = new Label(ModelCardText.forecastShortName(order.get(j), texts));
                header.setTooltip(new javafx.scene.control.Tooltip(ModelCardText.forecastName(order.get(j), texts)));
                col.setGraphic(header);
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
                col.setMinWidth(92);
                metrics.getColumns().add(col);
            }
            List<String> help = new java.util.ArrayList<>();
            for (String name : ModelCardText.METRICS) {
                String[] row = new String[order.size() + 1];
                row[0] = ModelCardText.metricHeader(name, texts);
                for (int j = 0; j < order.size(); j++) {
                    row[j + 1] = ModelCardText.metricValue(name, m.get(order.get(j)).get(name));
                }
                metrics.getItems().add(row);
                help.add(ModelCardText.metricHelp(name, texts));
            }
            help.add(texts.getString("models.baselinesHelp"));
            metricsHelp.setText(String.join("\n", help));
            metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            metrics.getColumns().get(0).setMinWidth(125);
            XYChart.Series<Number, Number> rmse = new XYChart.Series<>();
            rmse.setName("RMSE");
            XYChart.Series<Number, Number> coverage = new XYChart.Series<>();
            coverage.setName(texts.getString("models.history.coverage"));
            for (ModelScore s : model.scoresProperty().get()) {
                if (!s.model().equals(r.version().ref())) {
                    continue;
                }
                YearMonth p = YearMonth.parse(s.period());
                double t = p.getYear() + (p.getMonthValue() - 1) / 12.0;
                rmse.getData().add(new XYChart.Data<>(t, s.rmse()));
                coverage.getData().add(new XYChart.Data<>(t, s.coverage()));
            }
            history.getData().setAll(List.of(rmse, coverage));
            boolean any = !rmse.getData().isEmpty();
            history.setVisible(any);
            history.setManaged(any);
            noHistory.setVisible(!any);
            noHistory.setManaged(!any);
        }
    }

    static Optional<YearMonth> askPeriod(Window owner, ResourceBundle texts) {
        TextInputDialog d = new TextInputDialog(YearMonth.now().toString());
        d.initOwner(owner);
        d.setHeaderText(texts.getString("models.period"));
        while (true) {
            Optional<String> text = d.showAndWait();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(YearMonth.parse(text.get().trim()));
            } catch (DateTimeParseException e) {
                d.setHeaderText(texts.getString("models.period") + " — " + MessageFormat.format(texts.getString("models.periodBad"), text.get()));
            }
        }
    }

    /** Shows the panel (non-modal), listing the versions afresh. */
    static void show(Window owner, ModelsViewModel model, ResourceBundle texts) {
        Panel panel = new Panel(model, texts, owner);
        panel.root.setId("modelsPanel");
        FloatingDialog.showAtRight(owner, texts.getString("models.title"), panel.root);
        model.refresh();
    }

    /** The Compare view's content, for the dialog and tests. */
    static VBox comparison(ModelsViewModel.Comparison c, ResourceBundle texts) {
        TableView<String[]> table = new TableView<>();
        table.setId("compareMetrics");
        table.getColumns().add(arrayColumn(texts.getString("models.col.metric"), 0));
        table.getColumns().add(arrayColumn(c.a().ref(), 1));
        table.getColumns().add(arrayColumn(c.b().ref(), 2));
        table.getColumns().add(arrayColumn("Δ (B − A)", 3));
        Map<String, Double> ma = c.a().card().metrics() == null ? Map.of() : c.a().card().metrics().getOrDefault("model", Map.of());
        Map<String, Double> mb = c.b().card().metrics() == null ? Map.of() : c.b().card().metrics().getOrDefault("model", Map.of());
        TreeSet<String> names = new TreeSet<>(ma.keySet());
        names.addAll(mb.keySet());
        for (String n : names) {
            double x = ma.getOrDefault(n, Double.NaN);
            double y = mb.getOrDefault(n, Double.NaN);
            table.getItems().add(new String[] {ModelCardText.metricHeader(n, texts), fmt(x), fmt(y), fmt(y - x)});
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        Label inputs = new Label(MessageFormat.format(texts.getString("models.inputsOnly"), c.a().ref(), c.onlyA().isEmpty() ? "—" : String.join(", ", c.onlyA()),
                c.b().ref(), c.onlyB().isEmpty() ? "—" : String.join(", ", c.onlyB())));
        inputs.setWrapText(true);
        Label totals = new Label(MessageFormat.format(texts.getString("models.totals"), c.period().toString(), c.a().ref(),
                Formats.tonnes(c.totalA()), c.b().ref(), Formats.tonnes(c.totalB())));
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setLabel(c.observed() == null ? MessageFormat.format(texts.getString("models.scatter.a"), c.a().ref()) : texts.getString("models.scatter.observed"));
        y.setLabel(texts.getString("models.scatter.predicted"));
        ScatterChart<Number, Number> scatter = new ScatterChart<>(x, y);
        scatter.setId("compareScatter");
        Formats.axis(x);
        Formats.axis(y);
        scatter.setAnimated(false);
        XYChart.Series<Number, Number> sa = new XYChart.Series<>();
        sa.setName(c.a().ref());
        XYChart.Series<Number, Number> sb = new XYChart.Series<>();
        sb.setName(c.b().ref());
        for (int i = 0; i < c.p50a().length; i++) {
            if (c.observed() != null) {
                if (!Double.isNaN(c.observed()[i])) {
                    sa.getData().add(new XYChart.Data<>(c.observed()[i], c.p50a()[i]));
                    sb.getData().add(new XYChart.Data<>(c.observed()[i], c.p50b()[i]));
                }
            } else {
                sb.getData().add(new XYChart.Data<>(c.p50a()[i], c.p50b()[i]));
            }
        }
        if (c.observed() != null) {
            scatter.getData().add(sa);
        }
        scatter.getData().add(sb);
        scatter.setPrefHeight(330);
        VBox box = new VBox(8, table, inputs, totals, scatter);
        box.setPadding(new Insets(6));
        box.setPrefWidth(760);
        return box;
    }

    static void showComparison(Window owner, ModelsViewModel.Comparison c, ResourceBundle texts) {
        FloatingDialog.show(owner, texts.getString("models.compareTitle"), comparison(c, texts));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : Formats.number(v, 4);
    }

    private static TableColumn<String[], String> arrayColumn(String title, int index) {
        TableColumn<String[], String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()[index]));
        c.setSortable(false);
        return c;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
