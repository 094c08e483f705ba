package org.tunescope.ui.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;

/** The trees chart's reading follows the metric's direction: boosting that overfits raises an rmse. */
class TreeCountReadingTest {

  @Test
  void overfittingReadsAsARisingRmseAndAFallingAccuracy() {
    String rmse = SelectedTrialCurveViewModel.treeCountReading(Direction.MINIMIZE, "rmse", 4);
    assertTrue(rmse.contains("where it rises while train falls (lower is better), boosting overfits"), rmse);
    String accuracy = SelectedTrialCurveViewModel.treeCountReading(Direction.MAXIMIZE, "accuracy", 4);
    assertTrue(accuracy.contains("where it falls while train rises (higher is better), boosting overfits"), accuracy);
  }
}
