package org.tunescope.ml.models.xgboost;

import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's training matrices of a study's folds, built once per fold and shared by every trial fitted on
 * it. Building one copies the rows into native memory and, on the first fit, bins every feature
 * (max_bin quantiles); a study of hundreds of trials would otherwise do both per trial and per fold.
 *
 * <p>A matrix is keyed by the identity of the fold's row array (a study keeps one per fold) and by
 * max_bin: XGBoost keeps the binned copy inside the matrix and rebuilds it in place when another max_bin
 * asks for it, which is not safe while another thread trains on it, so each max_bin gets a matrix of its
 * own, at most {@link #BINS_PER_ROWS} of them per fold (a search over max_bin then builds private
 * matrices for the other values). A new matrix is binned once, by one thread, before any fit uses it;
 * the fits then only read it and run side by side.
 *
 * <p>Native memory is invisible to the garbage collector: {@link #release} frees a fold's matrices when
 * its study ends, and a fold's matrices are also freed once its row array is collected.
 */
final class SharedMatrices {

  static final int BINS_PER_ROWS = 4;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final Map<double[][], Matrices> BY_ROWS = new WeakHashMap<>();

  private SharedMatrices() {
  }

  /** A training matrix in use by one fit: shared (returned with {@link #done}) or private (disposed). */
  static final class Lease {
    private final Entry entry;
    private final DMatrix own;

    private Lease(Entry entry, DMatrix own) {
      this.entry = entry;
      this.own = own;
    }

    DMatrix matrix() {
      return entry != null ? entry.matrix : own;
    }

    /** Ends the fit's use of the matrix. */
    void done() {
      if (own != null) {
        own.dispose();
        return;
      }
      synchronized (entry) {
        entry.users--;
        if (entry.released && entry.users == 0) {
          entry.matrix.dispose();
        }
      }
    }
  }

  /** One shared matrix; freed when released and no fit uses it. */
  private static final class Entry {
    final DMatrix matrix;
    final double[] y;
    int users;
    /** Whether XGBoost's binned copy is built; while {@code building}, fits wait for it. */
    boolean binned;
    boolean building;
    boolean released;

    Entry(DMatrix matrix, double[] y) {
      this.matrix = matrix;
      this.y = y;
    }
  }

  /** The matrices of one row array, by max_bin. */
  private static final class Matrices implements Runnable {
    final Map<Integer, Entry> byBins = new HashMap<>();

    @Override
    public synchronized void run() {
      byBins.values().forEach(SharedMatrices::release);
      byBins.clear();
    }
  }

  /**
   * The training matrix for a fit on {@code x}, {@code y} with {@code maxBin}: shared when the rows are
   * reused, else private to the fit.
   *
   * @param threads the cores the fit may use, also for binning a new shared matrix
   */
  static Lease lease(double[][] x, double[] y, int maxBin, int threads, boolean shared) throws XGBoostError {
    if (!shared) {
      return new Lease(null, build(x, y));
    }
    Matrices matrices;
    synchronized (BY_ROWS) {
      matrices = BY_ROWS.get(x);
      if (matrices == null) {
        matrices = new Matrices();
        BY_ROWS.put(x, matrices);
        // The cleaner holds the matrices, never the rows, so the rows can be collected.
        CLEANER.register(x, matrices);
      }
    }
    Entry entry;
    synchronized (matrices) {
      entry = matrices.byBins.get(maxBin);
      if (entry == null || entry.y != y) {
        if (entry != null || matrices.byBins.size() >= BINS_PER_ROWS) {
          return new Lease(null, build(x, y));
        }
        entry = new Entry(build(x, y), y);
        matrices.byBins.put(maxBin, entry);
      }
      synchronized (entry) {
        entry.users++;
      }
    }
    boolean binHere;
    synchronized (entry) {
      while (entry.building) {
        try {
          entry.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          new Lease(entry, null).done();
          throw new XGBoostError("interrupted while another fit binned the training rows");
        }
      }
      binHere = !entry.binned;
      entry.building = binHere;
    }
    if (binHere) {
      try {
        bin(entry.matrix, maxBin, threads);
      } finally {
        synchronized (entry) {
          entry.binned = true;
          entry.building = false;
          entry.notifyAll();
        }
      }
    }
    return new Lease(entry, null);
  }

  /**
   * Has XGBoost bin the matrix's features for {@code maxBin} (it does so on a matrix's first fit and
   * keeps the result in it) by one cheap round, so that the fits sharing the matrix then only read it
   * and run side by side. The bins depend only on the rows and max_bin, not on the fit that made them.
   */
  private static void bin(DMatrix matrix, int maxBin, int threads) throws XGBoostError {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "reg:squarederror");
    p.put("tree_method", "hist");
    p.put("max_bin", maxBin);
    p.put("max_depth", 1);
    p.put("nthread", threads);
    p.put("verbosity", 0);
    XGBoost.train(matrix, p, 1, new HashMap<>(), null, null).dispose();
  }

  /** Frees the shared matrices of these rows (now, or when the last fit using one ends). */
  static void release(double[][] x) {
    Matrices matrices;
    synchronized (BY_ROWS) {
      matrices = BY_ROWS.remove(x);
    }
    if (matrices != null) {
      matrices.run();
    }
  }

  /** How many shared matrices these rows have (for tests). */
  static int sharedFor(double[][] x) {
    Matrices matrices;
    synchronized (BY_ROWS) {
      matrices = BY_ROWS.get(x);
    }
    if (matrices == null) {
      return 0;
    }
    synchronized (matrices) {
      return matrices.byBins.size();
    }
  }

  private static void release(Entry entry) {
    synchronized (entry) {
      entry.released = true;
      if (entry.users == 0) {
        entry.matrix.dispose();
      }
    }
  }

  /** A dense matrix of the rows (NaN is XGBoost's missing value) with the targets as labels. */
  static DMatrix build(double[][] x, double[] y) throws XGBoostError {
    int n = x.length;
    int p = n == 0 ? 0 : x[0].length;
    DMatrix m = new DMatrix(rowMajor(x), n, p, Float.NaN);
    try {
      float[] labels = new float[n];
      for (int i = 0; i < n; i++) {
        labels[i] = (float) y[i];
      }
      m.setLabel(labels);
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }

  /** The rows as one row-major float array, as XGBoost takes them. */
  static float[] rowMajor(double[][] x) {
    int p = x.length == 0 ? 0 : x[0].length;
    float[] out = new float[x.length * p];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      for (int j = 0; j < p; j++) {
        out[i * p + j] = (float) row[j];
      }
    }
    return out;
  }
}
