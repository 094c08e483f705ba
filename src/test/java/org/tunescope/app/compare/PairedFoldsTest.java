package org.tunescope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;

class PairedFoldsTest {

  @Test
  void aModelAheadOnEveryFoldWithASmallSpreadIsClearlyBetter() {
    PairedFolds p = PairedFolds.of("svm", List.of(0.95, 0.96, 0.94, 0.97, 0.95), "forest",
        List.of(0.94, 0.95, 0.93, 0.95, 0.94), "accuracy", Direction.MAXIMIZE);
    assertEquals(List.of(0.01, 0.01, 0.01, 0.02, 0.01), p.differences().stream()
        .map(d -> Math.round(d * 1e6) / 1e6).toList());
    assertEquals(0.012, p.mean(), 1e-9);
    // sample std of (.01,.01,.01,.02,.01) = sqrt(0.00008 / 4) = 0.004472; t(0.975, 4) = 2.776445
    assertEquals(0.0044721, p.std(), 1e-6);
    assertEquals(2.776445 * 0.0044721 / Math.sqrt(5), p.halfWidth(), 1e-6);
    assertEquals(5, p.firstAhead());
    assertTrue(p.isClear());
    assertEquals("svm is better than forest by 0.0120 ± 0.0056 accuracy (95 % interval), on 5 of 5 folds.",
        p.sentence());
  }

  @Test
  void foldsThatDisagreeGiveNoClearDifference() {
    PairedFolds p = PairedFolds.of("svm", List.of(0.95, 0.90, 0.97), "forest", List.of(0.93, 0.92, 0.94),
        "accuracy", Direction.MAXIMIZE);
    assertEquals(2, p.firstAhead());
    assertEquals(1, p.secondAhead());
    assertFalse(p.isClear());
    assertTrue(p.sentence().startsWith("No clear difference between svm and forest: svm is ahead by 0.0100 ± "),
        p.sentence());
    assertTrue(p.sentence().endsWith("but the folds disagree: svm is ahead on 2 of 3."), p.sentence());
  }

  @Test
  void anIntervalThatContainsZeroIsNoClearDifferenceEvenWhenEveryFoldAgrees() {
    // Ahead on both folds but by very different amounts: with one degree of freedom t is 12.7.
    PairedFolds p = PairedFolds.of("a", List.of(0.51, 0.90), "b", List.of(0.50, 0.50), "accuracy", Direction.MAXIMIZE);
    assertEquals(2, p.firstAhead());
    assertFalse(p.isClear());
    assertTrue(p.sentence().endsWith("but the 95 % interval contains 0."), p.sentence());
  }

  @Test
  void forAnErrorMetricLowerIsBetterAndTheLeaderIsNamedFirst() {
    PairedFolds p = PairedFolds.of("ridge", List.of(3.0, 3.1, 2.9), "lasso", List.of(2.5, 2.6, 2.4), "rmse",
        Direction.MINIMIZE);
    assertEquals(-0.5, p.mean(), 1e-9);
    assertEquals(3, p.secondAhead());
    assertEquals("lasso", p.leader());
    assertTrue(p.sentence().startsWith("lasso is better than ridge by 0.5000 ± 0.0000 rmse"), p.sentence());
  }

  @Test
  void oneFoldHasNoSpreadAndFoldsMustMatch() {
    PairedFolds p = PairedFolds.of("a", List.of(0.9), "b", List.of(0.8), "accuracy", Direction.MAXIMIZE);
    assertFalse(p.isClear());
    assertTrue(p.sentence().contains("one fold gives no spread"), p.sentence());
    assertThrows(IllegalArgumentException.class, () -> PairedFolds.of("a", List.of(0.9, 0.8), "b", List.of(0.8),
        "accuracy", Direction.MAXIMIZE));
  }

  @Test
  void twoCandidatesEqualOnEveryFoldAreSaidToScoreTheSame() {
    PairedFolds p = PairedFolds.of("vote of 5", List.of(0.97, 0.98, 0.96), "stack of 5", List.of(0.97, 0.98, 0.96),
        "accuracy", Direction.MAXIMIZE);
    assertEquals("No clear difference between vote of 5 and stack of 5: they score the same on every fold.",
        p.sentence());
  }
}
