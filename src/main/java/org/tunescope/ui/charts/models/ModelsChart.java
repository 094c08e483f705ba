package org.tunescope.ui.charts.models;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.study.Trial;
import org.tunescope.ui.charts.TrialsCanvasChart;

/**
 * A frame shared by several models' trials: the y range covers every model's trials, each model draws in its
 * own colour, and a legend names them.
 */
public abstract class ModelsChart extends TrialsCanvasChart {

  private final ObjectProperty<List<ModelSeries>> series = new SimpleObjectProperty<>(this, "series", List.of());

  protected ModelsChart() {
    // The frame reads its y range from the trials: every model's, so that all share one scale.
    series.addListener((o, a, s) -> trialsProperty().set(s.stream().flatMap(m -> m.trials().stream()).toList()));
  }

  public ObjectProperty<List<ModelSeries>> seriesProperty() {
    return series;
  }

  /** The complete trials of every series, for the frame. */
  protected final List<Trial> completeTrials() {
    return trialsProperty().get().stream().filter(Trial::isComplete).toList();
  }

  /** The models' names in their colours, in a column at the plot's top right. */
  protected final void legend(GraphicsContext g, double w) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double width = series.get().stream().mapToDouble(s -> s.label().length() * 6.5).max().orElse(0) + 18;
    double x = w - RIGHT - width;
    double y = TOP + 10;
    // On a panel of the background's colour: a line passing under the legend must not hide a name.
    g.setFill(palette().background().deriveColor(0, 1, 1, 0.85));
    g.fillRect(x - 4, TOP + 1, width + 4, series.get().size() * 15 + 4);
    for (ModelSeries s : series.get()) {
      g.setFill(s.color());
      g.fillRect(x, y - 4, 10, 8);
      g.setFill(palette().text());
      g.fillText(s.label(), x + 14, y);
      y += 15;
    }
  }
}
