package org.tunescope.ml.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.data.CategoricalColumn;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.Table;

class PreprocessorTest {

  // Rows 0-3 train, rows 4-5 validation; the validation rows are far off to make any leak visible.
  private static final Table TABLE = new Table(List.of(
      new NumericColumn("a", new double[] {1, 2, Double.NaN, 5, 1000, Double.NaN}),
      new CategoricalColumn("colour", new String[] {"red", "blue", "red", null, "green", null})));
  private static final int[] TRAIN = {0, 1, 2, 3};
  private static final int[] VALIDATION = {4, 5};

  @Test
  void imputesAndEncodesFromTrainingRowsOnly() {
    Preprocessor prep = Preprocessor.fit(TABLE, TRAIN, false);
    assertEquals(List.of("a", "colour=blue", "colour=red"), prep.outputNames(), "green is unseen in training");
    double[][] train = prep.transform(TABLE, TRAIN);
    // median of training a (1, 2, 5) is 2; mode of training colour is red
    assertArrayEquals(new double[] {1, 0, 1}, train[0]);
    assertArrayEquals(new double[] {2, 1, 0}, train[1]);
    assertArrayEquals(new double[] {2, 0, 1}, train[2]);
    assertArrayEquals(new double[] {5, 0, 1}, train[3]);
    double[][] validation = prep.transform(TABLE, VALIDATION);
    assertArrayEquals(new double[] {1000, 0, 0}, validation[0], "unseen category is all zeros");
    assertArrayEquals(new double[] {2, 0, 1}, validation[1], "missing takes the training median and mode");
  }

  @Test
  void standardisesWithTrainingMeanAndStandardDeviation() {
    Preprocessor prep = Preprocessor.fit(TABLE, TRAIN, true);
    double[][] train = prep.transform(TABLE, TRAIN);
    double mean = 0;
    double squares = 0;
    for (double[] row : train) {
      mean += row[0] / 4;
    }
    for (double[] row : train) {
      squares += (row[0] - mean) * (row[0] - mean) / 4;
    }
    assertEquals(0, mean, 1e-12);
    assertEquals(1, squares, 1e-12);
    // training values after imputation: 1, 2, 2, 5 -> mean 2.5, std 1.5
    assertEquals((1000 - 2.5) / 1.5, prep.transform(TABLE, VALIDATION)[0][0], 1e-9,
        "the validation row is scaled by training statistics, not its own");
    assertEquals(1.0, prep.transform(TABLE, TRAIN)[0][2], "one-hot columns are not scaled");
  }

  @Test
  void constantColumnsDoNotDivideByZero() {
    Table constant = new Table(List.of(new NumericColumn("c", new double[] {3, 3, 3, 4})));
    double[][] out = Preprocessor.fit(constant, new int[] {0, 1, 2}, true).transform(constant, new int[] {0, 3});
    assertArrayEquals(new double[] {0}, out[0]);
    assertArrayEquals(new double[] {1}, out[1]);
  }
}
