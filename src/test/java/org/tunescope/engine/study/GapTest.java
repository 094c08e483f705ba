package org.tunescope.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gap means "validation worse than train" and is positive for an overfit model whichever way the
 * metric is better; the words for a score come from its direction.
 */
class GapTest {

  private static Trial trial(FoldScore... folds) {
    return new Trial(0, TrialState.COMPLETE, Map.of(), List.of(folds), 0, 0, 0, Optional.empty(), Instant.EPOCH);
  }

  @Test
  void anOverfitAccuracyTrialHasAPositiveGapOfTrainMinusValidation() {
    assertEquals(0.1, new FoldScore(0.95, 0.85).gap(Direction.MAXIMIZE), 1e-12);
    Trial overfit = trial(new FoldScore(1.0, 0.8), new FoldScore(0.9, 0.9));
    assertEquals(0.1, overfit.gap(Direction.MAXIMIZE), 1e-12);
  }

  @Test
  void anOverfitRmseTrialHasAPositiveGapOfValidationMinusTrain() {
    // rmse: 20 on the rows it learned from, 96 on unseen rows (diabetes, a deep tree): 76 worse, not -76.
    assertEquals(76, new FoldScore(20, 96).gap(Direction.MINIMIZE), 1e-12);
    Trial overfit = trial(new FoldScore(18, 90), new FoldScore(22, 102));
    assertEquals(76, overfit.gap(Direction.MINIMIZE), 1e-12);
    Trial underfit = trial(new FoldScore(60, 58));
    assertEquals(-2, underfit.gap(Direction.MINIMIZE), 1e-12, "validation better than train: negative");
  }

  @Test
  void aScoreIsNamedWithTheWayItIsBetter() {
    assertEquals("validation rmse (lower is better)", Direction.MINIMIZE.label("validation rmse"));
    assertEquals("accuracy (higher is better)", Direction.MAXIMIZE.label("accuracy"));
    assertEquals("falls", Direction.MINIMIZE.improves());
    assertEquals("rises", Direction.MINIMIZE.worsens());
    assertEquals("rises", Direction.MAXIMIZE.improves());
    assertEquals(Direction.MINIMIZE, Direction.of("minimize"));
    assertEquals(Direction.MAXIMIZE, Direction.of(Direction.MAXIMIZE.id()));
  }
}
