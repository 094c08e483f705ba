package org.tunescope.ui.charts;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * A canvas chart of a study's trials' validation scores with a plain x/y frame: the base of the history and
 * cost views. The y axis is titled with the study's metric and direction. It redraws when its trials,
 * metric, direction, size or colours (the theme's, through CSS) change; subclasses draw the marks.
 */
public abstract class TrialsCanvasChart extends CanvasChart {

  protected static final double LEFT = 60;
  protected static final double RIGHT = 20;
  protected static final double TOP = 24;
  protected static final double BOTTOM = 40;

  private final ObjectProperty<List<Trial>> trials = new SimpleObjectProperty<>(this, "trials", List.of());
  private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.MAXIMIZE);
  private boolean logX;
  private final StringProperty metric = new SimpleStringProperty(this, "metric", "");

  protected TrialsCanvasChart() {
    super(false);
    trials.addListener(o -> redraw());
    direction.addListener(o -> redraw());
    metric.addListener(o -> redraw());
    setPrefSize(700, 400);
  }

  public ObjectProperty<List<Trial>> trialsProperty() {
    return trials;
  }

  public ObjectProperty<Direction> directionProperty() {
    return direction;
  }

  /** The name of the study's metric ("rmse"), for the y axis title. */
  public StringProperty metricProperty() {
    return metric;
  }

  /** The y axis title: the validation score, named with the metric and its direction. */
  public String yTitle() {
    String m = metric.get();
    return direction.get().label("validation " + (m == null || m.isBlank() ? "score" : m));
  }

  /** The linear mapping of [lo, hi] onto the plot's width or height (y grows upwards). */
  protected static DoubleUnaryOperator scale(double lo, double hi, double from, double to) {
    return v -> from + (v - lo) / (hi - lo) * (to - from);
  }

  /** Puts the x axis of the next frames on a log scale (decade ticks); the range must then be positive. */
  protected final void setLogX(boolean on) {
    logX = on;
  }

  /** Whether the x axis is on a log scale. */
  public final boolean isLogX() {
    return logX;
  }

  /** The mapping of x values in [lo, hi] onto the plot's width: linear, or logarithmic after {@link #setLogX}. */
  protected final DoubleUnaryOperator xScale(double lo, double hi, double from, double to) {
    if (!logX) {
      return scale(lo, hi, from, to);
    }
    DoubleUnaryOperator inLogs = scale(Math.log10(lo), Math.log10(hi), from, to);
    return v -> inLogs.applyAsDouble(Math.log10(Math.max(v, lo)));
  }

  /** The mappings of x and y values onto the canvas. */
  protected record Axes(DoubleUnaryOperator x, DoubleUnaryOperator y) {
  }

  /**
   * Axis lines, readable ticks and the axis titles, for a frame of w x h over [xLo, xHi] and the validation
   * scores of {@code trials}, padded by 5 %; returns the frame's mappings.
   */
  protected final Axes frame(GraphicsContext g, double w, double h, double xLo, double xHi, List<Trial> trials,
      String xTitle) {
    double lowest = trials.stream().mapToDouble(t -> t.validation().mean()).min().orElse(0);
    double highest = trials.stream().mapToDouble(t -> t.validation().mean()).max().orElse(1);
    double pad = (highest - lowest) * 0.05 + 1e-6;
    return frame(g, w, h, xLo, xHi, lowest - pad, highest + pad, xTitle, yTitle());
  }

  /** The same frame over any y range [yLo, yHi], with its own y title (another quantity than the score). */
  protected final Axes frame(GraphicsContext g, double w, double h, double xLo, double xHi, double yLo, double yHi,
      String xTitle, String yTitle) {
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    DoubleUnaryOperator px = xScale(xLo, xHi, LEFT, LEFT + plotW);
    DoubleUnaryOperator py = scale(yLo, yHi, TOP + plotH, TOP);
    g.setStroke(palette().axis());
    g.setLineWidth(1);
    g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
    g.setFill(palette().text());
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double y : Scale.linearTicks(yLo, yHi, 5)) {
      g.fillText(Scale.label(y), LEFT - 6, py.applyAsDouble(y));
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double x : logX ? Scale.decadeTicks(xLo, xHi) : Scale.linearTicks(xLo, xHi, 8)) {
      g.fillText(Scale.label(x), px.applyAsDouble(x), TOP + plotH + 5);
    }
    g.fillText(xTitle, LEFT + plotW / 2, TOP + plotH + 22);
    verticalTitle(g, yTitle, TOP + plotH / 2);
    return new Axes(xScale(xLo, xHi, LEFT, w - RIGHT), scale(yLo, yHi, h - BOTTOM, TOP));
  }

  /** [lo, hi] widened by 5 % of its width on each side (and never empty), so that no mark sits on an axis. */
  protected static double[] padded(double lo, double hi) {
    double pad = (hi - lo) * 0.05 + 1e-6 * Math.max(1, Math.abs(hi));
    return new double[] {lo - pad, hi + pad};
  }

  /** A one-line caption above the plot. */
  protected final void caption(GraphicsContext g, String text) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.setFill(palette().text());
    g.fillText(text, LEFT + 8, 4);
    g.setTextBaseline(VPos.BASELINE);
  }

  /** The ratio of the dearest to the cheapest cost from which a cost axis is logarithmic: two decades. */
  public static final double DECADES_FOR_LOG = 100;

  /**
   * The x range {lo, hi} of a cost axis over {@code costs}, and its scale, set for the next frames: from 0 to
   * 5 % past the dearest; or, when the costs span two decades, on a log axis from just below the cheapest
   * positive one (a 130 s trial among 0.05 s ones: on a linear axis every cheap trial sits in one column at 0).
   */
  protected final double[] costRange(double[] costs) {
    double dearest = java.util.Arrays.stream(costs).max().orElse(1);
    double cheapest = java.util.Arrays.stream(costs).filter(c -> c > 0).min().orElse(0);
    boolean log = cheapest > 0 && dearest * 1.05 / cheapest >= DECADES_FOR_LOG;
    setLogX(log);
    return costEnds(cheapest, dearest, log);
  }

  /**
   * The cost axis's ends, with room on both sides for the cheapest and the dearest trial's dots: from 0 (linear)
   * or from the cheapest / 1.2 (log, the same room in log units at both ends) to the dearest x 1.05 or x 1.2.
   */
  public static double[] costEnds(double cheapest, double dearest, boolean log) {
    return log ? new double[] {cheapest / 1.2, dearest * 1.2} : new double[] {0, dearest * 1.05 + 1e-9};
  }

  /**
   * The x range {lo, hi} of the history positions (trial number, or seconds since its study started) of the
   * complete trials of each study given, at least 1 wide, widened by 5 % on each side so that the first and
   * last dots sit whole inside the plot, not cut in half by its edges.
   */
  public static double[] historyRange(List<List<Trial>> studies, boolean byTime) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<Trial> all : studies) {
      for (Trial t : all) {
        if (t.isComplete()) {
          double x = org.tunescope.ml.tuning.OptimisationHistory.x(t, all, byTime);
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    return padded(lo, Math.max(lo + 1, hi));
  }

  /** Each complete trial of a study as a dot {@code size} px wide at its history position, in the current fill. */
  protected final void historyDots(GraphicsContext g, List<Trial> all, boolean byTime, DoubleUnaryOperator px,
      DoubleUnaryOperator py, double size) {
    for (Trial t : all) {
      if (t.isComplete()) {
        g.fillOval(px.applyAsDouble(org.tunescope.ml.tuning.OptimisationHistory.x(t, all, byTime)) - size / 2,
            py.applyAsDouble(t.validation().mean()) - size / 2, size, size);
      }
    }
  }

  /** The best validation score so far as a step line, in the current stroke colour, 2 px wide. */
  protected final void bestSoFarLine(GraphicsContext g, List<Trial> trials, boolean byTime, DoubleUnaryOperator px,
      DoubleUnaryOperator py) {
    g.setLineWidth(2);
    g.beginPath();
    double prevY = Double.NaN;
    for (double[] p : org.tunescope.ml.tuning.OptimisationHistory.bestSoFar(trials, direction.get(), byTime)) {
      double x = px.applyAsDouble(p[0]);
      double y = py.applyAsDouble(p[1]);
      if (Double.isNaN(prevY)) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, prevY);
        g.lineTo(x, y);
      }
      prevY = y;
    }
    g.stroke();
  }
}
