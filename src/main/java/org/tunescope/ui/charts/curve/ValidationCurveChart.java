package org.tunescope.ui.charts.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.charts.CanvasChart;
import org.tunescope.ui.charts.ChartPalette;

/**
 * The overfitting curve: mean train and validation score against one hyperparameter, each with a band
 * of one standard deviation across folds, every trial as a faint point behind, the underfitting, good
 * fit and overfitting zones shaded and named, the best point and optionally the one-standard-error
 * choice marked. Clicking a point selects its trial. Drawn on the canvas charts' frame, in their colours
 * (CSS: -chart-background, -chart-axis-color, -chart-text-fill, -chart-grid-color, -chart-train-color,
 * -chart-validation-color, -chart-accent-color).
 */
public class ValidationCurveChart extends CanvasChart {

  private static final double LEFT = 60;
  private static final double RIGHT = 20;
  private static final double TOP = 34;
  private static final double BOTTOM = 46;

  private double xLo;
  private double xHi;
  private double yLo;
  private double yHi;
  private YRange yRange = new YRange(0, 1);

  public ValidationCurveChart() {
    super(false);
    getStyleClass().add("validation-curve-chart");
    setMinSize(200, 150);
    setPrefSize(700, 420);
    // Tab stops on it, as on the other controls of the window.
    setFocusTraversable(true);
    for (Observable p : List.of(model, showOneStandardError, selectedTrial, annotations, xLabel, yLabel, placeholder,
        marker, sharedYRange)) {
      p.addListener(o -> redraw());
    }
    addEventHandler(MouseEvent.MOUSE_CLICKED, e -> pick(e.getX(), e.getY()).ifPresent(t -> selectedTrial.set(t.number())));
  }

  // --- model
  private final ObjectProperty<ValidationCurveModel> model = new SimpleObjectProperty<>(this, "model");

  public final ObjectProperty<ValidationCurveModel> modelProperty() {
    return model;
  }

  // --- showOneStandardError
  private final BooleanProperty showOneStandardError = new SimpleBooleanProperty(this, "showOneStandardError", true);

  public final BooleanProperty showOneStandardErrorProperty() {
    return showOneStandardError;
  }

  // --- annotations
  private final BooleanProperty annotations = new SimpleBooleanProperty(this, "annotations", true);

  /** Whether the fit zones and the best point are drawn (off for a learning curve, where they mean nothing). */
  public final BooleanProperty annotationsProperty() {
    return annotations;
  }

  // --- xLabel
  private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel");

  /** The x axis title; the parameter's name when empty. */
  public final StringProperty xLabelProperty() {
    return xLabel;
  }

  // --- yLabel
  private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");

  /** The y axis title: the metric and which way is better ("rmse (lower is better)"); none when empty. */
  public final StringProperty yLabelProperty() {
    return yLabel;
  }

  // --- placeholder
  private final StringProperty placeholder =
      new SimpleStringProperty(this, "placeholder", "The overfitting curve appears as trials finish.");

  /** What the chart says while it has no points. */
  public final StringProperty placeholderProperty() {
    return placeholder;
  }

