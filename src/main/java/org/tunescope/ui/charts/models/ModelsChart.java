package org.tunescope.ui.charts.models;

import java.util.List;
import java.util.stream.DoubleStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.study.Trial;
import org.tunescope.ui.charts.TrialsCanvasChart;

/**
 * A frame shared by several models' trials and the ensembles of them: the y range covers every model's trials
 * and every ensemble, each model draws in its own colour, ensembles as diamonds in the text colour, and a legend
 * names them.
 */
public abstract class ModelsChart extends TrialsCanvasChart {

  /** Half the width of an ensemble's diamond. */
  protected static final double DIAMOND = 6;

  private final ObjectProperty<List<ModelSeries>> series = new SimpleObjectProperty<>(this, "series", List.of());
  private final ObjectProperty<List<EnsembleMark>> ensembles =
      new SimpleObjectProperty<>(this, "ensembles", List.of());

  protected ModelsChart() {
    // The frame reads its y range from the trials: every model's, so that all share one scale.
    series.addListener((o, a, s) -> trialsProperty().set(s.stream().flatMap(m -> m.trials().stream()).toList()));
    ensembles.addListener(o -> redraw());
  }

  public ObjectProperty<List<ModelSeries>> seriesProperty() {
    return series;
  }

  /** The ensembles of the compared models' trials, each one more candidate. */
  public ObjectProperty<List<EnsembleMark>> ensemblesProperty() {
    return ensembles;
  }

  /** The complete trials of every series, for the frame. */
  protected final List<Trial> completeTrials() {
    return trialsProperty().get().stream().filter(Trial::isComplete).toList();
  }

  /**
   * The frame over [xLo, xHi] and the validation scores of every complete trial and every ensemble, padded by
   * 5 % as the trials' frame is.
   */
  protected final Axes modelsFrame(GraphicsContext g, double w, double h, double xLo, double xHi, String xTitle) {
    double[] scores = DoubleStream.concat(completeTrials().stream().mapToDouble(t -> t.validation().mean()),
        ensembles.get().stream().mapToDouble(EnsembleMark::score)).filter(Double::isFinite).toArray();
    double lowest = DoubleStream.of(scores).min().orElse(0);
    double highest = DoubleStream.of(scores).max().orElse(1);
    double pad = (highest - lowest) * 0.05 + 1e-6;
    return frame(g, w, h, xLo, xHi, lowest - pad, highest + pad, xTitle, yTitle());
  }

  /**
   * The ensembles top to bottom as drawn by {@code py}: their names alternate above and below in this order, so
   * that two of nearly the same score have their names apart.
   */
  protected static List<EnsembleMark> topDown(List<EnsembleMark> ensembles, java.util.function.DoubleUnaryOperator py) {
    return ensembles.stream().sorted(java.util.Comparator.comparingDouble(e -> py.applyAsDouble(e.score()))).toList();
  }

  /**
   * The {@code index}-th ensemble's diamond at (x, y), filled in the text colour, named beside it: to its left
   * when asked (a level runs on to the right of it) or near the plot's right edge, else to its right; above it,
   * or below for every second ensemble, so that the names of two ensembles of nearly the same score do not
   * print over each other.
   */
  protected final void diamond(GraphicsContext g, double x, double y, String label, int index, double w,
      boolean nameLeft) {
    g.setFill(palette().text());
    g.fillPolygon(new double[] {x, x + DIAMOND, x, x - DIAMOND}, new double[] {y - DIAMOND, y, y + DIAMOND, y}, 4);
    boolean left = nameLeft || x > w - RIGHT - label.length() * 6.5 - DIAMOND - 4;
    g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
    g.setTextBaseline(index % 2 == 0 ? VPos.BOTTOM : VPos.TOP);
    g.fillText(label, left ? x - DIAMOND - 2 : x + DIAMOND + 2, index % 2 == 0 ? y - 2 : y + 2);
  }

  /**
   * The models' names in their colours, then "ensembles" by a diamond when there are some, at the plot's right:
   * at the bottom when higher scores are better, else at the top, away from the best scores, which both charts
   * draw at the right (the end of the history, the dear end of the front) and ensembles often are.
   */
  protected final void legend(GraphicsContext g, double w, double h) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    boolean withEnsembles = !ensembles.get().isEmpty();
    double width = series.get().stream().mapToDouble(s -> s.label().length() * 6.5).max().orElse(0) + 18;
    width = Math.max(width, withEnsembles ? 9 * 6.5 + 18 : 0);
    int lines = series.get().size() + (withEnsembles ? 1 : 0);
    double x = w - RIGHT - width;
    double panelTop = directionProperty().get() == org.tunescope.engine.study.Direction.MAXIMIZE
        ? h - BOTTOM - lines * 15 - 6 : TOP + 1;
    double y = panelTop + 9;
    // On a panel of the background's colour: a line passing under the legend must not hide a name.
    g.setFill(palette().background().deriveColor(0, 1, 1, 0.85));
    g.fillRect(x - 4, panelTop, width + 4, lines * 15 + 4);
    for (ModelSeries s : series.get()) {
      g.setFill(s.color());
      g.fillRect(x, y - 4, 10, 8);
      g.setFill(palette().text());
      g.fillText(s.label(), x + 14, y);
      y += 15;
    }
    if (withEnsembles) {
      g.setFill(palette().text());
      g.fillPolygon(new double[] {x + 5, x + 10, x + 5, x}, new double[] {y - 5, y, y + 5, y}, 4);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("ensembles", x + 14, y);
    }
  }
}
