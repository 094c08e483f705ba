package org.tunescope.ml.data;

import java.util.HashSet;
import java.util.Set;
import org.tunescope.ml.Task;

/** Guesses the task from the target column; the user can always override it. */
public final class TaskInference {

  /** Integer targets with at most this many distinct values are taken as classes. */
  static final int MAX_CLASSES = 20;

  private TaskInference() {
  }

  /**
   * Text targets are classes; whole numbers with few distinct values (at most 20, and fewer than half
   * the rows) are classes; other numbers are a regression target.
   */
  public static Task inferTask(Column target) {
    if (target instanceof CategoricalColumn) {
      return Task.CLASSIFICATION;
    }
    double[] values = ((NumericColumn) target).values();
    Set<Double> distinct = new HashSet<>();
    int present = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      present++;
      if (v != Math.rint(v)) {
        return Task.REGRESSION;
      }
      distinct.add(v);
      if (distinct.size() > MAX_CLASSES) {
        return Task.REGRESSION;
      }
    }
    return distinct.size() * 2 <= Math.max(present, 2) ? Task.CLASSIFICATION : Task.REGRESSION;
  }
}