  // --- marker
  private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);

  /** A value of the parameter to mark with a vertical line (the lab's slider); NaN for none. */
  public final DoubleProperty markerProperty() {
    return marker;
  }

  // --- selectedTrial
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");

  /** The selected trial's number, shared with the trials table and the other charts. */
  public final ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }

  // --- sharedYRange
  private final ObjectProperty<double[]> sharedYRange = new SimpleObjectProperty<>(this, "sharedYRange");

  /**
   * A y range {lo, hi} to draw on instead of the curve's own, so that small multiples of several models
   * share one validation scale (see {@link #yRangeOf}); null for the curve's own range.
   */
  public final ObjectProperty<double[]> sharedYRangeProperty() {
    return sharedYRange;
  }

  /** The y range {lo, hi} that shows every one of the curves as each would show itself. */
  public static double[] yRangeOf(List<ValidationCurveModel> curves) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ValidationCurveModel m : curves) {
      YRange r = YRange.of(m);
      lo = Math.min(lo, r.lo());
      hi = Math.max(hi, r.hi());
    }
    return hi > lo ? new double[] {lo, hi} : new double[] {0, 1};
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    ChartPalette colours = palette();
    ValidationCurveModel m = model.get();
    Color text = colours.text();
    if (m == null || m.points().isEmpty()) {
      message(g, w, h, placeholder.get());
      return;
    }
    Color train = colours.train();
    Color validation = colours.validation();
    scales(m);
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    boolean annotate = annotationsProperty().get();
    if (annotate) {
      zones(g, m, w, h, text);
    }
    axes(g, m, w, h, colours);
    // Collapsed scores lie outside the y range: everything is clipped to the plot, and marked at its edge.
    g.save();
    g.beginPath();
    g.rect(LEFT, TOP - 4, plotW, plotH + 8);
    g.clip();
    // Every trial, faint, behind the curve.
    for (Trial t : m.allTrials()) {
      double px = px(m, m.xOf(t), plotW);
      dot(g, px, py(t.train().mean(), plotH), 2.5, train.deriveColor(0, 1, 1, 0.25));
      dot(g, px, py(t.validation().mean(), plotH), 2.5, validation.deriveColor(0, 1, 1, 0.25));
    }
    band(g, m, plotW, plotH, true, train);
    band(g, m, plotW, plotH, false, validation);
    line(g, m, plotW, plotH, true, train);
    line(g, m, plotW, plotH, false, validation);
    g.restore();
    clippedMarks(g, m, plotW, plotH, train, validation, text);
    m.best().filter(b -> annotate).ifPresent(b -> {
      double px = px(m, b.x(), plotW);
      double py = py(b.validation(), plotH);
      g.setStroke(validation);
      g.setLineWidth(2);
      g.strokeOval(px - 7, py - 7, 14, 14);
      g.setFill(text);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("best", px, py - 11);
    });
    if (annotate && showOneStandardErrorProperty().get()) {
      m.oneStandardError().filter(p -> m.best().map(b -> b.trial() != p.trial()).orElse(false)).ifPresent(p -> {
        double px = px(m, p.x(), plotW);
        double py = py(p.validation(), plotH);
        g.setStroke(text);
        g.setLineWidth(1.5);
        g.strokePolygon(new double[] {px, px + 7, px, px - 7}, new double[] {py - 7, py, py + 7, py}, 4);
        g.setFill(text);
        g.fillText("simplest within 1 SE", px, py + 20);
      });
    }
    Integer selected = selectedTrialProperty().get();
    if (selected != null) {
      m.points().stream().filter(p -> p.trial().number() == selected).findFirst().ifPresent(p -> {
        double px = px(m, p.x(), plotW);
        g.setStroke(colours.accent());
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeLine(px, TOP, px, TOP + plotH);
        g.setLineDashes();
      });
    }
    double marker = markerProperty().get();
    if (Double.isFinite(marker) && (!m.isLog() || marker > 0)) {
      double px = Math.max(LEFT, Math.min(LEFT + plotW, px(m, marker, plotW)));
      g.setStroke(text);
      g.setLineWidth(2);
      g.strokeLine(px, TOP, px, TOP + plotH);
      g.setFill(text);
      g.setTextAlign(px > LEFT + plotW - 60 ? TextAlignment.RIGHT : TextAlignment.LEFT);
      g.fillText(" " + Scale.label(marker) + " ", px, TOP + plotH - 6);
    }
    legend(g, w, train, validation, text);
  }

  private void scales(ValidationCurveModel m) {
    xLo = Double.POSITIVE_INFINITY;
    xHi = Double.NEGATIVE_INFINITY;
    for (Trial t : m.allTrials()) {
      double x = axisX(m, m.xOf(t));
      xLo = Math.min(xLo, x);
      xHi = Math.max(xHi, x);
    }
    double[] shared = sharedYRangeProperty().get();
    yRange = shared != null ? new YRange(shared[0], shared[1]) : YRange.of(m);
    yLo = yRange.lo();
    yHi = yRange.hi();
    if (!m.categories().isEmpty()) {
      xLo = -0.5;
      xHi = m.categories().size() - 0.5;
    }
    if (xHi <= xLo) {
      xLo -= 0.5;
      xHi += 0.5;
    }
  }

  /**
   * A triangle at the plot's edge, pointing out, for each curve score beyond the y range, and a note of
   * how many there are and the most extreme one: the clipped points stay visible as points.
   */
  private void clippedMarks(GraphicsContext g, ValidationCurveModel m, double plotW, double plotH, Color train,
      Color validation, Color text) {
    List<ValidationCurveModel.Point> clipped = yRange.clipped(m);
    if (clipped.isEmpty()) {
      return;
    }
    int below = 0;
    int above = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (ValidationCurveModel.Point p : clipped) {
      double px = px(m, p.x(), plotW);
      for (boolean isTrain : new boolean[] {true, false}) {
        double y = isTrain ? p.train() : p.validation();
        if (!yRange.clips(y)) {
          continue;
        }
        boolean low = y < yRange.lo();
        double edge = low ? TOP + plotH : TOP;
        double tip = low ? edge - 1 : edge + 1;
        double base = low ? edge - 10 : edge + 10;
        g.setFill(isTrain ? train : validation);
        g.fillPolygon(new double[] {px - 5, px + 5, px}, new double[] {base, base, tip}, 3);
        if (low) {
          below++;
          lowest = Math.min(lowest, y);
        } else {
          above++;
          highest = Math.max(highest, y);
        }
      }
    }
    // In the top row, left of the legend: the plot's edges belong to the curve and the slider's marker.
    List<String> notes = new ArrayList<>();
    if (below > 0) {
      notes.add("\u25BC " + below + " below the axis, lowest " + Scale.label(lowest));
    }
    if (above > 0) {
      notes.add("\u25B2 " + above + " above the axis, highest " + Scale.label(highest));
    }
    g.setFill(text);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(String.join("; ", notes), LEFT, 14);
    g.setTextBaseline(VPos.BASELINE);
  }

  private static double axisX(ValidationCurveModel m, double x) {
    return m.isLog() ? Math.log10(x) : x;
  }

  private double px(ValidationCurveModel m, double x, double plotW) {
    return LEFT + (axisX(m, x) - xLo) / (xHi - xLo) * plotW;
  }

  private double py(double y, double plotH) {
    return TOP + (1 - (y - yLo) / (yHi - yLo)) * plotH;
  }

  private void zones(GraphicsContext g, ValidationCurveModel m, double w, double h, Color text) {
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    List<ValidationCurveModel.Point> pts = m.points();
    int i = 0;
    while (i < pts.size()) {
      int j = i;
      while (j + 1 < pts.size() && pts.get(j + 1).zone().equals(pts.get(i).zone())) {
        j++;
      }
      if (pts.get(i).zone().isEmpty()) {
        // No clear verdict there: nothing is shaded or named.
        i = j + 1;
        continue;
      }
      double from = i == 0 ? LEFT : (px(m, pts.get(i - 1).x(), plotW) + px(m, pts.get(i).x(), plotW)) / 2;
      double to = j == pts.size() - 1 ? LEFT + plotW : (px(m, pts.get(j).x(), plotW) + px(m, pts.get(j + 1).x(), plotW)) / 2;
      ValidationCurveModel.Zone zone = pts.get(i).zone().get();
      Color fill = switch (zone) {
        case UNDERFITTING -> Color.web("#748ffc", 0.10);
        case GOOD_FIT -> Color.web("#40c057", 0.10);
        case OVERFITTING -> Color.web("#fa5252", 0.10);
      };
      g.setFill(fill);
      g.fillRect(from, TOP, to - from, plotH);
      g.setFill(text);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.TOP);
      String label = zone.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      // A narrow zone gets its name lower down, so that neighbouring names do not overlap.
      double width = label.length() * 6.5;
      double y = to - from >= width ? TOP + 4 : TOP + 4 + 14 * (zone.ordinal() + 1);
      // Kept inside the plot: a narrow zone at an edge would push its name over the axis's tick labels.
      double x = Math.max(LEFT + width / 2 + 2, Math.min(LEFT + plotW - width / 2 - 2, (from + to) / 2));
      g.fillText(label, x, y);
      g.setTextBaseline(VPos.BASELINE);
      i = j + 1;
    }
  }

  private void axes(GraphicsContext g, ValidationCurveModel m, double w, double h, ChartPalette colours) {
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    Color text = colours.text();
    g.setStroke(colours.axis());
    g.setLineWidth(1);
    g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
    g.setFill(text);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double y : Scale.linearTicks(yLo, yHi, 5)) {
      double py = py(y, plotH);
      g.fillText(Scale.label(y), LEFT - 6, py);
      g.setStroke(colours.grid());
      g.strokeLine(LEFT, py, LEFT + plotW, py);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    List<String> categories = m.categories();
    List<Double> xs = !categories.isEmpty() ? IntStream.range(0, categories.size()).mapToObj(i -> (double) i).toList()
        : m.isLog() ? Scale.decadeTicks(Math.pow(10, xLo), Math.pow(10, xHi)) : Scale.linearTicks(xLo, xHi, 8);
    for (double x : xs) {
      double px = px(m, x, plotW);
      if (px >= LEFT - 1 && px <= LEFT + plotW + 1) {
        g.fillText(categories.isEmpty() ? Scale.label(x) : categories.get((int) x), px, TOP + plotH + 5);
      }
    }
    String title = xLabelProperty().get();
    g.fillText((title == null || title.isEmpty() ? m.parameter() : title) + (m.isLog() ? " (log scale)" : ""),
        LEFT + plotW / 2, TOP + plotH + 24);
    String yTitle = yLabelProperty().get();
    if (yTitle != null && !yTitle.isEmpty()) {
      verticalTitle(g, yTitle, TOP + plotH / 2);
    }
    g.setTextBaseline(VPos.BASELINE);
  }

  private void band(GraphicsContext g, ValidationCurveModel m, double plotW, double plotH, boolean train, Color c) {
    List<ValidationCurveModel.Point> pts = m.points();
    double[] xs = new double[pts.size() * 2];
    double[] ys = new double[pts.size() * 2];
    for (int i = 0; i < pts.size(); i++) {
      ValidationCurveModel.Point p = pts.get(i);
      double mean = train ? p.train() : p.validation();
      double std = train ? p.trainStd() : p.validationStd();
      xs[i] = px(m, p.x(), plotW);
      ys[i] = py(mean + std, plotH);
      xs[xs.length - 1 - i] = xs[i];
      ys[ys.length - 1 - i] = py(mean - std, plotH);
    }
    g.setFill(c.deriveColor(0, 1, 1, 0.18));
    g.fillPolygon(xs, ys, xs.length);
  }

  private void line(GraphicsContext g, ValidationCurveModel m, double plotW, double plotH, boolean train, Color c) {
    g.setStroke(c);
    g.setLineWidth(2.2);
    List<ValidationCurveModel.Point> pts = m.points();
    double[] xs = new double[pts.size()];
    double[] ys = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      xs[i] = px(m, pts.get(i).x(), plotW);
      ys[i] = py(train ? pts.get(i).train() : pts.get(i).validation(), plotH);
    }
    g.strokePolyline(xs, ys, xs.length);
    for (int i = 0; i < xs.length; i++) {
      dot(g, xs[i], ys[i], 3.5, c);
    }
  }

  private static void dot(GraphicsContext g, double x, double y, double r, Color c) {
    g.setFill(c);
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
  }

  private static void legend(GraphicsContext g, double w, Color train, Color validation, Color text) {
    double x = w - RIGHT - 220;
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(train);
    g.fillRect(x, 12, 18, 4);
    g.setFill(text);
    g.fillText("train (± 1 sd)", x + 24, 14);
    g.setFill(validation);
    g.fillRect(x + 110, 12, 18, 4);
    g.setFill(text);
    g.fillText("validation (± 1 sd)", x + 134, 14);
    g.setTextBaseline(VPos.BASELINE);
  }

  private Optional<Trial> pick(double x, double y) {
    ValidationCurveModel m = model.get();
    if (m == null) {
      return Optional.empty();
    }
    double plotW = getWidth() - LEFT - RIGHT;
    ValidationCurveModel.Point nearest = null;
    double bestDistance = 20;
    for (ValidationCurveModel.Point p : m.points()) {
      double d = Math.abs(px(m, p.x(), plotW) - x);
      if (d < bestDistance) {
        bestDistance = d;
        nearest = p;
      }
    }
    return Optional.ofNullable(nearest).map(ValidationCurveModel.Point::trial);
  }
}
