package org.tunescope.ml.models;

import smile.math.kernel.MercerKernel;

/**
 * scikit-learn's Laplacian kernel exp(-gamma |x - y|_1). Smile's own {@code LaplacianKernel} uses the
 * Euclidean distance, exp(-|x - y|_2 / sigma); this one keeps the L1 norm so that {@code gamma} means
 * what scikit-learn users expect.
 */
final class L1LaplacianKernel implements MercerKernel<double[]> {

  private static final long serialVersionUID = 1L;

  private final double gamma;

  L1LaplacianKernel(double gamma) {
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
    }
    this.gamma = gamma;
  }

  @Override
  public double k(double[] x, double[] y) {
    return Math.exp(-gamma * l1(x, y));
  }

  @Override
  public double[] kg(double[] x, double[] y) {
    double d = l1(x, y);
    double k = Math.exp(-gamma * d);
    return new double[] {k, -d * k};
  }

  @Override
  public MercerKernel<double[]> of(double[] params) {
    return new L1LaplacianKernel(params[0]);
  }

  @Override
  public double[] hyperparameters() {
    return new double[] {gamma};
  }

  @Override
  public double[] lo() {
    return new double[] {1e-6};
  }

  @Override
  public double[] hi() {
    return new double[] {1e6};
  }

  @Override
  public String toString() {
    return "L1LaplacianKernel(gamma = " + gamma + ")";
  }

  private static double l1(double[] x, double[] y) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      d += Math.abs(x[i] - y[i]);
    }
    return d;
  }
}
