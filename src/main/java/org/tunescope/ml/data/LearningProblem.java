package org.tunescope.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tunescope.ml.Task;

/**
 * A table split into features and a target, with the task to learn. Rows whose target is missing are
 * dropped (they cannot be scored). For classification the target is encoded as class indices in the
 * order of {@link #classes()}: names sorted, or numbers in numeric order.
 *
 * @param features    the feature columns (the target and any fold column removed)
 * @param targetName  the target column's name
 * @param task        classification or regression
 * @param y           class indices (as doubles) or target values, one per row
 * @param classes     class names, empty for regression
 * @param groups      the fold column's value per row, when folds come from a column
 * @param droppedRows rows dropped because their target was missing
 */
public record LearningProblem(
    Table features,
    String targetName,
    Task task,
    double[] y,
    List<String> classes,
    Optional<String[]> groups,
    int droppedRows) {

  public LearningProblem {
    classes = List.copyOf(classes);
  }

  public int rows() {
    return y.length;
  }

  public int numClasses() {
    return classes.size();
  }

  /**
   * The same problem restricted to the given rows, in that order (a held-out split's tuning or test
   * rows). Classes keep their indices, so a model fitted on one part predicts the other's codes.
   */
  public LearningProblem select(int[] rows) {
    double[] values = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      values[i] = y[rows[i]];
    }
    Optional<String[]> subsetGroups = groups.map(g -> {
      String[] out = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = g[rows[i]];
      }
      return out;
    });
    return new LearningProblem(new Table(features.columns().stream().map(c -> c.select(rows)).toList()),
        targetName, task, values, classes, subsetGroups, 0);
  }

  /** Class indices, for classification. */
  public int[] labels() {
    return Arrays.stream(y).mapToInt(v -> (int) v).toArray();
  }

  /**
   * Builds a problem from a table.
   *
   * @param task       the task, or empty to infer it from the target
   * @param foldColumn a column whose values name each row's fold, or empty
   * @throws DataException when the target or fold column is unknown or unusable
   */
  public static LearningProblem of(Table table, String target, Optional<Task> task, Optional<String> foldColumn) {
    Column targetColumn = table.column(target).orElseThrow(() -> new DataException(
        "unknown target column '" + target + "'; the columns are: " + String.join(", ", table.names())));
    if (foldColumn.isPresent()) {
      if (foldColumn.get().equals(target)) {
        throw new DataException("the fold column cannot be the target column");
      }
      if (table.column(foldColumn.get()).isEmpty()) {
        throw new DataException("unknown fold column '" + foldColumn.get() + "'; the columns are: "
            + String.join(", ", table.names()));
      }
    }
    int[] kept = java.util.stream.IntStream.range(0, targetColumn.size())
        .filter(i -> !targetColumn.isMissing(i)).toArray();
    if (kept.length == 0) {
      throw new DataException("the data set has no rows with a value in target column '" + target + "'");
    }
    Table rows = kept.length == table.rowCount() ? table
        : new Table(table.columns().stream().map(c -> c.select(kept)).toList());
    Column t = rows.column(target).orElseThrow();
    Task resolved = task.orElseGet(() -> TaskInference.inferTask(t));
    List<String> drop = new ArrayList<>(List.of(target));
    foldColumn.ifPresent(drop::add);
    Table features = rows.without(drop);
    if (features.columnCount() == 0) {
      throw new DataException("the data set has no feature columns besides the target");
    }
    Optional<String[]> groups = foldColumn.map(name -> asStrings(rows.column(name).orElseThrow()));
    int dropped = table.rowCount() - kept.length;
    if (resolved == Task.REGRESSION) {
      if (!(t instanceof NumericColumn n)) {
        throw new DataException("target column '" + target + "' holds text, so it cannot be a regression target;"
            + " choose classification");
      }
      return new LearningProblem(features, target, resolved, n.values().clone(), List.of(), groups, dropped);
    }
    String[] names = asStrings(t);
    List<String> classes = classOrder(t, names);
    if (classes.size() < 2) {
      throw new DataException("target column '" + target + "' has only one class ("
          + (classes.isEmpty() ? "none" : classes.get(0)) + "): there is nothing to classify");
    }
    double[] y = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      y[i] = classes.indexOf(names[i]);
    }
    return new LearningProblem(features, target, resolved, y, classes, groups, dropped);
  }

  private static List<String> classOrder(Column t, String[] names) {
    if (t instanceof NumericColumn n) {
      TreeSet<Double> values = new TreeSet<>();
      for (double v : n.values()) {
        values.add(v);
      }
      return values.stream().sorted(Comparator.naturalOrder()).map(LearningProblem::format).toList();
    }
    return new TreeSet<>(Arrays.asList(names)).stream().toList();
  }

  private static String[] asStrings(Column c) {
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      if (c instanceof NumericColumn n) {
        out[i] = format(n.values()[i]);
      } else {
        out[i] = ((CategoricalColumn) c).values()[i];
      }
    }
    return out;
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
