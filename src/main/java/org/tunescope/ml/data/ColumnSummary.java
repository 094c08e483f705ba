package org.tunescope.ml.data;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One column at a glance, for the data preview.
 *
 * @param name      the column name
 * @param type      numeric or categorical
 * @param rows      number of rows, missing included
 * @param missing   number of missing cells
 * @param distinct  number of distinct non-missing values
 * @param min       smallest value; empty for categorical columns and for columns with no values
 * @param max       largest value; empty likewise
 * @param mean      mean of the non-missing values; empty likewise
 * @param topLevels for categorical columns the most frequent levels, most frequent first (ties by name);
 *                  empty for numeric columns
 */
public record ColumnSummary(String name, ColumnType type, int rows, int missing, int distinct,
    OptionalDouble min, OptionalDouble max, OptionalDouble mean, List<LevelCount> topLevels) {

  /** How many levels {@link #of(Column)} lists. */
  public static final int TOP_LEVELS = 5;

  /** A category and how many rows hold it. */
  public record LevelCount(String level, int count) {
  }

  /** Whether a column holds numbers or category names. */
  public enum ColumnType {
    NUMERIC,
    CATEGORICAL
  }

  public ColumnSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    topLevels = List.copyOf(topLevels);
  }

  /** The summary with the {@value #TOP_LEVELS} most frequent levels. */
  public static ColumnSummary of(Column column) {
    return of(column, TOP_LEVELS);
  }

  /** The summary with at most {@code topN} levels. */
  public static ColumnSummary of(Column column, int topN) {
    if (column instanceof NumericColumn n) {
      return numeric(n);
    }
    return categorical((CategoricalColumn) column, topN);
  }

  private static ColumnSummary numeric(NumericColumn column) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int present = 0;
    Set<Double> distinct = new HashSet<>();
    for (double v : column.values()) {
      if (Double.isNaN(v)) {
        continue;
      }
      present++;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      // -0.0 and 0.0 are one value to a reader
      distinct.add(v == 0 ? 0.0 : v);
    }
    int rows = column.size();
    if (present == 0) {
      return new ColumnSummary(column.name(), ColumnType.NUMERIC, rows, rows, 0,
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }
    return new ColumnSummary(column.name(), ColumnType.NUMERIC, rows, rows - present, distinct.size(),
        OptionalDouble.of(min), OptionalDouble.of(max), OptionalDouble.of(sum / present), List.of());
  }

  private static ColumnSummary categorical(CategoricalColumn column, int topN) {
    Map<String, Integer> counts = new HashMap<>();
    int missing = 0;
    for (String v : column.values()) {
      if (v == null) {
        missing++;
      } else {
        counts.merge(v, 1, Integer::sum);
      }
    }
    List<LevelCount> top = counts.entrySet().stream()
        .map(e -> new LevelCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(LevelCount::count).reversed().thenComparing(LevelCount::level))
        .limit(Math.max(0, topN))
        .toList();
    return new ColumnSummary(column.name(), ColumnType.CATEGORICAL, column.size(), missing, counts.size(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), top);
  }
}
