package org.tunescope.ml.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.classification.SVM;
import smile.math.kernel.MercerKernel;

/**
 * The solver reaches the soft-margin optimum (the conditions libsvm and scikit-learn stop on), and the
 * training scores it hands back are the machine's own decision values.
 */
class SvcSolverTest {

  private static final double TOL = 1e-3;

  /** Two overlapping Gaussian clouds in 5 dimensions, labels -1/+1. */
  private static double[][] points(int n, int[] y, long seed) {
    Random rnd = new Random(seed);
    double[][] x = new double[n][5];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3 == 0 ? +1 : -1;
      for (int j = 0; j < 5; j++) {
        x[i][j] = rnd.nextGaussian() + (j < 2 ? 0.8 * y[i] : 0);
      }
    }
    return x;
  }

  @Test
  void theSolutionMeetsTheOptimalityConditionsForEveryKernelAndPenalty() {
    int n = 240;
    int[] y = new int[n];
    double[][] x = points(n, y, 3);
    for (MercerKernel<double[]> kernel : new MercerKernel[] {Kernels.rbf(0.2), new smile.math.kernel.LinearKernel(),
        new L1LaplacianKernel(0.1)}) {
      for (double c : new double[] {0.01, 1, 100}) {
        SvcSolver.Fit fit = SvcSolver.fit(x, y, kernel, c, TOL);
        SVM<double[]> machine = fit.machine();
        double balance = 0;
        for (double w : machine.weights()) {
          assertTrue(Math.abs(w) <= c * (1 + 1e-12), "0 <= a <= C");
          balance += w;
        }
        assertEquals(0, balance, 1e-9 * c * n, "sum of y_i a_i is 0");
        // KKT: y f(x) >= 1 where a = 0, <= 1 where a = C, = 1 in between; to the tolerance on the gradient gap
        for (int i = 0; i < n; i++) {
          double margin = y[i] * machine.score(x[i]);
          double a = alpha(machine, x[i]);
          String where = kernel + " C=" + c + " row " + i + " a=" + a;
          if (a == 0) {
            assertTrue(margin >= 1 - TOL, where + " margin " + margin);
          } else if (a >= c) {
            assertTrue(margin <= 1 + TOL, where + " margin " + margin);
          } else {
            assertEquals(1, margin, TOL, where);
          }
          assertEquals(machine.score(x[i]), fit.trainingScores()[i], 1e-9, "the training scores are the machine's");
        }
      }
    }
  }

  @Test
  void aSeparableProblemIsSeparatedWithTheWidestMargin() {
    // two points per side of x = 0 on a line: the maximum-margin boundary is x = 0, margins at +-1
    double[][] x = {{-2}, {-1}, {1}, {2}};
    int[] y = {-1, -1, +1, +1};
    SVM<double[]> machine = SvcSolver.fit(x, y, new smile.math.kernel.LinearKernel(), 1000, 1e-6).machine();
    assertEquals(0, machine.score(new double[] {0}), 1e-6);
    assertEquals(1, machine.score(new double[] {1}), 1e-6);
    assertEquals(-1, machine.score(new double[] {-1}), 1e-6);
    assertEquals(2, machine.vectors().length, "the two closest points are the support vectors");
  }

  /** The multiplier of row x in the machine: |weight| of its support vector, 0 if it is none. */
  private static double alpha(SVM<double[]> machine, double[] x) {
    double[][] vectors = machine.vectors();
    for (int s = 0; s < vectors.length; s++) {
      if (vectors[s] == x) {
        return Math.abs(machine.weights()[s]);
      }
    }
    return 0;
  }
}
