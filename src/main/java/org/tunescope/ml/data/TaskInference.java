package org.tunescope.ml.data;

import java.util.HashSet;
import java.util.Set;
import org.tunescope.ml.Task;

/** Guesses from a target column whether it asks for classification or regression; the user can override. */
public final class TaskInference {

  /** More distinct whole numbers than this and a numeric target is taken as a quantity, not class codes. */
  public static final int MAX_CLASSES = 20;

  private TaskInference() {
  }

  /**
   * Categorical targets are classification. Numeric targets are classification when every value is a
   * whole number, there are at most {@value #MAX_CLASSES} distinct values and fewer than half as many
   * distinct values as non-missing rows (so 0/1/2 codes count, a small count-valued sample does not);
   * otherwise regression. Missing values are ignored; a target with no values is regression.
   */
  public static Task inferTask(Column target) {
    if (target instanceof NumericColumn n) {
      return inferNumeric(n.values());
    }
    return Task.CLASSIFICATION;
  }

  private static Task inferNumeric(double[] values) {
    Set<Double> distinct = new HashSet<>();
    int present = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v != Math.rint(v) || Double.isInfinite(v)) {
        return Task.REGRESSION;
      }
      present++;
      if (distinct.add(v) && distinct.size() > MAX_CLASSES) {
        return Task.REGRESSION;
      }
    }
    return present > 0 && distinct.size() * 2 < present ? Task.CLASSIFICATION : Task.REGRESSION;
  }
}
