package org.tunescope.engine.study;

/**
 * What a trial's model of one cross-validation fold predicted, kept so that ensembles of trials can be built
 * and scored later without fitting again: for every training row and every validation row of the fold (in
 * the fold's row order), {@code columns} numbers, row after row. For classification those are the class
 * probabilities (one column per class); for regression the predicted value (one column). Floats: ensembles
 * need no more precision, and they halve the store's cost.
 *
 * @param columns    numbers per row
 * @param train      predictions on the fold's training rows, {@code rows x columns}, row-major
 * @param validation predictions on the fold's validation rows (the out-of-fold predictions)
 */
public record FoldPredictions(int columns, float[] train, float[] validation) {

  public FoldPredictions {
    if (columns < 1 || train.length % columns != 0 || validation.length % columns != 0) {
      throw new IllegalArgumentException("predictions of " + columns + " columns cannot have "
          + train.length + " and " + validation.length + " numbers");
    }
  }

  public int trainRows() {
    return train.length / columns;
  }

  public int validationRows() {
    return validation.length / columns;
  }

  /** The validation predictions as rows of {@code columns} numbers. */
  public double[][] validationRowsAsDoubles() {
    return rows(validation, columns);
  }

  /** The training predictions as rows of {@code columns} numbers. */
  public double[][] trainRowsAsDoubles() {
    return rows(train, columns);
  }

  /** Packs rows of numbers as floats, row-major. */
  public static float[] flatten(double[][] rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    float[] out = new float[rows.length * columns];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < columns; j++) {
        out[i * columns + j] = (float) rows[i][j];
      }
    }
    return out;
  }

  private static double[][] rows(float[] values, int columns) {
    double[][] out = new double[values.length / columns][columns];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < columns; j++) {
        out[i][j] = values[i * columns + j];
      }
    }
    return out;
  }
}
