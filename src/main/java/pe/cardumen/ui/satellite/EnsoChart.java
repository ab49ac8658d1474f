package pe.cardumen.ui.satellite;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import pe.cardumen.app.Services.EnsoSeries;
import pe.cardumen.features.Enso;

/**
 * The ENSO chart: ICEN per month (black) and ONI per season (grey), °C, with the months of El Niño
 * costero shaded red and La Niña costera blue, and a marker at the satellite step shown.
 */
public final class EnsoChart extends Region {
    private static final double LEFT = 34;
    private static final double BOTTOM = 16;
    private static final double TOP = 4;
    private final Canvas canvas = new Canvas();
    private EnsoSeries series;
    private Instant marker;

    public EnsoChart() {
        getChildren().add(canvas);
        setMinHeight(90);
        setPrefHeight(120);
    }

    /** Shows the series with a marker at {@code time} (or none when null). */
    public void show(EnsoSeries series, Instant time) {
        this.series = series;
        this.marker = time;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The x of a month on a chart of the given width spanning {@code first}…{@code last}. */
    static double xOf(YearMonth m, YearMonth first, YearMonth last, double width) {
        double span = Math.max(1, first.until(last, java.time.temporal.ChronoUnit.MONTHS));
        return LEFT + (width - LEFT - 4) * first.until(m, java.time.temporal.ChronoUnit.MONTHS) / span;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (series == null || series.icen().isEmpty() || w < 80 || h < 40) {
            return;
        }
        List<Enso.IcenMonth> icen = series.icen();
        YearMonth first = icen.get(0).month();
        // the axis runs to the last index value or the date shown, whichever is later, so that a date
        // past the bundled indices is still marked (with the gap visible)
        YearMonth last = icen.get(icen.size() - 1).month();
        if (!series.oni().isEmpty() && series.oni().get(series.oni().size() - 1).season().centre().isAfter(last)) {
            last = series.oni().get(series.oni().size() - 1).season().centre();
        }
        YearMonth shown = marker == null ? null : YearMonth.from(marker.atZone(ZoneOffset.UTC));
        if (shown != null && shown.isAfter(last)) {
            last = shown;
        }
        double lo = -3;
        double hi = 5;
        for (Enso.IcenMonth m : icen) {
            lo = Math.min(lo, Math.floor(m.icenC()));
            hi = Math.max(hi, Math.ceil(m.icenC()));
        }
        double plotH = h - BOTTOM - TOP;
        double low = lo;
        double high = hi;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH * (high - v) / (high - low);
        double monthW = (w - LEFT - 4) / Math.max(1, first.until(last, java.time.temporal.ChronoUnit.MONTHS));
        for (Enso.IcenMonth m : icen) {
            if (m.event().isEmpty()) {
                continue;
            }
            g.setFill(m.event().startsWith("el-nino") ? Color.rgb(220, 60, 50, 0.25) : Color.rgb(50, 90, 220, 0.25));
            g.fillRect(xOf(m.month(), first, last, w) - monthW / 2, TOP, Math.max(1, monthW), plotH);
        }
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.3));
        g.setFont(javafx.scene.text.Font.font(10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(lo); v <= hi; v += 1) {
            double yy = y.applyAsDouble(v);
            g.setLineDashes(v == 0 ? null : new double[] {2, 3});
            g.strokeLine(LEFT, yy, w - 4, yy);
            if (((int) v) % 2 == 0) {
                g.fillText(String.format(java.util.Locale.ROOT, "%+.0f", v), LEFT - 3, yy);
            }
        }
        g.setLineDashes(null);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int year = (first.getYear() + 4) / 5 * 5; year <= last.getYear(); year += 5) {
            g.fillText(Integer.toString(year), xOf(YearMonth.of(year, 1), first, last, w), h - BOTTOM + 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("°C", 2, TOP);
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.beginPath();
        boolean started = false;
        for (Enso.OniPhase p : series.oni()) {
            YearMonth m = p.season().centre();
            if (m.isBefore(first) || m.isAfter(last)) {
                continue;
            }
            double x = xOf(m, first, last, w);
            double yy = y.applyAsDouble(p.season().anomalyC());
            if (started) {
                g.lineTo(x, yy);
            } else {
                g.moveTo(x, yy);
                started = true;
            }
        }
        g.stroke();
        g.setStroke(Color.BLACK);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int i = 0; i < icen.size(); i++) {
            double x = xOf(icen.get(i).month(), first, last, w);
            double yy = y.applyAsDouble(icen.get(i).icenC());
            if (i == 0) {
                g.moveTo(x, yy);
            } else {
                g.lineTo(x, yy);
            }
        }
        g.stroke();
        if (shown != null) {
            if (!shown.isBefore(first)) {
                double x = xOf(shown, first, last, w);
                g.setStroke(Color.rgb(230, 120, 0));
                g.setLineWidth(2);
                g.strokeLine(x, TOP, x, TOP + plotH);
            }
        }
    }
}
