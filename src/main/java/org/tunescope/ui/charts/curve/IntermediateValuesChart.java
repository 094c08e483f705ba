package org.tunescope.ui.charts.curve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.tunescope.app.IntermediateCurves;
import org.tunescope.store.ImportedTrial;
import org.tunescope.ui.charts.TrialsCanvasChart;

/**
 * Each trial's learning curve as an imported study recorded it (Optuna's intermediate values against step):
 * one line per trial, a pruned trial's line ending in a cross where its pruner stopped it, the selected trial's
 * line drawn over the others.
 */
public final class IntermediateValuesChart extends TrialsCanvasChart {

  private final ObjectProperty<IntermediateCurves> curves = new SimpleObjectProperty<>(this, "curves");
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");
  private Map<Integer, Long> drawnEnds = Map.of();

  public IntermediateValuesChart() {
    getStyleClass().add("intermediate-values-chart");
    curves.addListener(o -> redraw());
    selectedTrial.addListener(o -> redraw());
  }

  /** The curves to draw; null for none. */
  public ObjectProperty<IntermediateCurves> curvesProperty() {
    return curves;
  }

  /** The trial whose curve stands out; null for none. */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }

  /** The last step of each trial's line in the last drawing, by trial number (where each line ends). */
  public Map<Integer, Long> drawnEnds() {
    return drawnEnds;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    drawnEnds = Map.of();
    IntermediateCurves c = curves.get();
    if (c == null) {
      message(g, w, h, "The intermediate values each trial reported appear here.");
      return;
    }
    double lo = c.curves().stream().flatMap(k -> k.steps().stream()).mapToDouble(ImportedTrial.Step::value)
        .filter(Double::isFinite).min().orElse(0);
    double hi = c.curves().stream().flatMap(k -> k.steps().stream()).mapToDouble(ImportedTrial.Step::value)
        .filter(Double::isFinite).max().orElse(1);
    double[] y = padded(lo, hi);
    double first = c.curves().stream().mapToLong(k -> k.steps().get(0).step()).min().orElse(0);
    double last = Math.max(first + 1, c.lastStep());
    Axes axes = frame(g, w, h, first, last, y[0], y[1], "step (as each trial reported it)", yTitle());
    Color line = palette().validation().deriveColor(0, 1, 1, 0.45);
    Color cross = palette().text().deriveColor(0, 1, 1, 0.7);
    Map<Integer, Long> ends = new LinkedHashMap<>();
    IntermediateCurves.Curve selected = null;
    for (IntermediateCurves.Curve k : c.curves()) {
      if (Objects.equals(selectedTrial.get(), k.trial())) {
        selected = k;
        continue;
      }
      stroke(g, axes, k, line, 1);
      end(g, axes, k, k.pruned() ? cross : line, 3.5);
      ends.put(k.trial(), k.lastStep());
    }
    if (selected != null) {
      // The strongest neutral of the theme: the lines are in the validation colour, the accent is close to it.
      Color strong = palette().text();
      stroke(g, axes, selected, strong, 2.5);
      end(g, axes, selected, strong, 5);
      ends.put(selected.trial(), selected.lastStep());
    }
    drawnEnds = Map.copyOf(ends);
    caption(g, "each line: one trial's intermediate values · ×: pruned, stopped at that step"
        + (selected == null ? " · select a trial to pick out its line" : " · bold: trial " + selected.trial()));
  }

  private static void stroke(GraphicsContext g, Axes axes, IntermediateCurves.Curve k, Color colour, double width) {
    double[] xs = k.steps().stream().mapToDouble(s -> axes.x().applyAsDouble(s.step())).toArray();
    double[] ys = k.steps().stream().mapToDouble(s -> axes.y().applyAsDouble(s.value())).toArray();
    g.setStroke(colour);
    g.setLineWidth(width);
    g.strokePolyline(xs, ys, xs.length);
  }

  /** A pruned trial's line ends in a cross; a finished one's in a dot. */
  private static void end(GraphicsContext g, Axes axes, IntermediateCurves.Curve k, Color colour, double r) {
    ImportedTrial.Step s = k.steps().get(k.steps().size() - 1);
    double x = axes.x().applyAsDouble(s.step());
    double y = axes.y().applyAsDouble(s.value());
    if (k.pruned()) {
      g.setStroke(colour);
      g.setLineWidth(2);
      g.strokeLine(x - r, y - r, x + r, y + r);
      g.strokeLine(x - r, y + r, x + r, y - r);
    } else {
      g.setFill(colour);
      g.fillOval(x - r / 2, y - r / 2, r, r);
    }
  }
}
