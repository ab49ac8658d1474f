package pe.cardumen.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import pe.cardumen.acoustics.biomass.BiomassBootstrap;
import pe.cardumen.acoustics.biomass.BiomassTotals;
import pe.cardumen.app.BiomassSurvey;

/**
 * The biomass of a survey as IMARPE tabulates it: one table per degree of latitude, distance band and
 * stock, with area, abundance, biomass and its bootstrap CV and 90 % interval, mean length and %
 * juveniles, plus the total and the parameters (b20 flagged when unconfirmed).
 */
final class BiomassTables {
    private BiomassTables() {
    }

    /** One table row: a group's total and its uncertainty. */
    record Row(BiomassTotals.Total total, BiomassBootstrap.Interval90 uncertainty) {
    }

    /** The three tables in tabs, for the dialog and tests. */
    static TabPane tabs(BiomassSurvey.Report report, ResourceBundle texts) {
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("biomassTabs");
        for (BiomassTotals.By by : BiomassTotals.By.values()) {
            TableView<Row> table = new TableView<>();
            table.setId("biomass-" + by.name().toLowerCase(Locale.ROOT));
            Map<String, BiomassBootstrap.Interval90> u = report.groupUncertainty().get(by);
            for (BiomassTotals.Total t : report.totals().get(by)) {
                table.getItems().add(new Row(t, u.get(t.group())));
            }
            table.getColumns().add(column(texts.getString("biomass.col.group"), r -> r.total().group()));
            table.getColumns().add(column(texts.getString("biomass.col.zones"), r -> Integer.toString(r.total().zones())));
            table.getColumns().add(column(texts.getString("biomass.col.area"), r -> number("%,.0f", r.total().areaNmi2())));
            table.getColumns().add(column(texts.getString("biomass.col.abundance"), r -> number("%,.1f", r.total().abundance() / 1e6)));
            table.getColumns().add(column(texts.getString("biomass.col.biomass"), r -> number("%,.0f", r.total().biomassT())));
            table.getColumns().add(column(texts.getString("biomass.col.cv"), r -> r.uncertainty() == null ? "—" : number("%.1f", 100 * r.uncertainty().cv())));
            table.getColumns().add(column(texts.getString("biomass.col.interval"), r -> r.uncertainty() == null ? "—"
                    : number("%,.0f", r.uncertainty().lowerT()) + " – " + number("%,.0f", r.uncertainty().upperT())));
            table.getColumns().add(column(texts.getString("biomass.col.length"), r -> number("%.1f", r.total().meanLengthCm())));
            table.getColumns().add(column(texts.getString("biomass.col.juvN"), r -> number("%.1f", r.total().juvenilePctNumber())));
            table.getColumns().add(column(texts.getString("biomass.col.juvW"), r -> number("%.1f", r.total().juvenilePctWeight())));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            tabs.getTabs().add(new Tab(texts.getString("biomass.tab." + by.name().toLowerCase(Locale.ROOT)), table));
        }
        return tabs;
    }

    /** The summary line: total, CV, 90 % interval, how lengths were assigned and the parameters. */
    static String summary(BiomassSurvey.Report report, ResourceBundle texts) {
        var p = report.parameters();
        var total = report.bootstrap().total();
        String b20 = String.format(Locale.getDefault(), "%.1f", p.b20Db()) + (p.b20Confirmed() ? "" : " " + texts.getString("biomass.unconfirmed"));
        return MessageFormat.format(texts.getString("biomass.summary"), number("%,.0f", report.totalT()), number("%.1f", 100 * total.cv()),
                number("%,.0f", total.lowerT()), number("%,.0f", total.upperT()), report.intervals(), report.zones().size(), report.outsideZones(),
                report.byNearestHaul(), report.bySurveyMean(), b20);
    }

    /**
     * @param survey the survey's label ("" for a workspace without surveys)
     */
    static void show(Window owner, BiomassSurvey.Report report, String survey, ResourceBundle texts) {
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.setTitle(texts.getString("biomass.title"));
        dialog.setHeaderText(survey == null || survey.isEmpty() ? texts.getString("biomass.title")
                : MessageFormat.format(texts.getString("biomass.titleSurvey"), survey));
        Label summary = new Label(summary(report, texts));
        summary.setWrapText(true);
        VBox content = new VBox(8, summary, tabs(report, texts));
        content.setPrefSize(900, 420);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.show();
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String number(String pattern, double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.getDefault(), pattern, v);
    }

    /** For tests: the rows of one grouping. */
    static List<Row> rows(TabPane tabs, BiomassTotals.By by) {
        @SuppressWarnings("unchecked")
        TableView<Row> t = (TableView<Row>) tabs.getTabs().get(by.ordinal()).getContent();
        return t.getItems();
    }
}
