package org.tunescope.ml.data;

import java.util.Arrays;
import java.util.Objects;

/** A column of numbers; a missing cell is {@code NaN}. The array is owned by the column: do not change it. */
public record NumericColumn(String name, double[] values) implements Column {

  public NumericColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int i) {
    return Double.isNaN(values[i]);
  }

  @Override
  public NumericColumn select(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new NumericColumn(name, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + values.length + " rows]";
  }
}
