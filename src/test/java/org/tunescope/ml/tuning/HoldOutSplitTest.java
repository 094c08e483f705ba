package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.data.LearningProblem;

/** The held-out split: seeded, stratified, disjoint and complete. */
class HoldOutSplitTest {

  private final LearningProblem cancer = SampleData.problem("breast_cancer");

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    HoldOutSplit a = HoldOutSplit.of(cancer, 0.2, 7);
    HoldOutSplit b = HoldOutSplit.of(cancer, 0.2, 7);
    assertArrayEquals(a.tuning(), b.tuning());
    assertArrayEquals(a.test(), b.test());
    assertEquals(a, b);
    assertNotEquals(Arrays.toString(a.test()), Arrays.toString(HoldOutSplit.of(cancer, 0.2, 8).test()));
  }

  @Test
  void rowsAreSplitOnceEachAndClassesKeepTheirShare() {
    HoldOutSplit split = HoldOutSplit.of(cancer, 0.2, 0);
    int[] all = IntStream.concat(Arrays.stream(split.tuning()), Arrays.stream(split.test())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, cancer.rows()).toArray(), all);
    assertEquals(Math.round(0.2 * 357) + Math.round(0.2 * 212), split.test().length);
    int[] labels = cancer.labels();
    for (int c = 0; c < cancer.numClasses(); c++) {
      final int cls = c;
      long inTest = Arrays.stream(split.test()).filter(i -> labels[i] == cls).count();
      long inAll = Arrays.stream(labels).filter(l -> l == cls).count();
      assertEquals(0.2, inTest / (double) inAll, 0.01, "class " + c + " keeps its share");
    }
    assertTrue(isSorted(split.tuning()) && isSorted(split.test()));
  }

  @Test
  void regressionSplitsTheRowsAsOneGroup() {
    LearningProblem diabetes = SampleData.problem("diabetes");
    HoldOutSplit split = HoldOutSplit.of(diabetes, 0.25, 3);
    assertEquals(Math.round(0.25 * 442), split.test().length);
    assertEquals(442 - split.test().length, diabetes.select(split.tuning()).rows());
  }

  @Test
  void aFractionOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.of(cancer, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.of(cancer, 1, 0));
  }

  private static boolean isSorted(int[] rows) {
    for (int i = 1; i < rows.length; i++) {
      if (rows[i] <= rows[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
