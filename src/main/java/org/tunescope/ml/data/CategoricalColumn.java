package org.tunescope.ml.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A column of category names; a missing cell is {@code null}. The array is owned by the column. */
public record CategoricalColumn(String name, String[] values) implements Column {

  public CategoricalColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int i) {
    return values[i] == null;
  }

  /** The distinct non-missing values, sorted: a stable order for class indices and one-hot columns. */
  public List<String> levels() {
    TreeSet<String> set = new TreeSet<>();
    for (String v : values) {
      if (v != null) {
        set.add(v);
      }
    }
    return List.copyOf(set);
  }

  @Override
  public CategoricalColumn select(int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new CategoricalColumn(name, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + values.length + " rows]";
  }
}
