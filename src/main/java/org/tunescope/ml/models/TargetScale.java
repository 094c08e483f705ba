package org.tunescope.ml.models;

/**
 * Standardises a regression target inside a fit, so that parameters measured on the target (SVR's
 * epsilon, a network's learning rate) mean the same on every dataset.
 */
public record TargetScale(double mean, double sd) {

  public static TargetScale of(double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean) / y.length;
    }
    return new TargetScale(mean, var > 0 ? Math.sqrt(var) : 1);
  }

  public double[] scale(double[] y) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = (y[i] - mean) / sd;
    }
    return z;
  }

  public double unscale(double z) {
    return mean + sd * z;
  }
}
