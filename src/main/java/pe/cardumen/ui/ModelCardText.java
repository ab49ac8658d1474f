package pe.cardumen.ui;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import pe.cardumen.model.ModelCard;

/**
 * A model card in words a manager reads: labelled fields in the window's language, numbers in its
 * format, the metrics named and explained. Toolkit-free, so the Models panel and its tests share it.
 */
final class ModelCardText {
    /** The metrics the panel shows, in order. */
    static final List<String> METRICS = List.of("rmse", "mae", "r2", "bias", "coverage", "auc", "total_error_pct");

    /** One labelled line of the card. */
    record Field(String label, String value) {
    }

    private ModelCardText() {
    }

    /** The card as labelled fields. */
    static List<Field> fields(ModelCard c, boolean verified, List<String> problems, ResourceBundle texts) {
        List<Field> f = new ArrayList<>();
        f.add(new Field(texts.getString("card.model"), c.id() + " " + c.version()));
        f.add(new Field(texts.getString("card.verification"), verified ? texts.getString("card.verified")
                : texts.getString("models.failed") + ": " + String.join("; ", problems)));
        if (c.description() != null) {
            f.add(new Field(texts.getString("card.description"), c.description()));
        }
        f.add(new Field(texts.getString("card.created"), date(c.created(), texts)));
        if (c.target() != null) {
            f.add(new Field(texts.getString("card.predicts"), MessageFormat.format(texts.getString("card.predicts.value"),
                    c.target().name(), unit(c.target().unit()), c.target().transform())));
        }
        if (c.outputs() != null && !c.outputs().isEmpty()) {
            List<String> q = c.outputs().stream().map(o -> "P" + Formats.number(100 * o.quantile(), 0)).toList();
            f.add(new Field(texts.getString("card.outputs"), String.join(", ", q)));
        }
        if (c.inputs() != null) {
            List<String> in = new ArrayList<>();
            for (ModelCard.Input i : c.inputs()) {
                String u = unit(i.unit());
                in.add(i.name() + (u.isEmpty() || u.equals("1") ? "" : " (" + u + ")") + ("log1p".equals(i.transform()) ? ", log1p" : ""));
            }
            f.add(new Field(MessageFormat.format(texts.getString("card.inputs"), c.inputs().size()), String.join("\n", in)));
        }
        ModelCard.Training t = c.training();
        if (t != null) {
            f.add(new Field(texts.getString("card.trainedOn"), MessageFormat.format(texts.getString("card.trainedOn.value"),
                    Formats.number(t.rows(), 0), t.featureTableSha256() == null ? "—" : t.featureTableSha256().substring(0, Math.min(12, t.featureTableSha256().length())) + "…")));
            if (t.split() != null && !t.split().isEmpty()) {
                List<String> s = new ArrayList<>();
                new TreeMap<>(t.split()).forEach((k, v) -> s.add(splitName(k, texts) + ": " + rows(v, texts)));
                f.add(new Field(texts.getString("card.split"), String.join("\n", s)));
            }
            if (t.hyperparameters() != null && !t.hyperparameters().isEmpty()) {
                List<String> h = new ArrayList<>();
                new TreeMap<>(t.hyperparameters()).forEach((k, v) -> h.add(k + " = " + value(v)));
                f.add(new Field(texts.getString("card.hyperparameters"), String.join("\n", h)));
            }
            f.add(new Field(texts.getString("card.reproducible"), MessageFormat.format(texts.getString("card.reproducible.value"),
                    Long.toString(t.seed()), t.search() == null ? 0 : t.search().size(), Formats.number(t.trainingSeconds(), 0))));
        }
        if (c.files() != null) {
            f.add(new Field(texts.getString("card.files"), MessageFormat.format(texts.getString("card.files.value"), c.files().size())));
        }
        return f;
    }

    /** The column header of a metric: its short name, with the unit where it has one. */
    static String metricHeader(String metric, ResourceBundle texts) {
        return texts.containsKey("metric." + metric) ? texts.getString("metric." + metric) : metric;
    }

    /** What a metric measures, in a sentence. */
    static String metricHelp(String metric, ResourceBundle texts) {
        return texts.containsKey("metric." + metric + ".help") ? texts.getString("metric." + metric + ".help") : metric;
    }

    /** A metric's value as the panel shows it: coverage and total error in %, the others with three decimals. */
    static String metricValue(String metric, Double v) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        if (metric.equals("coverage")) {
            return Formats.percent(v, 0) + " %";
        }
        if (metric.equals("total_error_pct")) {
            return Formats.number(v, 1) + " %";
        }
        return Formats.number(v, 3);
    }

    /** The name of a forecast row: the model or one of the baselines it is compared with. */
    static String forecastName(String key, ResourceBundle texts) {
        return texts.containsKey("forecast." + key) ? texts.getString("forecast." + key) : key;
    }

    /** The short name of a forecast for a column header (the full name is its tooltip). */
    static String forecastShortName(String key, ResourceBundle texts) {
        return texts.containsKey("forecast." + key + ".short") ? texts.getString("forecast." + key + ".short") : forecastName(key, texts);
    }

    private static final java.util.regex.Pattern ROWS = java.util.regex.Pattern.compile("(.*)\\((\\d+) rows\\)\\s*");

    /** "2018-03 … 2021-09 (7440 rows)" as the card writes it, in the window's words and number format. */
    private static String rows(String v, ResourceBundle texts) {
        java.util.regex.Matcher m = ROWS.matcher(v);
        return m.matches() ? m.group(1) + "(" + MessageFormat.format(texts.getString("card.rows"), Formats.number(Long.parseLong(m.group(2)), 0)) + ")" : v;
    }

    private static String splitName(String key, ResourceBundle texts) {
        return texts.containsKey("card.split." + key) ? texts.getString("card.split." + key) : key;
    }

    private static String unit(String u) {
        if (u == null) {
            return "";
        }
        return u.replace("nmi-2", "nmi⁻²").replace("mg m-3", "mg m⁻³").replace("degC", "°C").replace("degree", "°");
    }

    private static String value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Math.abs(d) < 0.01 && d != 0 ? Formats.significant(d, 3) : Formats.number(d, d == Math.rint(d) ? 0 : 3);
        }
        if (v instanceof Number) {
            return Formats.number(((Number) v).doubleValue(), 0);
        }
        if (v instanceof Map || v instanceof List) {
            return String.valueOf(v);
        }
        return String.valueOf(v);
    }

    private static String date(String iso, ResourceBundle texts) {
        if (iso == null) {
            return "—";
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(texts.getLocale())
                    .format(Instant.parse(iso).atZone(ZoneId.of("UTC"))) + " UTC";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
