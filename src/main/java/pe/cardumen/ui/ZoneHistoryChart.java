package pe.cardumen.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The selected zone's biomass density (t nmi⁻²) in each survey of the workspace, on a time axis in
 * years; hidden when the zone has no survey. Simulated surveys are labelled so in the title.
 */
final class ZoneHistoryChart {
    private final ResourceBundle texts;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label title = new Label();
    private final VBox box;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    ZoneHistoryChart(ResourceBundle texts) {
        this.texts = texts;
        chart.setId("zoneHistoryChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Integer.toString((int) Math.floor(n.doubleValue() + 1e-9));
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        y.setLabel(texts.getString("history.axis"));
        Formats.axis(y);
        y.setForceZeroInRange(true);
        chart.getData().add(series);
        title.setId("zoneHistoryTitle");
        title.setWrapText(true);
        title.getStyleClass().add("history-title");
        box = new VBox(2, title, chart);
        box.setVisible(false);
        box.setManaged(false);
    }

    Node node() {
        return box;
    }

    /** Shows a zone's history (null zone or no history: hidden). */
    void show(String zone, Map<String, List<BiomassViewModel.HistoryPoint>> history) {
        List<BiomassViewModel.HistoryPoint> points = zone == null || history == null ? List.of() : history.getOrDefault(zone, List.of());
        series.getData().clear();
        boolean any = !points.isEmpty();
        box.setVisible(any);
        box.setManaged(any);
        if (!any) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean simulated = false;
        for (BiomassViewModel.HistoryPoint p : points) {
            double t = p.period().getYear() + (p.period().getMonthValue() - 1) / 12.0;
            double v = p.densityT();
            if (Double.isNaN(v)) {
                continue;
            }
            XYChart.Data<Number, Number> d = new XYChart.Data<>(t, v);
            // the point's own symbol, with its tooltip, before the chart makes one (a listener added after
            // the point is in the chart never sees the node, so no tooltip ever appeared)
            javafx.scene.layout.StackPane symbol = new javafx.scene.layout.StackPane();
            symbol.getStyleClass().add("history-point");
            d.setNode(symbol);
            min = Math.min(min, t);
            max = Math.max(max, t);
            simulated |= p.simulated();
            Tooltip tip = new Tooltip(MessageFormat.format(texts.getString("history.point"), p.survey(), p.period().toString(), Formats.number(v, 2)));
            tip.setShowDelay(javafx.util.Duration.millis(100));
            Tooltip.install(symbol, tip);
            series.getData().add(d);
        }
        x.setLowerBound(Math.floor(min));
        x.setUpperBound(Math.ceil(max + 1e-9));
        x.setTickUnit(Math.max(1, Math.ceil((x.getUpperBound() - x.getLowerBound()) / 7)));
        title.setText(MessageFormat.format(texts.getString("history.title"), zone, points.size())
                + (simulated ? " — " + texts.getString("data.simulated") : ""));
    }

    /** The plotted points, for tests: {time in years, density}. */
    List<double[]> points() {
        return series.getData().stream().map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}).toList();
    }

    /** The tooltip texts of the plotted points, in order, for tests. */
    List<String> pointTips() {
        return series.getData().stream().map(d -> d.getNode() == null ? "" : String.valueOf(((Tooltip) d.getNode().getProperties()
                .get("javafx.scene.control.Tooltip")).getText())).toList();
    }

    /** The title, for tests. */
    String title() {
        return title.getText();
    }
}
