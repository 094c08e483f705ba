package org.tunescope.ml.models;

import java.util.Arrays;
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

  /**
   * The features plus the target: for classification the position of each label among
   * {@link #presentClasses}, for regression the value. Smile's trees index arrays by label, so a
   * training fold lacking class 1 of 0..2 must be coded 0..1.
   */
  public static DataFrame training(TrainingData data) {
    DataFrame x = features(data.x());
    if (!data.isClassification()) {
      return x.merge(DoubleVector.of(TARGET, data.y()));
    }
    return x.merge(IntVector.of(TARGET, codedLabels(data)));
  }

  /** Each label's position among {@link #presentClasses}: 0..k'-1 with no gaps, as Smile expects. */
  public static int[] codedLabels(TrainingData data) {
    int[] present = presentClasses(data.labels());
    return Arrays.stream(data.labels()).map(label -> Arrays.binarySearch(present, label)).toArray();
  }

  /** The distinct class indices in the labels, ascending. */
  public static int[] presentClasses(int[] labels) {
    return Arrays.stream(labels).distinct().sorted().toArray();
  }
}
