package org.tunescope.ml.models;

import java.util.List;
import java.util.Optional;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;
import smile.math.kernel.PolynomialKernel;

/**
 * Kernel hyperparameters with scikit-learn's names and meanings, and their translation to Smile:
 * <ul>
 *   <li>rbf: exp(-gamma |x-y|^2); Smile's {@code GaussianKernel(sigma)} is exp(-|x-y|^2 / (2 sigma^2)),
 *       so sigma = sqrt(1 / (2 gamma)).</li>
 *   <li>laplacian: exp(-gamma |x-y|_1), computed by {@link L1LaplacianKernel} because Smile's
 *       Laplacian kernel uses the Euclidean norm.</li>
 *   <li>poly: (gamma &lt;x,y&gt; + coef0)^degree = Smile's {@code PolynomialKernel(degree, gamma, coef0)};
 *       Smile rejects a negative offset, so coef0 &ge; 0.</li>
 *   <li>linear: &lt;x,y&gt;.</li>
 * </ul>
 * The Gaussian process regressor, a kernel model with nothing else of its own, is declared here too.
 */
public final class Kernels {

  public static final String KERNEL = "kernel";
  public static final String GAMMA = "gamma";
  public static final String DEGREE = "degree";
  public static final String COEF0 = "coef0";

  private Kernels() {
  }

  /**
   * Gaussian process regression with an rbf kernel exp(-gamma |x-y|^2). Smile standardises the target,
   * so {@code noise} is a variance relative to the target's. Exact inference costs O(n^3): it suits a
   * few thousand rows at most.
   */
  public static ModelSpec gaussianProcess() {
    return new ModelSpec("gaussian_process", Task.REGRESSION, "Gaussian process", "Kernels",
        "Kernel regression with a noise level; smooth fits on small data",
        List.of(
            gamma(0.03),
            HyperParameter.floating("noise", 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true, 0.5,
                "noise variance, relative to the target's variance", Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> Fitted.regression(smile.regression.GaussianProcessRegression.fit(data.x(), data.y(),
            rbf(params.getDouble(GAMMA)), params.getDouble("noise"))));
  }

  /** kernel, gamma (rbf/laplacian/poly), degree and coef0 (poly), in this order. */
  public static List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.categorical(KERNEL, List.of("linear", "rbf", "poly", "laplacian"),
            List.of("linear", "rbf"), "rbf",
            "similarity between samples: linear, rbf (Gaussian), poly(nomial) or laplacian"),
        gamma(0.03).onlyWhen(Condition.when(KERNEL, "rbf", "laplacian", "poly")),
        HyperParameter.integer(DEGREE, 1, 10, 2, 5, false, 3,
                "degree of the polynomial kernel", Complexity.MORE_WHEN_RAISED)
            .onlyWhen(Condition.when(KERNEL, "poly")),
        HyperParameter.floating(COEF0, 0, false, Double.POSITIVE_INFINITY, 0, 10, false, 1.0,
                "constant added inside the polynomial kernel; weighs low-degree terms",
                Complexity.NONE)
            .searching(new Distribution.Fixed(1.0))
            .onlyWhen(Condition.when(KERNEL, "poly")));
  }

  /**
   * scikit-learn's gamma: the inverse width of the kernel. Its default "scale" is 1 / (features x
   * variance), which depends on the data; a declaration needs one number, and 0.03 suits standardised
   * data with tens of features.
   */
  public static HyperParameter gamma(double defaultValue) {
    return HyperParameter.floating(GAMMA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true, defaultValue,
        "kernel inverse width: large values fit each sample closely", Complexity.MORE_WHEN_RAISED);
  }

  /** The kernel the parameters describe; gamma, degree and coef0 are read only when they apply. */
  public static MercerKernel<double[]> of(Params params) {
    String kernel = params.getString(KERNEL);
    return switch (kernel) {
      case "linear" -> new LinearKernel();
      case "rbf" -> rbf(params.getDouble(GAMMA));
      case "laplacian" -> new L1LaplacianKernel(params.getDouble(GAMMA));
      case "poly" -> new PolynomialKernel(params.getInt(DEGREE), params.getDouble(GAMMA),
          params.getDouble(COEF0));
      default -> throw new IllegalArgumentException("unknown kernel '" + kernel
          + "': use linear, rbf, poly or laplacian");
    };
  }

