package org.tunescope.ui.charts.parallel;

import static org.tunescope.ui.charts.parallel.ParallelCoordinatesSkin.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.space.Scale;

/**
 * Paints what lies over the lines: axes with their ticks and "n/a" marks, brushes, the best, selected and
 * hovered lines, and the colour legend.
 */
final class OverlayPainter {

  private static final Font LABEL_FONT = Font.font(10.5);
  /** Room around a label's text inside its background box. */
  private static final double LABEL_PAD = 2;
  /** How opaque the box behind a label is: the lines beneath show faintly, never through the text. */
  private static final double LABEL_BOX_OPACITY = 0.85;

  private final ParallelCoordinatesChart chart;
  private final Canvas canvas;
  private PlotGeometry geometry;
  /** The widths of tick labels as drawn (the same few strings at every redraw of the overlay). */
  private final java.util.Map<String, Double> labelWidths = new java.util.HashMap<>();
  private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
  private double labelHeight = Double.NaN;

  OverlayPainter(ParallelCoordinatesChart chart, Canvas canvas) {
    this.chart = chart;
    this.canvas = canvas;
  }

  private void strokeLine(GraphicsContext gc, int i) {
    ParallelCoordinatesModel m = chart.getModel();
    double[] xs = geometry.axisX();
    List<Axis> axes = m.axes();
    double[] ys = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      ys[k] = geometry.y(m.position(i, axes.get(k)));
    }
    gc.strokePolyline(xs, ys, xs.length);
  }

  /** Paints the overlay for axes at {@code g}, with line {@code hovered} (or none, -1) outlined. */
  void paint(PlotGeometry g, int hovered) {
    geometry = g;
    ParallelCoordinatesModel m = chart.getModel();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    gc.setLineDashes((double[]) null);
    Paint axisColor = chart.palette().paint(ParallelCoordinatesChart.AXIS);
    Paint text = chart.palette().paint(ParallelCoordinatesChart.TEXT);
    gc.setFont(LABEL_FONT);
    gc.setTextBaseline(VPos.CENTER);
    Paint labelBackground = chart.palette().paint(ParallelCoordinatesChart.LABEL_BACKGROUND);
    List<Axis> axes = m.axes();
    double[] xs = geometry.axisX();
    for (int k = 0; k < axes.size(); k++) {
      Axis a = axes.get(k);
      double x = xs[k];
      gc.setStroke(axisColor);
      gc.setLineWidth(1.2);
      gc.strokeLine(x, geometry.top(), x, geometry.bottom());
      gc.setTextAlign(TextAlignment.RIGHT);
      for (Scale.Tick t : a.scale().ticks()) {
        double y = geometry.y(t.position());
        gc.strokeLine(x - 4, y, x, y);
        label(gc, t.label(), x - 6, y, text, labelBackground);
      }
      if (showsNa(m, a)) {
        label(gc, "n/a", x - 6, geometry.naY(), axisColor, labelBackground);
        gc.setFill(axisColor);
        gc.fillOval(x - 2, geometry.naY() - 2, 4, 4);
      }
      m.brush(a.name()).ifPresent(b -> {
        double top = geometry.y(b.hi());
        double bottom = geometry.y(b.lo());
        Color c = chart.palette().color(ParallelCoordinatesChart.BRUSH);
        gc.setFill(c.deriveColor(0, 1, 1, 0.22));
        gc.fillRect(x - 8, top, 16, bottom - top);
        gc.setStroke(c);
        gc.setLineWidth(1.5);
        gc.strokeRect(x - 8, top, 16, bottom - top);
      });
    }

    // The best trial on top, thicker and marked.
    OptionalInt best = m.best();
    if (best.isPresent() && m.isVisible(best.getAsInt())) {
      int i = best.getAsInt();
      gc.setStroke(text); // the outline contrasts with the background in either theme
      gc.setLineWidth(4.5);
      strokeLine(gc, i);
      gc.setStroke(colour(m.rgb(i), 1));
      gc.setLineWidth(2.5);
      strokeLine(gc, i);
      m.axis(ParallelCoordinatesModel.VALIDATION).ifPresent(v -> {
        int k = axes.indexOf(v);
        double y = geometry.y(m.position(i, v));
        gc.setFill(colour(m.rgb(i), 1));
        gc.setStroke(text);
        gc.setLineWidth(1.5);
        gc.fillOval(xs[k] - 5, y - 5, 10, 10);
        gc.strokeOval(xs[k] - 5, y - 5, 10, 10);
        gc.setFill(text);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("best #" + m.trial(i).number(), xs[k] + 8, y - 10);
      });
    }
    Integer selected = chart.selectedTrialProperty().get();
    if (selected != null) {
      m.lineOf(selected).ifPresent(i -> {
        if (m.isVisible(i)) {
          gc.setStroke(chart.palette().paint(ParallelCoordinatesChart.SELECTION));
          gc.setLineWidth(2.5);
          strokeLine(gc, i);
        }
      });
    }
    if (hovered >= 0 && hovered < m.size()) {
      gc.setStroke(text);
      gc.setLineWidth(2);
      strokeLine(gc, hovered);
    }
    drawLegend(gc, m, text);
  }

  /** Whether axis {@code a} has an "n/a" mark: a parameter that may not apply, or scores of failed trials. */
  private static boolean showsNa(ParallelCoordinatesModel m, Axis a) {
    boolean conditional = !a.isScore() && m.space().parameter(a.name()).flatMap(p -> p.condition()).isPresent();
    return conditional || a.isScore() && m.includesIncomplete();
  }

  /**
   * A label ending at {@code right}, centred on {@code y}, over a box of the chart's background: the
   * lines, bright ones included, never run through its text (in either theme).
   */
  private void label(GraphicsContext gc, String label, double right, double y, Paint fill, Paint background) {
    javafx.geometry.Rectangle2D box = labelBox(label, right, y);
    gc.setGlobalAlpha(LABEL_BOX_OPACITY);
    gc.setFill(background);
    gc.fillRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight());
    gc.setGlobalAlpha(1);
    gc.setFill(fill);
    gc.fillText(label, right, y);
  }

  /** The box behind a label drawn right-aligned at {@code right} and centred on {@code y}. */
  private javafx.geometry.Rectangle2D labelBox(String label, double right, double y) {
    if (Double.isNaN(labelHeight)) {
      measure.setFont(LABEL_FONT);
      measure.setText("0");
      labelHeight = Math.ceil(measure.getLayoutBounds().getHeight());
    }
    double width = labelWidths.computeIfAbsent(label, l -> {
      measure.setText(l);
      return Math.ceil(measure.getLayoutBounds().getWidth());
    });
    return new javafx.geometry.Rectangle2D(right - width - LABEL_PAD, y - labelHeight / 2, width + 2 * LABEL_PAD,
        labelHeight);
  }

  /** The boxes behind axis {@code k}'s tick labels, bottom to top, then its "n/a" mark's if it has one (tests). */
  List<javafx.geometry.Rectangle2D> labelBoxes(PlotGeometry g, int k) {
    geometry = g;
    Axis a = chart.getModel().axes().get(k);
    double x = geometry.axisX()[k];
    List<javafx.geometry.Rectangle2D> out = new ArrayList<>();
    for (Scale.Tick t : a.scale().ticks()) {
      out.add(labelBox(t.label(), x - 6, geometry.y(t.position())));
    }
    if (showsNa(chart.getModel(), a)) {
      out.add(labelBox("n/a", x - 6, geometry.naY()));
    }
    return out;
  }

  private void drawLegend(GraphicsContext gc, ParallelCoordinatesModel m, Paint text) {
    double x = canvas.getWidth() - RIGHT + 46;
    double top = geometry.top();
    double height = geometry.height();
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      double t = 1 - (s + 0.5) / steps;
      gc.setFill(colour(Viridis.rgb(t), 1));
      gc.fillRect(x, top + s * height / steps, 12, height / steps + 1);
    }
    double[] range = m.legendRange();
    gc.setFill(text);
    gc.setTextAlign(TextAlignment.CENTER);
    gc.fillText("validation", x + 6, top - 12);
    gc.setTextAlign(TextAlignment.RIGHT);
    gc.fillText(String.format(Locale.ROOT, "%.3g", range[1]), x - 3, top + 4);
    gc.fillText(String.format(Locale.ROOT, "%.3g", range[0]), x - 3, top + height - 4);
  }

  private static Color colour(int rgb, double alpha) {
    return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, alpha);
  }
}
