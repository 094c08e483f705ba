package org.tunescope.ml.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tunescope.ml.data.CategoricalColumn;
import org.tunescope.ml.data.Column;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.Table;

/**
 * Turns feature columns into a numeric matrix, learning everything it needs from the training rows
 * only, so that nothing of the validation rows leaks into the model: missing numbers become the
 * training median, missing categories the training mode, categories are one-hot encoded (a category
 * unseen in training encodes as all zeros), and numeric columns are optionally standardised with the
 * training mean and standard deviation.
 */
public final class Preprocessor {

  private final List<ColumnStep> steps;
  private final List<String> outputNames;

  private Preprocessor(List<ColumnStep> steps) {
    this.steps = List.copyOf(steps);
    List<String> names = new ArrayList<>();
    for (ColumnStep s : steps) {
      names.addAll(s.outputNames());
    }
    this.outputNames = List.copyOf(names);
  }

  /**
   * Learns the preprocessing from the given training rows.
   *
   * @param standardize whether numeric columns are scaled to mean 0 and standard deviation 1
   */
  public static Preprocessor fit(Table features, int[] trainRows, boolean standardize) {
    return fit(features, trainRows, standardize, false);
  }

  /**
   * Learns the preprocessing from the given training rows.
   *
   * @param standardize whether numeric columns are scaled to mean 0 and standard deviation 1
   * @param keepMissing whether missing numbers stay NaN (for models that handle them, XGBoost) instead of
   *                    becoming the training median; categories are imputed and encoded either way
   */
  public static Preprocessor fit(Table features, int[] trainRows, boolean standardize, boolean keepMissing) {
    List<ColumnStep> steps = new ArrayList<>();
    for (Column c : features.columns()) {
      if (c instanceof NumericColumn n) {
        NumericStep step = NumericStep.fit(n, trainRows, standardize);
        steps.add(keepMissing ? step.keepingMissing() : step);
      } else {
        steps.add(OneHotStep.fit((CategoricalColumn) c, trainRows));
      }
    }
    return new Preprocessor(steps);
  }

  /** The names of the output columns: a numeric column keeps its name, a category becomes "col=value". */
  public List<String> outputNames() {
    return outputNames;
  }

  /** The matrix for the given rows, one output row per input row. */
  public double[][] transform(Table features, int[] rows) {
    double[][] out = new double[rows.length][outputNames.size()];
    int offset = 0;
    for (int j = 0; j < steps.size(); j++) {
      ColumnStep step = steps.get(j);
      step.write(features.columns().get(j), rows, out, offset);
      offset += step.outputNames().size();
    }
    return out;
  }

  /** One input column's contribution to the matrix. */
  private interface ColumnStep {
    List<String> outputNames();

    void write(Column column, int[] rows, double[][] out, int offset);
  }

  /** Median imputation, then optional standardisation, all from training rows. */
  private record NumericStep(String name, double fill, double mean, double scale) implements ColumnStep {

    static NumericStep fit(NumericColumn c, int[] trainRows, boolean standardize) {
      double[] present = Arrays.stream(trainRows).mapToDouble(i -> c.values()[i]).filter(v -> !Double.isNaN(v))
          .sorted().toArray();
      double median = present.length == 0 ? 0
          : present.length % 2 == 1 ? present[present.length / 2]
          : (present[present.length / 2 - 1] + present[present.length / 2]) / 2;
      if (!standardize) {
        return new NumericStep(c.name(), median, 0, 1);
      }
      double sum = 0;
      for (int i : trainRows) {
        double v = c.values()[i];
        sum += Double.isNaN(v) ? median : v;
      }
      double mean = sum / trainRows.length;
      double squares = 0;
      for (int i : trainRows) {
        double v = c.values()[i];
        double d = (Double.isNaN(v) ? median : v) - mean;
        squares += d * d;
      }
      double std = Math.sqrt(squares / trainRows.length);
      // A constant column stays constant (0) instead of dividing by zero.
      return new NumericStep(c.name(), median, mean, std > 1e-12 ? std : 1);
    }

    /** The same scaling with missing values left NaN (NaN minus the mean, over the scale, stays NaN). */
    NumericStep keepingMissing() {
      return new NumericStep(name, Double.NaN, mean, scale);
    }

    @Override
    public List<String> outputNames() {
      return List.of(name);
    }

    @Override
    public void write(Column column, int[] rows, double[][] out, int offset) {
      double[] values = ((NumericColumn) column).values();
      for (int r = 0; r < rows.length; r++) {
        double v = values[rows[r]];
        out[r][offset] = ((Double.isNaN(v) ? fill : v) - mean) / scale;
      }
    }
  }

  /** Mode imputation and one-hot encoding over the categories seen in training rows. */
  private record OneHotStep(String name, List<String> levels, Map<String, Integer> index, String fill)
      implements ColumnStep {

    static OneHotStep fit(CategoricalColumn c, int[] trainRows) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i : trainRows) {
        String v = c.values()[i];
        if (v != null) {
          counts.merge(v, 1, Integer::sum);
        }
      }
      List<String> levels = counts.keySet().stream().sorted().toList();
      String mode = levels.stream().max((a, b) -> {
        int byCount = Integer.compare(counts.get(a), counts.get(b));
        return byCount != 0 ? byCount : b.compareTo(a);
      }).orElse(null);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < levels.size(); i++) {
        index.put(levels.get(i), i);
      }
      return new OneHotStep(c.name(), levels, index, mode);
    }

    @Override
    public List<String> outputNames() {
      return levels.stream().map(l -> name + "=" + l).toList();
    }

    @Override
    public void write(Column column, int[] rows, double[][] out, int offset) {
      String[] values = ((CategoricalColumn) column).values();
      for (int r = 0; r < rows.length; r++) {
        String v = values[rows[r]] == null ? fill : values[rows[r]];
        Integer at = v == null ? null : index.get(v);
        if (at != null) {
          out[r][offset + at] = 1;
        }
      }
    }
  }
}
