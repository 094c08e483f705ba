package org.tunescope.ml.models;

import smile.math.kernel.MercerKernel;

/**
 * exp(-gamma d(x, y)) for a distance d: the rbf kernel on a fold's squared distances ({@link Kernels.IndexedRbf})
 * and the Laplacian on L1 distances ({@link L1LaplacianKernel}). Its one hyperparameter is gamma.
 */
abstract class ExponentialKernel implements MercerKernel<double[]> {

  private static final long serialVersionUID = 1L;

  final double gamma;

  ExponentialKernel(double gamma) {
    this.gamma = gamma;
  }

  /** The distance between two rows that the kernel decays with. */
  abstract double distance(double[] x, double[] y);

  @Override
  public double k(double[] x, double[] y) {
    return Math.exp(-gamma * distance(x, y));
  }

  @Override
  public double[] kg(double[] x, double[] y) {
    double d = distance(x, y);
    double k = Math.exp(-gamma * d);
    return new double[] {k, -d * k};
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
    return getClass().getSimpleName() + "(gamma = " + gamma + ")";
  }
}
