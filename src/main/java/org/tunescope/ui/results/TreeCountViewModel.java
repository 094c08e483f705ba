package org.tunescope.ui.results;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TreeCountCurve;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;

/**
 * For forests and boosting: the selected trial's train and validation score against its number of trees,
 * from one fit per fold cut to its first trees (Smile's staged predictions), with bands across folds.
 */
public final class TreeCountViewModel extends SelectedTrialCurveViewModel {

  private static final String TREES = "trees";

  public TreeCountViewModel(RunViewModel run, UiScheduler scheduler) {
    super(run, scheduler, "score against the number of trees", TreeCountViewModel::reading);
  }

  @Override
  protected Optional<String> unavailable(PreparedStudy study) {
    return TreeCountCurve.appliesTo(study.model()) ? Optional.empty()
        : Optional.of("The score against the number of trees is for forests and boosting; this study tunes "
            + study.model().name() + ".");
  }

  @Override
  protected ValidationCurveModel compute(PreparedStudy study, Trial trial, BooleanSupplier cancelled)
      throws Exception {
    // One point per tree count, its folds as a trial's folds.
    return CurvePoints.model(TREES, TreeCountCurve.compute(study.objective(), study.model(), trial.params(),
        trial.seed(), cancelled).stream()
        .map(p -> new CurvePoints.Point(p.trees(), p.train(), p.validation())).toList(), study.study().direction());
  }

  /** The status line of a finished curve, in the metric's direction (for rmse, overfitting is a rising curve). */
  static String reading(Direction direction, String metric, int number) {
    return "Trees of trial " + number + ": where validation " + metric + " levels off, more trees only cost time;"
        + " where it " + direction.worsens() + " while train " + direction.improves() + " (" + direction.better()
        + "), boosting overfits with more rounds.";
  }
}
