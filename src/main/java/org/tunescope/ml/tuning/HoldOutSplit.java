package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tunescope.engine.study.Seeds;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.LearningProblem;

/**
 * A held-out test split: the rows tuning may use, and the rows it never sees, kept aside to score the
 * chosen model once at the end. Seeded and, for classification, stratified: each class gives the same
 * share of its rows to the test split (at least one row when it has two or more). Both row lists are
 * in ascending order, so folds built on the tuning rows follow the file's order as usual.
 *
 * @param tuning   rows for cross-validation and the final refit
 * @param test     rows scored once, after tuning
 * @param fraction the share of rows asked for the test split
 * @param seed     the seed of the shuffle
 */
public record HoldOutSplit(int[] tuning, int[] test, double fraction, long seed) {

  /**
   * Splits a problem's rows.
   *
   * @throws IllegalArgumentException when the fraction is not in (0, 1) or leaves a side empty
   */
  public static HoldOutSplit of(LearningProblem problem, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("the test fraction must be between 0 and 1 (exclusive), got " + fraction);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> strata = new ArrayList<>();
    if (problem.task() == Task.CLASSIFICATION) {
      int[] labels = problem.labels();
      for (int c = 0; c < problem.numClasses(); c++) {
        final int cls = c;
        strata.add(java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray());
      }
    } else {
      strata.add(java.util.stream.IntStream.range(0, problem.rows()).toArray());
    }
    boolean[] isTest = new boolean[problem.rows()];
    for (int[] rows : strata) {
      int[] shuffled = rows.clone();
      Seeds.shuffle(shuffled, random);
      int take = (int) Math.round(fraction * shuffled.length);
      if (shuffled.length >= 2) {
        take = Math.max(1, Math.min(shuffled.length - 1, take));
      }
      for (int i = 0; i < take; i++) {
        isTest[shuffled[i]] = true;
      }
    }
    int[] test = java.util.stream.IntStream.range(0, isTest.length).filter(i -> isTest[i]).toArray();
    int[] tuning = java.util.stream.IntStream.range(0, isTest.length).filter(i -> !isTest[i]).toArray();
    if (test.length == 0 || tuning.length < 2) {
      throw new IllegalArgumentException("a test fraction of " + fraction + " leaves " + tuning.length
          + " tuning rows and " + test.length + " test rows out of " + problem.rows());
    }
    return new HoldOutSplit(tuning, test, fraction, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HoldOutSplit h && Arrays.equals(h.tuning, tuning) && Arrays.equals(h.test, test)
        && h.fraction == fraction && h.seed == seed;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(tuning) + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "HoldOutSplit[" + tuning.length + " tuning rows, " + test.length + " test rows, seed " + seed + "]";
  }
}
