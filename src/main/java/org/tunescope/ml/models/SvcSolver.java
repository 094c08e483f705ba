package org.tunescope.ml.models;

import java.util.ArrayDeque;
import java.util.Arrays;
import smile.classification.SVM;
import smile.math.kernel.MercerKernel;

/**
 * The soft-margin support vector classifier's dual, solved exactly (to the tolerance) by sequential minimal
 * optimisation with libsvm's second-order working set selection (Fan, Chen and Lin, JMLR 2005), the solver
 * behind scikit-learn's {@code SVC}: minimise a'Qa / 2 - sum(a) with 0 &lt;= a_i &lt;= C and y'a = 0, where
 * Q_ij = y_i y_j K(x_i, x_j), until the largest violation of the optimality conditions is below {@code tol}
 * (libsvm's and scikit-learn's {@code tol}).
 *
 * <p>Why not Smile's {@code SVM.fit}: it is LASVM, an online approximation that walks linked lists of
 * support vectors through two epochs and reprocessing steps. A trial of five 455-row folds took 0.05-0.2 s
 * warm and up to 0.5 s while the JIT compiled it, most of a cold grid's run (docs/benchmarks.md, (e)); this
 * solver's loops are plain passes over arrays (a fold's kernel matrix, or rows computed once and kept), and
 * it reaches the
 * true optimum rather than LASVM's approximation of it. The result is a Smile {@code SVM}, so scoring,
 * Platt scaling and the moved-to-feature-rows machines are unchanged. Why not libsvm's own Java port
 * ({@code tw.edu.ntu.csie:libsvm}): it computes kernels from its sparse {@code svm_node} rows and can share a
 * fold's kernel matrix across trials only as a PRECOMPUTED kernel, one node object per matrix cell per fit.
 */
final class SvcSolver {

  /** libsvm's stand-in for a non-positive curvature. */
  private static final double TAU = 1e-12;
  /** Bytes of kernel rows kept per fit at most (all rows of a fold of up to about 2,900 rows). */
  private static final long CACHE_BYTES = 64L << 20;

  private final double[][] x;
  private final int[] y;
  private final MercerKernel<double[]> kernel;
  private final double c;
  private final int n;
  private final double[] alpha;
  /** The gradient of the objective: (Qa)_i - 1. */
  private final double[] gradient;
  private final double[] diagonal;
  private final KernelRows rows;

  private SvcSolver(double[][] x, int[] y, MercerKernel<double[]> kernel, double c) {
    this.x = x;
    this.y = y;
    this.kernel = kernel;
    this.c = c;
    n = x.length;
    alpha = new double[n];
    gradient = new double[n];
    Arrays.fill(gradient, -1);
    diagonal = new double[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = kernel.k(x[i], x[i]);
    }
    long maxRows = Math.max(2, Math.min(CACHE_BYTES, Runtime.getRuntime().maxMemory() / 16) / (8L * n + 16));
    rows = new KernelRows((int) Math.min(n, maxRows));
  }

  /** A fitted machine and the decision values of its own training rows (what Platt scaling is fitted on). */
  record Fit(SVM<double[]> machine, double[] trainingScores) {
  }

  /**
   * Fits the machine on rows {@code x} with labels {@code y} in {-1, +1} (both present).
   *
   * @param tol the stopping tolerance on the largest violating pair's gradient gap
   */
  static Fit fit(double[][] x, int[] y, MercerKernel<double[]> kernel, double c, double tol) {
    SvcSolver solver = new SvcSolver(x, y, kernel, c);
    solver.optimise(tol);
    return solver.result();
  }

  private void optimise(double tol) {
    long maxIterations = Math.max(10_000_000L, 100L * n); // libsvm's cap
    int[] pair = new int[2];
    for (long iteration = 0; iteration < maxIterations && select(tol, pair); iteration++) {
      update(pair[0], pair[1]);
    }
  }

