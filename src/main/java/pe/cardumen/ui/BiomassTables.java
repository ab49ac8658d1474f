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

    /**
     * One table row: a group's total and its uncertainty.
     *
     * @param isTotal whether it is the table's total row (the survey's whole biomass)
     */
    record Row(BiomassTotals.Total total, BiomassBootstrap.Interval90 uncertainty, boolean isTotal) {
        Row(BiomassTotals.Total total, BiomassBootstrap.Interval90 uncertainty) {
            this(total, uncertainty, false);
        }
    }

    /**
     * The total of a table's groups: sums of zones, area, abundance and biomass; mean length and %
     * juveniles by number weighted by abundance, % juveniles by weight weighted by biomass.
     */
    static BiomassTotals.Total sum(List<BiomassTotals.Total> groups, String label) {
        int zones = 0;
        double area = 0;
        double n = 0;
        double b = 0;
        double length = 0;
        double juvN = 0;
        double juvW = 0;
        for (BiomassTotals.Total t : groups) {
            zones += t.zones();
            area += t.areaNmi2();
            n += t.abundance();
            b += t.biomassT();
            if (t.abundance() > 0) {
                length += t.meanLengthCm() * t.abundance();
                juvN += t.juvenilePctNumber() * t.abundance();
            }
            if (t.biomassT() > 0) {
                juvW += t.juvenilePctWeight() * t.biomassT();
            }
        }
        return new BiomassTotals.Total(label, zones, area, n, b, n > 0 ? length / n : Double.NaN, n > 0 ? juvN / n : Double.NaN,
                b > 0 ? juvW / b : Double.NaN);
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
            List<BiomassTotals.Total> groups = report.totals().get(by);
            for (BiomassTotals.Total t : groups) {
                table.getItems().add(new Row(t, u.get(t.group())));
            }
            // the survey's total under every table: the groups add up to it, its uncertainty is the whole survey's bootstrap
            var whole = report.bootstrap().total();
            table.getItems().add(new Row(sum(groups, texts.getString("biomass.total")), whole, true));
            table.getColumns().add(column(texts.getString("biomass.col.group"), r -> r.total().group(), false));
            table.getColumns().add(column(texts.getString("biomass.col.zones"), r -> Formats.number(r.total().zones(), 0), true));
            table.getColumns().add(column(texts.getString("biomass.col.area"), r -> number(r.total().areaNmi2(), 0), true));
            table.getColumns().add(column(texts.getString("biomass.col.abundance"), r -> number(r.total().abundance() / 1e6, 1), true));
            table.getColumns().add(column(texts.getString("biomass.col.biomass"), r -> number(r.total().biomassT(), 0), true));
            table.getColumns().add(column(texts.getString("biomass.col.cv"), r -> r.uncertainty() == null ? "—" : number(100 * r.uncertainty().cv(), 1), true));
            table.getColumns().add(column(texts.getString("biomass.col.interval"), r -> r.uncertainty() == null ? "—"
                    : number(r.uncertainty().lowerT(), 0) + " – " + number(r.uncertainty().upperT(), 0), true));
            table.getColumns().add(column(texts.getString("biomass.col.length"), r -> number(r.total().meanLengthCm(), 1), true));
            table.getColumns().add(column(texts.getString("biomass.col.juvN"), r -> number(r.total().juvenilePctNumber(), 1), true));
            table.getColumns().add(column(texts.getString("biomass.col.juvW"), r -> number(r.total().juvenilePctWeight(), 1), true));
            table.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(Row r, boolean empty) {
                    super.updateItem(r, empty);
                    getStyleClass().remove("total-row");
                    if (!empty && r != null && r.isTotal()) {
                        getStyleClass().add("total-row");
                    }
                }
            });
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            table.setPrefHeight(Math.min(520, 34 + 26 * table.getItems().size()));
            tabs.getTabs().add(new Tab(texts.getString("biomass.tab." + by.name().toLowerCase(Locale.ROOT)), table));
        }
        return tabs;
    }

    /** The summary line: total, CV, 90 % interval, how lengths were assigned and the parameters. */
    static String summary(BiomassSurvey.Report report, ResourceBundle texts) {
        var p = report.parameters();
        var total = report.bootstrap().total();
        String b20 = Formats.number(p.b20Db(), 1) + (p.b20Confirmed() ? "" : " " + texts.getString("biomass.unconfirmed"));
        return MessageFormat.format(texts.getString("biomass.summary"), number(report.totalT(), 0), number(100 * total.cv(), 1),
                number(total.lowerT(), 0), number(total.upperT(), 0), report.intervals(), report.zones().size(), report.outsideZones(),
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
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(8);
        if (!report.parameters().b20Confirmed()) {
            // the caveat on every number below, where it cannot be missed
            Label b20 = new Label(MessageFormat.format(texts.getString("biomass.b20Note"), Formats.number(report.parameters().b20Db(), 1)));
            b20.setId("b20Note");
            b20.setWrapText(true);
            b20.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            b20.getStyleClass().add("warning-note");
            content.getChildren().add(b20);
        }
        content.getChildren().addAll(summary, tabs(report, texts));
        content.setPrefSize(1240, 560);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.show();
    }

    /** A column as wide as its header (and a number column right-aligned). */
    private static TableColumn<Row, String> column(String title, Function<Row, String> value, boolean numeric) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        // about 7.5 px a character of the header, at least 80 px, so that no header is cut
        c.setPrefWidth(Math.max(numeric ? 80 : 110, 16 + 7.5 * title.length()));
        if (numeric) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }

    private static String number(double v, int decimals) {
        return Formats.number(v, decimals);
    }

    /** For tests: the rows of one grouping. */
    static List<Row> rows(TabPane tabs, BiomassTotals.By by) {
        @SuppressWarnings("unchecked")
        TableView<Row> t = (TableView<Row>) tabs.getTabs().get(by.ordinal()).getContent();
        return t.getItems().stream().filter(r -> !r.isTotal()).toList();
    }

    /** For tests: the total row of one grouping. */
    static Row totalRow(TabPane tabs, BiomassTotals.By by) {
        @SuppressWarnings("unchecked")
        TableView<Row> t = (TableView<Row>) tabs.getTabs().get(by.ordinal()).getContent();
        return t.getItems().get(t.getItems().size() - 1);
    }
}
