package org.tunescope.ui.results;

import java.util.function.BooleanSupplier;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.LearningCurve;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;

/**
 * The learning curve of the selected trial: train and validation score against the number of training
 * rows (10 % to 100 % in 8 steps, cross-validated, with bands), computed in the background on request.
 */
public final class LearningCurveViewModel extends SelectedTrialCurveViewModel {

  private static final String ROWS = "training rows";

  public LearningCurveViewModel(RunViewModel run, UiScheduler scheduler) {
    super(run, scheduler, "learning curve", LearningCurveViewModel::reading);
  }

  @Override
  protected ValidationCurveModel compute(PreparedStudy study, Trial trial, BooleanSupplier cancelled)
      throws Exception {
    // One point per size, its folds as a trial's folds.
    return CurvePoints.model(ROWS, LearningCurve.compute(study.objective(), trial.params(), trial.seed(),
        LearningCurve.DEFAULT_FRACTIONS, cancelled).stream()
        .map(p -> new CurvePoints.Point(p.trainRows(), p.train(), p.validation())).toList(), study.study().direction());
  }

  /** The status line of a finished curve, in the metric's direction: an rmse that still falls, not "rises". */
  static String reading(Direction direction, String metric, int number) {
    return "Learning curve of trial " + number + ": a gap that stays as rows grow means the model is too complex;"
        + " a validation " + metric + " that still " + direction.improves() + " (" + direction.better()
        + ") means more data would help.";
  }
}
