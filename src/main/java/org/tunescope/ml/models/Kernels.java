package org.tunescope.ml.models;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
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
 */
public final class Kernels {

  public static final String KERNEL = "kernel";
  public static final String GAMMA = "gamma";
  public static final String DEGREE = "degree";
  public static final String COEF0 = "coef0";

  private Kernels() {
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
      double d = 0;
      for (int i = 0; i < x.length; i++) {
        double t = x[i] - y[i];
        d += t * t;
      }
      return Math.exp(-gamma * d);
    }
  }
}
