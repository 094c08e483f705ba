package org.tunescope.ml.models;

import smile.math.kernel.MercerKernel;

/**
 * scikit-learn's Laplacian kernel exp(-gamma |x - y|_1). Smile's own {@code LaplacianKernel} uses the
 * Euclidean distance, exp(-|x - y|_2 / sigma); this one keeps the L1 norm so that {@code gamma} means
 * what scikit-learn users expect.
 */
final class L1LaplacianKernel extends ExponentialKernel {

  private static final long serialVersionUID = 1L;

  L1LaplacianKernel(double gamma) {
    super(gamma);
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
    }
  }

  @Override
  double distance(double[] x, double[] y) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      d += Math.abs(x[i] - y[i]);
    }
    return d;
  }

  @Override
  public MercerKernel<double[]> of(double[] params) {
    return new L1LaplacianKernel(params[0]);
  }
}
