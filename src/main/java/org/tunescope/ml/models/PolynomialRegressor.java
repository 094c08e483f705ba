package org.tunescope.ml.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;

/**
 * Ridge regression on polynomial features. The features are all monomials up to {@code degree}, like
 * scikit-learn's PolynomialFeatures, unless there would be more than {@value #MAX_TERMS} of them
 * (there are C(p + d, d) - 1); then only the powers of each feature are used, without interactions,
 * so wide data stays tractable. The expanded columns are standardised so the penalty treats them alike.
 */
public final class PolynomialRegressor {

  static final int MAX_TERMS = 300;
  static final String DEGREE = "degree";

  private PolynomialRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("polynomial", Task.REGRESSION, "Polynomial regression", "Linear",
        "Ridge regression on powers and products of the features",
        List.of(
            HyperParameter.integer(DEGREE, 1, 20, 1, 6, false, 2, "highest power of the polynomial",
                Complexity.MORE_WHEN_RAISED),
            LinearModels.ridgeLambda(1.0)),
        true, PolynomialRegressor::fit);
  }

  private static FittedModel fit(TrainingData data, Params params) {
    int p = data.x()[0].length;
    List<int[]> terms = terms(p, params.getInt(DEGREE));
    double[][] raw = new double[data.rows()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = expand(data.x()[i], terms);
    }
    int q = terms.size();
    double[] mean = new double[q];
    double[] sd = new double[q];
    for (int j = 0; j < q; j++) {
      for (double[] row : raw) {
        mean[j] += row[j] / raw.length;
      }
      for (double[] row : raw) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / raw.length;
      }
      // A constant column (possible after expansion) keeps scale 1 rather than dividing by zero.
      sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 1;
    }
    double[][] z = new double[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      z[i] = standardise(raw[i], mean, sd);
    }
    TrainingData expanded = new TrainingData(z, data.y(), 0, names(q), data.seed());
    FittedModel ridge = LinearModels.ridge(expanded, params.getDouble(LinearModels.LAMBDA));
    return Fitted.afterTransform(ridge, x -> standardise(expand(x, terms), mean, sd));
  }

  /** Each term lists the features multiplied together, with repeats: {0, 0, 3} is x0^2 x3. */
  static List<int[]> terms(int p, int degree) {
    List<int[]> terms = new ArrayList<>();
    if (count(p, degree) <= MAX_TERMS) {
      for (int d = 1; d <= degree; d++) {
        monomials(p, d, 0, new int[d], 0, terms);
      }
    } else {
      for (int d = 1; d <= degree; d++) {
        for (int j = 0; j < p; j++) {
          int[] t = new int[d];
          Arrays.fill(t, j);
          terms.add(t);
        }
      }
    }
    return terms;
  }

  /** C(p + d, d) - 1 monomials of degree 1..d, or more than MAX_TERMS. */
  private static long count(int p, int degree) {
    double c = 1;
    for (int i = 1; i <= degree; i++) {
      c = c * (p + i) / i;
      if (c > 10 * MAX_TERMS) {
        return Long.MAX_VALUE;
      }
    }
    return Math.round(c) - 1;
  }

  private static void monomials(int p, int d, int from, int[] current, int filled, List<int[]> out) {
    if (filled == d) {
      out.add(current.clone());
      return;
    }
    for (int j = from; j < p; j++) {
      current[filled] = j;
      monomials(p, d, j, current, filled + 1, out);
    }
  }

  private static double[] expand(double[] x, List<int[]> terms) {
    double[] out = new double[terms.size()];
    for (int t = 0; t < out.length; t++) {
      double v = 1;
      for (int j : terms.get(t)) {
        v *= x[j];
      }
      out[t] = v;
    }
    return out;
  }

  private static double[] standardise(double[] row, double[] mean, double[] sd) {
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = (row[j] - mean[j]) / sd[j];
    }
    return out;
  }

  private static List<String> names(int q) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < q; j++) {
      names.add("t" + j);
    }
    return names;
  }
}
