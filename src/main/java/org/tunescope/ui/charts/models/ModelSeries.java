package org.tunescope.ui.charts.models;

import java.util.List;
import javafx.scene.paint.Color;
import org.tunescope.engine.study.Trial;

/**
 * One model's trials as a series of a chart, with its colour.
 *
 * @param label the model's name in the legend
 */
public record ModelSeries(String label, Color color, List<Trial> trials) {

  /**
   * Colours that stay apart for colour-blind readers and on light and dark backgrounds (Okabe and Ito's
   * palette without its yellow); series beyond them repeat.
   */
  private static final List<Color> COLOURS = List.of(Color.web("#0072B2"), Color.web("#E69F00"),
      Color.web("#009E73"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#56B4E9"));

  public ModelSeries {
    trials = List.copyOf(trials);
  }

  /** The colour of the {@code index}-th model of a comparison, the same in every chart and table. */
  public static Color colour(int index) {
    return COLOURS.get(index % COLOURS.size());
  }
}