  /** exp(-gamma |x-y|^2) as Smile's Gaussian kernel. */
  public static GaussianKernel rbf(double gamma) {
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
    }
    return new Rbf(gamma);
  }

  /**
   * Smile's Gaussian kernel, computed in one pass: exp(-gamma |x-y|^2) straight from the squared
   * distance (Smile takes its square root and squares it again). The SVM spends most of its time here.
   */
  private static final class Rbf extends GaussianKernel {
    private static final long serialVersionUID = 1L;
    private final double gamma;

    Rbf(double gamma) {
      super(Math.sqrt(1 / (2 * gamma)));
      this.gamma = gamma;
    }

    @Override
    public double k(double[] x, double[] y) {
      return Math.exp(-gamma * SquaredDistances.squared(x, y));
    }
  }

  /**
   * The rows a support vector machine is fitted and scored on: the feature rows with the kernel of the
   * parameters, or, when that kernel is rbf and a fold's distances cover the training rows, their index
   * rows with each distance looked up (see {@link SquaredDistances}). Either way the machine is the same.
   *
   * @param kernel   the kernel on the machine's rows
   * @param training the training rows as the machine takes them
   */
  public record Inputs(MercerKernel<double[]> kernel, double[][] training, Optional<SquaredDistances> distances,
      Params params) {

    /** The inputs of a fit on {@code x}, on index rows of {@code distances} when they serve the kernel. */
    public static Inputs of(Params params, double[][] x, Optional<SquaredDistances> distances) {
      if (distances.isPresent() && usesSquaredDistances(params)) {
        Optional<double[][]> rows = distances.get().indexRows(x);
        if (rows.isPresent()) {
          return new Inputs(rbf(params.getDouble(GAMMA), distances.get()), rows.get(), distances, params);
        }
      }
      return new Inputs(Kernels.of(params), x, Optional.empty(), params);
    }

    /**
     * {@code x} as the machine takes it; empty for feature rows the distances do not cover: score them
     * with the machine moved to feature rows ({@link #featureRows}, {@link #featureKernel}).
     */
    public Optional<double[][]> rows(double[][] x) {
      return distances.isPresent() ? distances.get().indexRows(x) : Optional.of(x);
    }

    /** A machine's support vectors as feature rows. */
    public double[][] featureRows(double[][] vectors) {
      return distances.map(d -> d.featureRows(vectors)).orElse(vectors);
    }

    /** The kernel on feature rows. */
    public MercerKernel<double[]> featureKernel() {
      return distances.isPresent() ? Kernels.of(params) : kernel;
    }
  }

  /**
   * Whether the parameters' kernel is a function of the squared distance alone (rbf), so that a fold's
   * {@link SquaredDistances} can serve it.
   */
  public static boolean usesSquaredDistances(Params params) {
    return "rbf".equals(params.getString(KERNEL));
  }

  /**
   * exp(-gamma d) over index rows of a fold's squared distances: the rbf kernel with each distance (or,
   * for a gamma the fold has a kernel matrix of, each value) looked up, equal to {@link #rbf(double)} on
   * the feature rows the index rows stand for.
   */
  public static MercerKernel<double[]> rbf(double gamma, SquaredDistances distances) {
    rbf(gamma); // the same check of gamma
    return distances.rbfMatrix(gamma)
        .<MercerKernel<double[]>>map(k -> new IndexedRbf(gamma, distances, k))
        .orElseGet(() -> new IndexedRbf(gamma, distances, null));
  }

  /** The rbf kernel on index rows: from the fold's kernel matrix when it has one, else from its distances. */
  static final class IndexedRbf extends ExponentialKernel {
    private static final long serialVersionUID = 1L;
    private final transient SquaredDistances distances;
    private final transient double[] matrix;
    private final int n;

    IndexedRbf(double gamma, SquaredDistances distances, double[] matrix) {
      super(gamma);
      this.distances = distances;
      this.matrix = matrix;
      this.n = distances.size();
    }

    @Override
    public double k(double[] x, double[] y) {
      if (matrix != null) {
        return matrix[(int) x[0] * n + (int) y[0]];
      }
      return Math.exp(-gamma * distances.between(x, y));
    }

    /**
     * Fills {@code out} with k(row, rows[t]) for every t from the rows' positions in the fold, from the fold's
     * kernel matrix (which it must have): the values {@link #k} gives, in one loop (no call per value).
     */
    void row(int position, int[] positions, double[] out) {
      int base = position * n;
      for (int t = 0; t < out.length; t++) {
        out[t] = matrix[base + positions[t]];
      }
    }

    /** k between the fold's rows i and j, the value {@link #k} gives for their index rows. */
    double at(int i, int j) {
      int position = i * n + j;
      return matrix != null ? matrix[position] : Math.exp(-gamma * distances.at(position));
    }

    /** The fold's kernel matrix for this gamma, flat (row i at {@code i * size()}), or null without one. */
    double[] matrix() {
      return matrix;
    }

    /** How many rows the fold has. */
    int size() {
      return n;
    }

    /** The fold's row numbers of index rows, for {@link #row}. */
    static int[] positions(double[][] rows) {
      int[] out = new int[rows.length];
      for (int t = 0; t < out.length; t++) {
        out[t] = (int) rows[t][0];
      }
      return out;
    }

    @Override
    double distance(double[] x, double[] y) {
      return distances.between(x, y);
    }

    @Override
    public MercerKernel<double[]> of(double[] params) {
      return rbf(params[0], distances);
    }
  }
}
