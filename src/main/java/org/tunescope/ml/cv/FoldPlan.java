package org.tunescope.ml.cv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tunescope.engine.study.Seeds;

/**
 * How the rows are split for cross-validation. The plain and stratified k-fold splits follow
 * scikit-learn's {@code KFold} and {@code StratifiedKFold} without shuffling, row for row, so that
 * scores can be compared with theirs.
 *
 * @param description how the folds were made, for results ("stratified 5-fold")
 */
public record FoldPlan(List<Fold> folds, String description) {

  public FoldPlan {
    folds = List.copyOf(folds);
  }

  public int size() {
    return folds.size();
  }

  /** Contiguous k-fold: fold i validates on the i-th block of rows in file order. */
  public static FoldPlan kFold(int rows, int k) {
    checkK(rows, k);
    int[] assignment = new int[rows];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = rows / k + (f < rows % k ? 1 : 0);
      Arrays.fill(assignment, start, start + size, f);
      start += size;
    }
    return fromAssignment(assignment, k, k + "-fold");
  }

  /**
   * Stratified k-fold as scikit-learn builds it: fold sizes are balanced across the sorted labels,
   * and within each class the rows go to folds in file order. A class with fewer rows than folds is
   * missing from some validation folds, as in scikit-learn.
   */
  public static FoldPlan stratified(int[] labels, int numClasses, int k) {
    checkK(labels.length, k);
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    int[][] allocation = new int[k][numClasses];
    for (int f = 0; f < k; f++) {
      for (int i = f; i < sorted.length; i += k) {
        allocation[f][sorted[i]]++;
      }
    }
    int[] assignment = new int[labels.length];
    int[] nextFold = new int[numClasses];
    int[] usedInFold = new int[numClasses];
    for (int row = 0; row < labels.length; row++) {
      int c = labels[row];
      while (usedInFold[c] >= allocation[nextFold[c]][c]) {
        nextFold[c]++;
        usedInFold[c] = 0;
      }
      assignment[row] = nextFold[c];
      usedInFold[c]++;
    }
    return fromAssignment(assignment, k, "stratified " + k + "-fold");
  }

  /**
   * Repeated k-fold: {@code repeats} rounds, each over a fresh seeded shuffle of the rows, stratified
   * when labels are given.
   */
  public static FoldPlan repeated(int rows, int[] labelsOrNull, int numClasses, int k, int repeats, long seed) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }
    List<Fold> folds = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < repeats; r++) {
      int[] perm = IntStream.range(0, rows).toArray();
      Seeds.shuffle(perm, random);
      FoldPlan round;
      if (labelsOrNull != null) {
        int[] shuffled = new int[rows];
        for (int i = 0; i < rows; i++) {
          shuffled[i] = labelsOrNull[perm[i]];
        }
        round = stratified(shuffled, numClasses, k);
      } else {
        round = kFold(rows, k);
      }
      for (Fold f : round.folds()) {
        folds.add(new Fold(map(f.train(), perm), map(f.validation(), perm)));
      }
    }
    String kind = labelsOrNull != null ? "stratified " : "";
    return new FoldPlan(folds, repeats + "x repeated " + kind + k + "-fold");
  }

  /** One fold per distinct value of a column (in order of first appearance): leave-one-group-out. */
  public static FoldPlan byGroup(String[] groups, String columnName) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] assignment = new int[groups.length];
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i] == null ? "(missing)" : groups[i];
      assignment[i] = index.computeIfAbsent(g, key -> index.size());
    }
    if (index.size() < 2) {
      throw new IllegalArgumentException("fold column '" + columnName + "' needs at least two distinct values, it has "
          + index.size());
    }
    return fromAssignment(assignment, index.size(), index.size() + " folds from column " + columnName);
  }

  private static int[] map(int[] rows, int[] perm) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = perm[rows[i]];
    }
    Arrays.sort(out);
    return out;
  }

  private static void checkK(int rows, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
    }
    if (k > rows) {
      throw new IllegalArgumentException("cannot make " + k + " folds from " + rows + " rows");
    }
  }

  private static FoldPlan fromAssignment(int[] assignment, int k, String description) {
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      final int fold = f;
      int[] validation = IntStream.range(0, assignment.length).filter(i -> assignment[i] == fold).toArray();
      int[] train = IntStream.range(0, assignment.length).filter(i -> assignment[i] != fold).toArray();
      folds.add(new Fold(train, validation));
    }
    return new FoldPlan(folds, description);
  }
}
