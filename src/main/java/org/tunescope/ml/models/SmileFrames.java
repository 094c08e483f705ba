package org.tunescope.ml.models;

import java.util.stream.IntStream;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Turns the plain matrices the catalog receives into the Smile {@link DataFrame}s and {@link Formula}
 * that Smile's tree and linear models take.
 */
public final class SmileFrames {

  /** The target column; no feature is ever called this, because features get internal names. */
  public static final String TARGET = "__target__";

  /** Every column of x, with the target on the left. */
  public static final Formula FORMULA = Formula.lhs(TARGET);

  private SmileFrames() {
  }

  /**
   * The feature columns, named f0, f1, ...: user column names may hold characters Smile's formula
   * parser dislikes, and fitting and predicting only need the names to agree with each other.
   */
  public static DataFrame features(double[][] x) {
    int p = x.length == 0 ? 0 : x[0].length;
    String[] names = IntStream.range(0, p).mapToObj(j -> "f" + j).toArray(String[]::new);
    return DataFrame.of(x, names);
  }

  /** The features plus the target: class indices for classification, values for regression. */
  public static DataFrame training(TrainingData data) {
    DataFrame x = features(data.x());
    return data.isClassification()
        ? x.merge(IntVector.of(TARGET, data.labels()))
        : x.merge(DoubleVector.of(TARGET, data.y()));
  }
}
