package pe.cardumen.ui.sonar;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import pe.cardumen.acoustics.EchogramBuilder;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.render.ColourRamp;

/**
 * Draws an echogram (ping columns × depth rows, Sv on a colour ramp from {@link #MIN_DB} to
 * {@link #MAX_DB}), the bottom line, the integration grid (layer boundaries and the first ping of each
 * interval) and a colour bar with its scale. Dragging a rectangle selects a region (see {@link
 * #setOnRegion}). JavaFX thread only.
 */
public final class EchogramView extends StackPane {
    /** Sv shown at the bottom of the colour ramp, dB; weaker echoes are white. */
    public static final double MIN_DB = -80;
    /** Sv shown at the top of the colour ramp, dB. */
    public static final double MAX_DB = -30;

    private final Canvas canvas = new Canvas(400, 200);
    private EchogramBuilder.Echogram echogram;
    private List<IntegrationCell> cells = List.of();
    private IntegrationSettings settings;
    private WritableImage image;
    private double plotX0;
    private double plotW;
    private double plotH;
    private double[] drag;
    /** The last region handed on, as {first column, last column, top depth, bottom depth}, drawn until cleared. */
    private double[] marked;
    private RegionListener onRegion = (a, b, c, d) -> { };

    /** Receives a region dragged on the echogram: its first and last column, top and bottom depth (m). */
    @FunctionalInterface
    public interface RegionListener {
        void region(int firstColumn, int lastColumn, double depthFromM, double depthToM);
    }

    /** Sets what a dragged region does (the sonar panel computes its Sv(f)). */
    public void setOnRegion(RegionListener listener) {
        this.onRegion = listener;
    }

