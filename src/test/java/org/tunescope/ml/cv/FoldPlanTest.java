package org.tunescope.ml.cv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldPlanTest {

  @Test
  void kFoldSplitsContiguousBlocksLikeScikitLearn() {
    FoldPlan plan = FoldPlan.kFold(11, 3);
    assertArrayEquals(new int[] {0, 1, 2, 3}, plan.folds().get(0).validation());
    assertArrayEquals(new int[] {4, 5, 6, 7}, plan.folds().get(1).validation());
    assertArrayEquals(new int[] {8, 9, 10}, plan.folds().get(2).validation());
    assertEveryRowValidatedOnce(plan, 11);
  }

  @Test
  void stratifiedFoldsMatchScikitLearnRowForRow() {
    // Expected folds are what sklearn.model_selection.StratifiedKFold(3).split(X, y) gives for these y.
    int[] y = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    FoldPlan plan = FoldPlan.stratified(y, 2, 3);
    assertArrayEquals(new int[] {0, 1, 6, 7}, plan.folds().get(0).validation());
    assertArrayEquals(new int[] {2, 3, 8, 9}, plan.folds().get(1).validation());
    assertArrayEquals(new int[] {4, 5, 10, 11}, plan.folds().get(2).validation());
    int[] uneven = {1, 0, 1, 1, 0, 1, 1, 0, 1, 1};
    FoldPlan unevenPlan = FoldPlan.stratified(uneven, 2, 3);
    assertArrayEquals(new int[] {0, 1, 2, 3}, unevenPlan.folds().get(0).validation());
    assertArrayEquals(new int[] {4, 5, 6}, unevenPlan.folds().get(1).validation());
    assertArrayEquals(new int[] {7, 8, 9}, unevenPlan.folds().get(2).validation());
    assertEveryRowValidatedOnce(unevenPlan, 10);
    for (Fold f : unevenPlan.folds()) {
      long zeros = Arrays.stream(f.validation()).filter(i -> uneven[i] == 0).count();
      assertEquals(1, zeros, "each fold gets one of the three class-0 rows");
    }
  }

  @Test
  void repeatedFoldsShuffleWithTheSeed() {
    FoldPlan a = FoldPlan.repeated(20, null, 0, 4, 3, 1);
    assertEquals(12, a.size());
    assertEquals(a.folds().get(5).validation().length, 5);
    assertArrayEquals(a.folds().get(5).validation(), FoldPlan.repeated(20, null, 0, 4, 3, 1).folds().get(5).validation());
    assertNotEquals(Arrays.toString(a.folds().get(0).validation()), Arrays.toString(a.folds().get(4).validation()),
        "each round shuffles anew");
    for (int r = 0; r < 3; r++) {
      final int round = r;
      int[] covered = IntStream.range(0, 4).flatMap(f -> Arrays.stream(a.folds().get(4 * round + f).validation()))
          .sorted().toArray();
      assertArrayEquals(IntStream.range(0, 20).toArray(), covered);
    }
  }

  @Test
  void groupFoldsLeaveOneGroupOut() {
    FoldPlan plan = FoldPlan.byGroup(new String[] {"a", "b", "a", "c", "b"}, "site");
    assertEquals(3, plan.size());
    assertArrayEquals(new int[] {0, 2}, plan.folds().get(0).validation());
    assertArrayEquals(new int[] {1, 3, 4}, plan.folds().get(0).train());
    assertThrows(IllegalArgumentException.class, () -> FoldPlan.byGroup(new String[] {"a", "a"}, "site"));
  }

  @Test
  void refusesImpossibleFoldCounts() {
    assertThrows(IllegalArgumentException.class, () -> FoldPlan.kFold(5, 1));
    assertThrows(IllegalArgumentException.class, () -> FoldPlan.kFold(5, 6));
  }

  private static void assertEveryRowValidatedOnce(FoldPlan plan, int rows) {
    int[] count = new int[rows];
    for (Fold f : plan.folds()) {
      Arrays.stream(f.validation()).forEach(i -> count[i]++);
      assertEquals(rows, f.train().length + f.validation().length);
      assertTrue(Arrays.stream(f.train()).noneMatch(i -> Arrays.stream(f.validation()).anyMatch(v -> v == i)));
    }
    assertTrue(Arrays.stream(count).allMatch(c -> c == 1));
  }
}
