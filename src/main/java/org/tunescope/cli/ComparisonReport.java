package org.tunescope.cli;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.OptimisationHistory;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.StudyStore;
import smile.plot.swing.Canvas;
import smile.plot.swing.Legend;
import smile.plot.swing.Line;
import smile.plot.swing.LinePlot;
import smile.plot.swing.Point;

/**
 * The figures of a comparison for {@code report --comparison}: each model's best score so far against the
 * trials, overlaid, and every model's trials against their fit time with the Pareto front across models.
 */
final class ComparisonReport {

  /** One colour per model, in the comparison's order (Tableau 10: distinct, readable on white). */
  private static final Color[] COLORS = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f),
      new Color(0xe15759), new Color(0x76b7b2), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
      new Color(0x9c755f), new Color(0xbab0ac)};

  private ComparisonReport() {
  }

  /** Each model's best validation score so far against the trial number, one line per model. */
  static Canvas history(StudyStore store, ComparisonRecord c, Direction direction) {
    List<Line> lines = new ArrayList<>();
    List<Legend> legends = new ArrayList<>();
    for (int i = 0; i < c.studies().size(); i++) {
      String study = c.studies().get(i);
      double[][] best = OptimisationHistory.bestSoFar(store.trials(study), direction, false)
          .toArray(double[][]::new);
      if (best.length == 0) {
        continue;
      }
      Color color = COLORS[i % COLORS.length];
      lines.add(Line.of(best.length >= 2 ? best : new double[][] {best[0], best[0]}, Line.Style.SOLID, color));
      legends.add(new Legend(model(store, study), color));
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("comparison " + c.name() + " has no complete trial to draw yet");
    }
    Canvas canvas = new LinePlot(lines.toArray(Line[]::new), legends.toArray(Legend[]::new)).canvas();
    canvas.setTitle("Best so far, per model");
    canvas.setAxisLabels("trial number", direction.label("validation " + c.metric()));
    return canvas;
  }

  /** Every model's complete trials, validation score against fit time, and the Pareto front of them all. */
  static Canvas cost(StudyStore store, ComparisonRecord c, Direction direction) {
    List<Trial> all = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    List<Legend> legends = new ArrayList<>();
    for (int i = 0; i < c.studies().size(); i++) {
      String study = c.studies().get(i);
      List<Trial> complete = store.trials(study).stream().filter(Trial::isComplete).toList();
      if (complete.isEmpty()) {
        continue;
      }
      all.addAll(complete);
      Color color = COLORS[i % COLORS.length];
      points.add(new Point(complete.stream().map(ComparisonReport::costPoint).toArray(double[][]::new), 'o', color));
      legends.add(new Legend(model(store, study), color));
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("comparison " + c.name() + " has no complete trial to draw yet");
    }
    // Trial numbers repeat across studies; the front only needs each trial's cost and score.
    double[][] front = ParetoFront.of(all, direction, Trial::fitSeconds).stream()
        .map(ComparisonReport::costPoint).toArray(double[][]::new);
    legends.add(new Legend("Pareto front", Color.DARK_GRAY));
    points.add(new Point(front, 'x', Color.DARK_GRAY));
    // A scatter plot sizes its axes to every model's points; the front joins its points on top.
    Canvas canvas = new smile.plot.swing.ScatterPlot(points.toArray(Point[]::new), legends.toArray(Legend[]::new))
        .canvas();
    if (front.length >= 2) {
      canvas.add(Line.of(front, Line.Style.DASH, Color.DARK_GRAY));
    }
    canvas.setTitle("Score against fit time, every model");
    canvas.setAxisLabels("log10 fit seconds (all folds)", direction.label("validation " + c.metric()));
    return canvas;
  }

  /** A trial in the cost figure: fit time on a log scale (models differ by orders of magnitude), score. */
  private static double[] costPoint(Trial t) {
    return new double[] {Math.log10(Math.max(t.fitSeconds(), 1e-3)), t.validation().mean()};
  }

  private static String model(StudyStore store, String study) {
    return store.get(study).info().model();
  }
}
