package org.tunescope.ml.tuning;

import java.util.List;
import org.tunescope.engine.study.FoldPredictions;

/**
 * Where a cross-validated objective that keeps predictions hands them: a trial's predictions of every fold,
 * once all its folds are fitted (a trial cancelled or failed in the middle hands none). Called on the
 * worker's thread, before the trial itself is kept.
 */
@FunctionalInterface
public interface PredictionSink {

  void keep(int trial, List<FoldPredictions> folds);
}
