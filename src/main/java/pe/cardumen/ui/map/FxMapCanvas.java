package pe.cardumen.ui.map;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import pe.cardumen.render.MapCanvas;
import pe.cardumen.render.TextStyle;

/**
 * A map canvas on a JavaFX {@link Canvas}: the map view's overlays (the selected and hovered zone)
 * and the scale bar under the map are drawn through it with the same layers as the paper. Use on
 * the JavaFX thread.
 */
public final class FxMapCanvas implements MapCanvas {
    private final Canvas canvas;
    private final GraphicsContext g;
    private final Map<TextStyle, Font> fonts = new HashMap<>();
    private final Text measure = new Text();

    public FxMapCanvas(Canvas canvas) {
        this.canvas = canvas;
        this.g = canvas.getGraphicsContext2D();
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
    }

    /** Clears the whole canvas to transparent. */
    public void clear() {
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    @Override
    public double width() {
        return canvas.getWidth();
    }

    @Override
    public double height() {
        return canvas.getHeight();
    }

    @Override
    public double pixel() {
        return 1;
    }

    @Override
    public double detail() {
        return 1;
    }

    static Color colour(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    private void path(Shape shape, AffineTransform t) {
        g.beginPath();
        double[] c = new double[6];
        PathIterator it = shape.getPathIterator(t);
        g.setFillRule(it.getWindingRule() == PathIterator.WIND_EVEN_ODD ? FillRule.EVEN_ODD : FillRule.NON_ZERO);
        for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> g.moveTo(c[0], c[1]);
                case PathIterator.SEG_LINETO -> g.lineTo(c[0], c[1]);
                case PathIterator.SEG_QUADTO -> g.quadraticCurveTo(c[0], c[1], c[2], c[3]);
                case PathIterator.SEG_CUBICTO -> g.bezierCurveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                default -> g.closePath();
            }
        }
    }

    @Override
    public void fill(Shape shape, AffineTransform toCanvas, int argb) {
        path(shape, toCanvas);
        g.setFill(colour(argb));
        g.fill();
    }

    @Override
    public void stroke(Shape shape, AffineTransform toCanvas, int argb, double width) {
        path(shape, toCanvas);
        g.setStroke(colour(argb));
        g.setLineWidth(width);
        g.stroke();
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setFill(colour(argb));
        g.fillRect(x, y, w, h);
    }

    private Font font(TextStyle s) {
        return fonts.computeIfAbsent(s, k -> Font.font(Font.getDefault().getFamily(), k.bold() ? FontWeight.BOLD : FontWeight.NORMAL, k.size()));
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, int argb) {
        g.setFont(font(style));
        g.setFill(colour(argb));
        g.fillText(text, x, y);
    }

    @Override
    public void haloText(String text, double x, double y, TextStyle style, int argb, int haloArgb) {
        g.setFont(font(style));
        g.setStroke(colour(haloArgb));
        g.setLineWidth(2.5);
        g.strokeText(text, x, y);
        g.setFill(colour(argb));
        g.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        measure.setFont(font(style));
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public double ascent(TextStyle style) {
        measure.setFont(font(style));
        measure.setText("Hg");
        return -measure.getLayoutBounds().getMinY();
    }

    @Override
    public double descent(TextStyle style) {
        measure.setFont(font(style));
        measure.setText("Hg");
        return measure.getLayoutBounds().getMaxY();
    }
}
