package org.tunescope.ml.models;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

/**
 * The squared Euclidean distances between every two rows of one cross-validation fold (its training rows,
 * then its validation rows), computed once. The rbf kernel is exp(-gamma d), so one matrix serves every
 * gamma and every C of a search, and a kernel evaluation becomes a lookup instead of a pass over the
 * features. A gamma asked for a second time (a grid tries it with every C) also gets its kernel matrix
 * exp(-gamma d), when the budget given allows, so that its later fits do not even compute exponentials.
 *
 * <p>A model fitted with it takes <em>index rows</em>, {@code {i}} for the fold's row i, in place of
 * feature rows: {@link #indexRows} gives them for any matrix made of the fold's row arrays (its training
 * and validation matrices, a subsample of the training rows), recognised by the identity of the arrays.
 * Each entry is the sum {@link #squared} computes, the one the direct kernel computes, and (a - b)^2 equals
 * (b - a)^2 in floating point, so a model fitted on index rows is the model fitted on the feature rows,
 * to the last bit.
 *
 * <p>Matrices are flat arrays: one lookup, and large ones go straight to the garbage collector's old
 * generation instead of being copied between young collections.
 */
public final class SquaredDistances {

  private final double[][] rows;
  private final int n;
  private final double[] distances;
  private final Map<double[], Integer> positions;
  /** Index rows by the matrix they stand for (arrays compare by identity, so the map does too). */
  private final Map<double[][], double[][]> indexed = new ConcurrentHashMap<>();
  /** Reserves heap for a kernel matrix; false when the budget is spent. */
  private final LongPredicate reserve;
  private final Map<Double, AtomicInteger> asked = new ConcurrentHashMap<>();
  private final Map<Double, Optional<double[]>> rbf = new ConcurrentHashMap<>();

  private SquaredDistances(double[][] rows, LongPredicate reserve) {
    this.rows = rows;
    this.reserve = reserve;
    n = rows.length;
    distances = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double d = squared(rows[i], rows[j]);
        distances[i * n + j] = d;
        distances[j * n + i] = d;
      }
    }
    positions = new IdentityHashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      positions.putIfAbsent(rows[i], i);
    }
  }

  /** The distances among a fold's training rows and validation rows, without kernel matrices. */
  public static SquaredDistances of(double[][] train, double[][] validation) {
    return of(train, validation, bytes -> false);
  }

  /**
   * The distances among a fold's training rows and validation rows.
   *
   * @param reserve asked for the bytes of each kernel matrix before it is made; false refuses it
   */
  public static SquaredDistances of(double[][] train, double[][] validation, LongPredicate reserve) {
    double[][] all = new double[train.length + validation.length][];
    System.arraycopy(train, 0, all, 0, train.length);
    System.arraycopy(validation, 0, all, train.length, validation.length);
    return new SquaredDistances(all, reserve);
  }

  /** The heap one matrix over {@code rows} rows takes, in bytes (the distances, or one kernel matrix). */
  public static long bytes(int rows) {
    return 8L * rows * rows + 16;
  }

  /** The most rows a fold may have for its matrices to be made: n^2 stays an array index. */
  public static final int MAX_ROWS = 46_340;

  /** |x - y|^2, summed feature by feature in order: the arithmetic of every rbf evaluation. */
  public static double squared(double[] x, double[] y) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      double t = x[i] - y[i];
      d += t * t;
    }
    return d;
  }

  /** How many rows the distances cover. */
  public int size() {
    return n;
  }

  /** The squared distance between the rows of index rows {@code x} and {@code y}. */
  public double between(double[] x, double[] y) {
    return distances[(int) x[0] * n + (int) y[0]];
  }

  /** The squared distance at a flat position of the matrix: rows i and j at {@code i * size() + j}. */
  double at(int position) {
    return distances[position];
  }

  /**
   * exp(-gamma d) for every two rows, flat (row i at {@code i * size()}), from the second time a gamma is
   * asked for while the budget allows; otherwise empty, and the kernel computes each value from
   * {@link #between}. Each value is the one {@code Math.exp(-gamma * between(x, y))} gives.
   */
  public Optional<double[]> rbfMatrix(double gamma) {
    Optional<double[]> made = rbf.get(gamma);
    if (made != null) {
      return made;
    }
    if (asked.computeIfAbsent(gamma, g -> new AtomicInteger()).incrementAndGet() < 2) {
      return Optional.empty();
    }
    return rbf.computeIfAbsent(gamma, g -> {
      if (!reserve.test(bytes(n))) {
        return Optional.empty();
      }
      double[] k = new double[distances.length];
      for (int i = 0; i < k.length; i++) {
        k[i] = Math.exp(-g * distances[i]);
      }
      return Optional.of(k);
    });
  }

  /**
   * {@code x} as index rows, when every row of it is a row array of this fold; otherwise empty (the model
   * must then be evaluated on the feature rows).
   */
  public Optional<double[][]> indexRows(double[][] x) {
    double[][] known = indexed.get(x);
    if (known != null) {
      return Optional.of(known);
    }
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      Integer p = positions.get(x[i]);
      if (p == null) {
        return Optional.empty();
      }
      out[i] = new double[] {p};
    }
    indexed.put(x, out);
    return Optional.of(out);
  }

  /** The feature rows that index rows stand for (a fitted machine's support vectors, say). */
  public double[][] featureRows(double[][] indexRows) {
    double[][] out = new double[indexRows.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[(int) indexRows[i][0]];
    }
    return out;
  }
}
