package org.tunescope.ml.tuning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tunescope.ml.models.SquaredDistances;

/**
 * The squared distances of a study's folds (see {@link SquaredDistances}), computed on a fold's first use by
 * a model whose kernel needs only them, and shared by every later trial on that fold (subsamples of its
 * training rows included) until {@link #release}.
 *
 * <p>A fold of n rows (training and validation) takes n^2 doubles for its distances, and as much again for
 * each gamma that gets a kernel matrix (see {@link SquaredDistances#rbfMatrix}). All of a study's matrices
 * stay within a budget, {@link #DEFAULT_BUDGET_BYTES} or a quarter of the heap, whichever is smaller: 5
 * folds of breast_cancer's 569 rows take 13 MB of distances and 13 MB per gamma of a grid. Distances come
 * first: a fold whose distances do not fit (from about 2,500 rows with 5 folds, 5,800 rows with one)
 * gets none and its fits compute each kernel value from the features, as without the cache; kernel
 * matrices beyond the budget are not made and their fits look distances up. Scores are the same either
 * way, only the time differs.
 */
final class FoldDistances {

  static final long DEFAULT_BUDGET_BYTES = 256L << 20;

  private final long budget;
  private final Map<Integer, Optional<SquaredDistances>> folds = new ConcurrentHashMap<>();
  private long used;

  /** Distances within the default budget. */
  FoldDistances() {
    this(Math.min(DEFAULT_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 4));
  }

  FoldDistances(long budgetBytes) {
    this.budget = budgetBytes;
  }

  /**
   * Fold {@code index}'s distances, computed from {@code data} (the fold's full training and validation
   * rows) on first use; empty when they do not fit in the budget.
   */
  Optional<SquaredDistances> of(int index, Supplier<FoldData> data) {
    return folds.computeIfAbsent(index, i -> {
      FoldData fold = data.get();
      int rows = fold.xTrain().length + fold.xValidation().length;
      if (rows > SquaredDistances.MAX_ROWS || !reserve(SquaredDistances.bytes(rows))) {
        return Optional.empty();
      }
      return Optional.of(SquaredDistances.of(fold.xTrain(), fold.xValidation(), this::reserve));
    });
  }

  /** Takes {@code bytes} of the budget, when that much is left. */
  private synchronized boolean reserve(long bytes) {
    if (used + bytes > budget) {
      return false;
    }
    used += bytes;
    return true;
  }

  /** The bytes the distances kept take now. */
  synchronized long bytesInUse() {
    return used;
  }

  /** Lets the distances go (the study ended); a later use computes them again. */
  void release() {
    synchronized (this) {
      folds.clear();
      used = 0;
    }
  }
}