    public EchogramView() {
        Pane holder = new Pane(canvas);
        getChildren().add(holder);
        setMinHeight(120);
        setPadding(new Insets(4));
        StackPane.setAlignment(holder, Pos.TOP_LEFT);
        canvas.widthProperty().bind(widthProperty().subtract(8));
        canvas.heightProperty().bind(heightProperty().subtract(8));
        canvas.widthProperty().addListener((o, a, b) -> draw());
        canvas.heightProperty().addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(e -> {
            if (echogram != null && inPlot(e.getX(), e.getY())) {
                drag = new double[] {e.getX(), e.getY(), e.getX(), e.getY()};
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (drag != null) {
                drag[2] = Math.max(plotX0, Math.min(plotX0 + plotW, e.getX()));
                drag[3] = Math.max(0, Math.min(plotH, e.getY()));
                draw();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (drag == null) {
                return;
            }
            double[] d = drag;
            drag = null;
            draw();
            if (Math.abs(d[3] - d[1]) < 3) {
                return; // a click, not a region
            }
            region(Math.min(d[0], d[2]), Math.max(d[0], d[2]), Math.min(d[1], d[3]), Math.max(d[1], d[3]));
        });
    }

    private boolean inPlot(double x, double y) {
        return x >= plotX0 && x <= plotX0 + plotW && y >= 0 && y <= plotH;
    }

    /** Hands a region given in canvas pixels on as columns and depths (also used by tests). */
    void region(double xFrom, double xTo, double yFrom, double yTo) {
        int cols = echogram.columns();
        int first = (int) Math.max(0, Math.min(cols - 1, Math.floor((xFrom - plotX0) / plotW * cols)));
        int last = (int) Math.max(first, Math.min(cols - 1, Math.floor((xTo - plotX0) / plotW * cols)));
        double top = yFrom / plotH * echogram.depthMaxM();
        double bottom = yTo / plotH * echogram.depthMaxM();
        marked = new double[] {first, last, top, bottom};
        draw();
        onRegion.region(first, last, top, bottom);
    }

    /** Forgets the marked region (its spectrum was closed). */
    public void clearRegion() {
        marked = null;
        draw();
    }

    /** Drags a region from one fraction of the plot (0–1 across, 0–1 down) to another, as a mouse would. */
    public void dragRegion(double fromX, double fromY, double toX, double toY) {
        region(plotX0 + fromX * plotW, plotX0 + toX * plotW, fromY * plotH, toY * plotH);
    }

    /** Shows an echogram with its integration cells (grid) and settings. */
    public void show(EchogramBuilder.Echogram echogram, List<IntegrationCell> cells, IntegrationSettings settings) {
        boolean same = this.echogram != null && echogram.columns() > 0 && this.echogram.columns() > 0
                && echogram.columnStart()[0] == this.echogram.columnStart()[0] && echogram.depthMaxM() == this.echogram.depthMaxM()
                && echogram.pingsPerColumn() == this.echogram.pingsPerColumn();
        if (!same) {
            marked = null; // other data; a live echogram that only grows keeps its region
        }
        this.echogram = echogram;
        this.cells = cells;
        this.settings = settings;
        this.image = toImage(echogram);
        draw();
    }

    /** The echogram's pixels (one per column and depth bin), for tests; {@code null} before {@link #show}. */
    public WritableImage image() {
        return image;
    }

    static WritableImage toImage(EchogramBuilder.Echogram e) {
        int cols = Math.max(1, e.columns());
        int rows = Math.max(1, e.rows());
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter w = img.getPixelWriter();
        for (int c = 0; c < e.columns(); c++) {
            for (int r = 0; r < e.rows(); r++) {
                w.setArgb(c, r, colour(e.svDb()[c][r]));
            }
        }
        return img;
    }

    /** The colour of an Sv value: white below the ramp or without data, the ramp's top above it. */
    static int colour(float sv) {
        if (Float.isNaN(sv) || sv < MIN_DB) {
            return 0xFFFFFFFF;
        }
        return ColourRamp.VIRIDIS.colourAt((sv - MIN_DB) / (MAX_DB - MIN_DB));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (echogram == null || echogram.columns() == 0) {
            return;
        }
        double depthMax = echogram.depthMaxM();
        double step = niceStep(depthMax);
        String top = pe.cardumen.ui.Formats.number(MAX_DB, 0) + " dB";
        String bottom = pe.cardumen.ui.Formats.number(MIN_DB, 0) + " dB";
        // margins from the labels' own widths, so that no label is drawn over the echogram or the colour bar
        double depthLabels = 0;
        for (double d = 0; d <= depthMax; d += step) {
            depthLabels = Math.max(depthLabels, textWidth(g, pe.cardumen.ui.Formats.number(d, 0) + " m"));
        }
        double x0 = depthLabels + 8;
        double barWidth = 12;
        double legendWidth = 8 + barWidth + 4 + Math.max(textWidth(g, "Sv"), Math.max(textWidth(g, top), textWidth(g, bottom))) + 4;
        double plotW = Math.max(10, w - legendWidth - x0);
        double plotH = Math.max(10, h - 20);
        this.plotX0 = x0;
        this.plotW = plotW;
        this.plotH = plotH;
        g.setImageSmoothing(false);
        g.drawImage(image, x0, 0, plotW, plotH);
        // bottom line
        g.setStroke(Color.rgb(200, 30, 30));
        g.setLineWidth(1.5);
        g.beginPath();
        boolean started = false;
        for (int c = 0; c < echogram.columns(); c++) {
            double b = echogram.bottomDepthM()[c];
            if (Double.isNaN(b)) {
                started = false;
                continue;
            }
            double x = x0 + (c + 0.5) / echogram.columns() * plotW;
            double y = b / depthMax * plotH;
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
        // integration grid: layer boundaries and interval starts
        if (settings != null) {
            g.setStroke(Color.rgb(40, 40, 40, 0.45));
            g.setLineWidth(0.7);
            for (int k = 0; k <= settings.layerCount(); k++) {
                double depth = k == settings.layerCount() ? settings.layerBottomM() : settings.layerTop(k);
                double y = depth / depthMax * plotH;
                g.strokeLine(x0, y, x0 + plotW, y);
            }
            long first = echogram.columnStart()[0];
            long last = echogram.columnEnd()[echogram.columns() - 1];
            int previous = -1;
            for (IntegrationCell c : cells) {
                if (c.interval() != previous && last > first) {
                    previous = c.interval();
                    long t = pe.cardumen.domain.sonar.SonarTime.toTicks(c.timeStart());
                    double x = x0 + (double) (t - first) / (last - first) * plotW;
                    g.strokeLine(x, 0, x, plotH);
                }
            }
        }
        // depth axis
        g.setFill(Color.rgb(30, 30, 30));
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        for (double d = 0; d <= depthMax; d += step) {
            double y = d / depthMax * plotH;
            g.fillText(pe.cardumen.ui.Formats.number(d, 0) + " m", x0 - 4, Math.max(10, y + 4));
        }
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        // colour bar, its labels to its right
        double bx = x0 + plotW + 8;
        for (int i = 0; i < (int) plotH; i++) {
            double db = MAX_DB - (MAX_DB - MIN_DB) * i / plotH;
            int argb = colour((float) db);
            g.setFill(Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            g.fillRect(bx, i, barWidth, 1);
        }
        g.setFill(Color.rgb(30, 30, 30));
        double lx = bx + barWidth + 4;
        g.fillText(top, lx, 10);
        g.fillText(bottom, lx, plotH);
        g.fillText("Sv", lx, plotH / 2);
        if (marked != null && drag == null) {
            int cols = echogram.columns();
            double x1 = x0 + marked[0] / cols * plotW;
            double x2 = x0 + (marked[1] + 1) / cols * plotW;
            double y1 = marked[2] / depthMax * plotH;
            double y2 = marked[3] / depthMax * plotH;
            g.setStroke(Color.rgb(230, 20, 20));
            g.setLineWidth(1.5);
            g.strokeRect(x1, y1, x2 - x1, y2 - y1);
        }
        if (drag != null) {
            g.setStroke(Color.rgb(230, 20, 20));
            g.setLineWidth(1.5);
            g.setLineDashes(5, 3);
            g.strokeRect(Math.min(drag[0], drag[2]), Math.min(drag[1], drag[3]), Math.abs(drag[2] - drag[0]), Math.abs(drag[3] - drag[1]));
            g.setLineDashes();
        }
    }

    private static double textWidth(GraphicsContext g, String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(g.getFont());
        return t.getLayoutBounds().getWidth();
    }

    private static double niceStep(double depthMax) {
        for (double s : new double[] {5, 10, 20, 25, 50, 100, 200, 250, 500}) {
            if (depthMax / s <= 8) {
                return s;
            }
        }
        return 1000;
    }
}
