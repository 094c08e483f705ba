package org.tunescope.ml.data;

/** One column of a loaded table: numeric (missing as NaN) or categorical (missing as null). */
public sealed interface Column permits NumericColumn, CategoricalColumn {

  String name();

  /** Number of rows. */
  int size();

  /** Number of missing cells. */
  default int missingCount() {
    return (int) java.util.stream.IntStream.range(0, size()).filter(this::isMissing).count();
  }

  /** Whether row {@code i} is missing. */
  boolean isMissing(int i);

  /** The same column restricted to the given rows, in that order. */
  Column select(int[] rows);
}