  /**
   * libsvm's working set selection: i the most violating index of the "up" set, j the index of the "low"
   * set that decreases the objective most with i (second-order). False when the gap is below tol.
   */
  private boolean select(double tol, int[] pair) {
    double gmax = Double.NEGATIVE_INFINITY;
    int i = -1;
    for (int t = 0; t < n; t++) {
      if (y[t] == +1) {
        if (alpha[t] < c && -gradient[t] >= gmax) {
          gmax = -gradient[t];
          i = t;
        }
      } else if (alpha[t] > 0 && gradient[t] >= gmax) {
        gmax = gradient[t];
        i = t;
      }
    }
    if (i < 0) {
      return false;
    }
    double[] ki = rows.row(i);
    int oi = rows.offset(i);
    double gmax2 = Double.NEGATIVE_INFINITY;
    double bestDecrease = Double.POSITIVE_INFINITY;
    int j = -1;
    for (int t = 0; t < n; t++) {
      double gradDiff;
      double quad;
      if (y[t] == +1) {
        if (alpha[t] <= 0) {
          continue;
        }
        gmax2 = Math.max(gmax2, gradient[t]);
        gradDiff = gmax + gradient[t];
        quad = diagonal[i] + diagonal[t] - 2.0 * ki[oi + t]; // |phi_i - phi_t|^2, whatever the labels
      } else {
        if (alpha[t] >= c) {
          continue;
        }
        gmax2 = Math.max(gmax2, -gradient[t]);
        gradDiff = gmax - gradient[t];
        quad = diagonal[i] + diagonal[t] - 2.0 * ki[oi + t];
      }
      if (gradDiff > 0) {
        double decrease = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
        if (decrease <= bestDecrease) {
          bestDecrease = decrease;
          j = t;
        }
      }
    }
    if (gmax + gmax2 < tol || j < 0) {
      return false;
    }
    pair[0] = i;
    pair[1] = j;
    return true;
  }

