package org.tunescope.ui.charts.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.tuning.LearningCurve;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.run.RunViewModel;

/**
 * The learning curve of the selected trial: train and validation score against the number of training
 * rows (10 % to 100 % in 8 steps, cross-validated, with bands), computed in the background on request.
 */
public final class LearningCurveView extends BorderPane {

  private static final String ROWS = "training rows";

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final ValidationCurveChart chart = new ValidationCurveChart();
  private final Label status = new Label("Select a trial, then compute its learning curve.");
  private AtomicBoolean current = new AtomicBoolean();

  public LearningCurveView(RunViewModel run, UiScheduler scheduler) {
    this.run = run;
    this.scheduler = scheduler;
    chart.setId("learningCurve");
    chart.annotationsProperty().set(false);
    chart.xLabelProperty().set("training rows per fold");
    Button compute = new Button("Compute for the selected trial");
    compute.setId("computeLearningCurve");
    compute.disableProperty().bind(run.selectedTrialProperty().isNull().or(run.studyProperty().isNull()));
    compute.setOnAction(e -> compute());
    status.getStyleClass().add("muted");
    HBox controls = new HBox(8, compute, status);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(6));
    setTop(controls);
    setCenter(chart);
  }

  /** Computes the curve of the selected trial in the background; a newer request makes an older one stop. */
  public void compute() {
    PreparedStudy study = run.studyProperty().get();
    Integer number = run.selectedTrialProperty().get();
    Optional<Trial> trial = run.trials().stream().filter(t -> number != null && t.number() == number).findFirst();
    if (study == null || trial.isEmpty()) {
      return;
    }
    current.set(true);
    AtomicBoolean cancelled = new AtomicBoolean();
    current = cancelled;
    status.setText("Computing the learning curve of trial " + number + "...");
    Map<String, Object> params = trial.get().params();
    long seed = trial.get().seed();
    scheduler.background(() -> {
      try {
        List<LearningCurve.Point> points = LearningCurve.compute(study.objective(), params, seed,
            LearningCurve.DEFAULT_FRACTIONS, cancelled::get);
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            chart.setModel(model(points, study));
            status.setText("Learning curve of trial " + number + ": a gap that stays as rows grow means the model"
                + " is too complex; scores that still rise mean more data would help.");
          }
        });
      } catch (Exception e) {
        scheduler.ui(() -> status.setText("Cannot compute the learning curve: " + e.getMessage()));
      }
    });
  }

  /** The curve as a chart model: one point per size, its folds as a trial's folds. */
  static ValidationCurveModel model(List<LearningCurve.Point> points, PreparedStudy study) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      LearningCurve.Point p = points.get(i);
      List<FoldScore> folds = new ArrayList<>();
      for (int f = 0; f < p.train().folds().size(); f++) {
        folds.add(new FoldScore(p.train().folds().get(f), p.validation().folds().get(f)));
      }
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of(ROWS, (long) p.trainRows()), folds, 0, 0, 0,
          Optional.empty(), Instant.EPOCH));
    }
    long max = points.stream().mapToLong(LearningCurve.Point::trainRows).max().orElse(1);
    return ValidationCurveModel.of(trials, ROWS, new Distribution.IntRange(0, Math.max(1, max), false),
        Complexity.NONE, study.study().direction());
  }

  public ValidationCurveChart chart() {
    return chart;
  }
}
