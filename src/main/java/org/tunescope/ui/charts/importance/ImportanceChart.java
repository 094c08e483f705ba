package org.tunescope.ui.charts.importance;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.tunescope.ml.tuning.ParameterImportance;

/**
 * Which hyperparameters explain the validation score, as bars: the share of each, in the order given, the
 * first on top. It draws what it is given; the shares are computed elsewhere.
 */
public final class ImportanceChart extends BarChart<Number, String> {

  public ImportanceChart() {
    super(new NumberAxis(0, 1, 0.1), new CategoryAxis());
    setLegendVisible(false);
    setAnimated(false);
    setTitle("Parameter importance (at least " + ParameterImportance.MIN_TRIALS + " complete trials)");
    getXAxis().labelProperty().bind(Bindings.createStringBinding(() -> axisLabel(metric.get()), metric));
    // Every new result redraws, an empty one too (an empty series, as the first result with too few trials).
    importance.addListener((javafx.beans.Observable o) -> {
      Map<String, Double> shares = importance.get();
      if (shares == null) {
        return;
      }
      XYChart.Series<Number, String> series = new XYChart.Series<>();
      List<Map.Entry<String, Double>> entries = List.copyOf(shares.entrySet());
      for (int i = entries.size() - 1; i >= 0; i--) {
        series.getData().add(new XYChart.Data<>(entries.get(i).getValue(), entries.get(i).getKey()));
      }
      getData().setAll(List.of(series));
    });
  }

  /**
   * The bars' axis: each parameter's share of what the forest explains of the score's variation, named with
   * the study's metric. The shares add up to 1; not "of the variation explained", which a lone parameter's
   * full bar would then claim all of.
   */
  static String axisLabel(String metric) {
    return "share of the explained variation in validation " + (metric.isEmpty() ? "score" : metric);
  }

  // --- importance
  private final ObjectProperty<Map<String, Double>> importance = new SimpleObjectProperty<>(this, "importance");

  /** Each parameter's share of the explained variation, in the order shown (an ordered map); null for none yet. */
  public ObjectProperty<Map<String, Double>> importanceProperty() {
    return importance;
  }

  // --- metric
  private final StringProperty metric = new SimpleStringProperty(this, "metric", "");

  /** The study's metric, for the axis title; empty for none. */
  public StringProperty metricProperty() {
    return metric;
  }
}
