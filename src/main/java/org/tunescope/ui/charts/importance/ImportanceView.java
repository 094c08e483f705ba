package org.tunescope.ui.charts.importance;

import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.BorderPane;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.ParameterImportance;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;

/**
 * Which hyperparameters explain the validation score, as bars: a random forest fitted on the trials, in
 * the background, again whenever trials have finished.
 */
public final class ImportanceView extends BorderPane {

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final BarChart<Number, String> chart;
  private boolean pending;
  private boolean stale;

  public ImportanceView(RunViewModel run, UiScheduler scheduler) {
    this.run = run;
    this.scheduler = scheduler;
    NumberAxis share = new NumberAxis(0, 1, 0.1);
    share.setLabel(axisLabel(run.studyProperty().get()));
    CategoryAxis names = new CategoryAxis();
    chart = new BarChart<>(share, names);
    chart.setId("importanceChart");
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setTitle("Parameter importance (at least " + ParameterImportance.MIN_TRIALS + " complete trials)");
    setCenter(chart);
    // A forest per batch of trials would keep a core busy: at most one every two seconds.
    org.tunescope.ui.Throttle throttle = new org.tunescope.ui.Throttle(javafx.util.Duration.seconds(2), this::refresh);
    run.trials().addListener((ListChangeListener<Trial>) c -> throttle.request());
    run.studyProperty().addListener((o, a, study) -> {
      share.setLabel(axisLabel(study));
      refresh();
    });
  }

  /** The bars' axis: which score's variation they share out, named with the study's metric. */
  static String axisLabel(PreparedStudy study) {
    return "share of the variation in validation " + (study == null ? "score" : study.study().metric())
        + " explained";
  }

  private void refresh() {
    PreparedStudy study = run.studyProperty().get();
    if (study == null) {
      return;
    }
    if (pending) {
      // One computation at a time; the trials that finish meanwhile are counted by one more afterwards.
      stale = true;
      return;
    }
    pending = true;
    List<Trial> trials = List.copyOf(run.trials());
    scheduler.background(() -> {
      Map<String, Double> importance;
      try {
        importance = ParameterImportance.of(trials, study.study().space());
      } catch (RuntimeException e) {
        importance = Map.of();
      }
      Map<String, Double> result = importance;
      scheduler.ui(() -> {
        pending = false;
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<Map.Entry<String, Double>> entries = List.copyOf(result.entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
          series.getData().add(new XYChart.Data<>(entries.get(i).getValue(), entries.get(i).getKey()));
        }
        chart.getData().setAll(List.of(series));
        if (stale) {
          stale = false;
          refresh();
        }
      });
    });
  }
}