  /** libsvm's analytic step on the pair, clipped to the box, and the gradient's update. */
  private void update(int i, int j) {
    double[] ki = rows.row(i);
    double[] kj = rows.row(j);
    int oi = rows.offset(i);
    int oj = rows.offset(j);
    double qij = y[i] * y[j] * ki[oi + j];
    double oldI = alpha[i];
    double oldJ = alpha[j];
    if (y[i] != y[j]) {
      double quad = diagonal[i] + diagonal[j] + 2 * qij;
      double delta = (-gradient[i] - gradient[j]) / (quad > 0 ? quad : TAU);
      double diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > 0) {
        if (alpha[i] > c) {
          alpha[i] = c;
          alpha[j] = c - diff;
        }
      } else if (alpha[j] > c) {
        alpha[j] = c;
        alpha[i] = c + diff;
      }
    } else {
      double quad = diagonal[i] + diagonal[j] - 2 * qij;
      double delta = (gradient[i] - gradient[j]) / (quad > 0 ? quad : TAU);
      double sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > c) {
        if (alpha[i] > c) {
          alpha[i] = c;
          alpha[j] = sum - c;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > c) {
        if (alpha[j] > c) {
          alpha[j] = c;
          alpha[i] = sum - c;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    // G_t += Q_ti da_i + Q_tj da_j, with Q_ts = y_t y_s K_ts
    double di = y[i] * (alpha[i] - oldI);
    double dj = y[j] * (alpha[j] - oldJ);
    for (int t = 0; t < n; t++) {
      gradient[t] += y[t] * (ki[oi + t] * di + kj[oj + t] * dj);
    }
  }

  /** libsvm's offset rho: the mean of y_i G_i over free rows, else the middle of its feasible interval. */
  private double rho() {
    double upper = Double.POSITIVE_INFINITY;
    double lower = Double.NEGATIVE_INFINITY;
    double sumFree = 0;
    int free = 0;
    for (int i = 0; i < n; i++) {
      double yg = y[i] * gradient[i];
      if (alpha[i] >= c) {
        if (y[i] == -1) {
          upper = Math.min(upper, yg);
        } else {
          lower = Math.max(lower, yg);
        }
      } else if (alpha[i] <= 0) {
        if (y[i] == +1) {
          upper = Math.min(upper, yg);
        } else {
          lower = Math.max(lower, yg);
        }
      } else {
        free++;
        sumFree += yg;
      }
    }
    return free > 0 ? sumFree / free : (upper + lower) / 2;
  }

  /**
   * The machine (support vectors: rows with a &gt; 0, weights y_i a_i, intercept -rho) and the training rows'
   * decision values sum_j y_j a_j K_ij - rho, which the gradient already holds: y_i (G_i + 1) - rho.
   */
  private Fit result() {
    double rho = rho();
    int count = 0;
    for (double a : alpha) {
      count += a > 0 ? 1 : 0;
    }
    double[][] vectors = new double[count][];
    double[] weights = new double[count];
    double[] scores = new double[n];
    for (int i = 0, s = 0; i < n; i++) {
      if (alpha[i] > 0) {
        vectors[s] = x[i];
        weights[s++] = y[i] * alpha[i];
      }
      scores[i] = y[i] * (gradient[i] + 1) - rho;
    }
    return new Fit(new SVM<>(kernel, vectors, weights, -rho), scores);
  }

  /**
   * Rows of the kernel matrix, computed when first needed and kept up to a number of rows (all of them for
   * the folds of ordinary data); beyond it the row kept longest is dropped. SMO asks for two rows per step,
   * mostly the same few, so a partial cache still serves most of them.
   */
  private final class KernelRows {
    private final double[][] cached = new double[n][];
    private final ArrayDeque<Integer> order = new ArrayDeque<>();
    private final int capacity;
    /** The rows' positions in their fold, when the kernel is a fold's rbf. */
    private final int[] positions;
    /**
     * The fold's kernel matrix when it has one and these rows are its first rows in order (a fold's
     * training rows are): row i is then the matrix from {@link #offset}, nothing copied.
     */
    private final double[] whole;
    private final int stride;

    KernelRows(int capacity) {
      this.capacity = capacity;
      Kernels.IndexedRbf indexed = kernel instanceof Kernels.IndexedRbf k ? k : null;
      positions = indexed != null ? Kernels.IndexedRbf.positions(x) : null;
      boolean leading = positions != null;
      for (int t = 0; leading && t < n; t++) {
        leading = positions[t] == t;
      }
      whole = leading ? indexed.matrix() : null;
      stride = indexed != null ? indexed.size() : 0;
    }

    /** Where row i starts in the array {@link #row} gives. */
    int offset(int i) {
      return whole != null ? i * stride : 0;
    }

    /** The array holding row i of the kernel matrix, from {@link #offset}. */
    double[] row(int i) {
      if (whole != null) {
        return whole;
      }
      double[] row = cached[i];
      if (row != null) {
        return row;
      }
      if (order.size() >= capacity) {
        cached[order.removeFirst()] = null;
      }
      row = new double[n];
      if (kernel instanceof Kernels.IndexedRbf indexed && indexed.matrix() != null) {
        indexed.row(positions[i], positions, row); // a fold's rbf: a loop over its matrix
      } else {
        fill(i, row);
      }
      cached[i] = row;
      order.addLast(i);
      return row;
    }

    private void fill(int i, double[] row) {
      double[] xi = x[i];
      for (int t = 0; t < n; t++) {
        // K is symmetric (and the kernels compute k(a, b) and k(b, a) alike, to the bit): a kept row has
        // this row's value in its column i
        double[] other = cached[t];
        row[t] = other != null ? other[i]
            : positions != null ? ((Kernels.IndexedRbf) kernel).at(positions[i], positions[t]) : kernel.k(xi, x[t]);
      }
    }
  }
}
