package org.tunescope.ml.models;

import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;

/** The support vector machine's own parameters, shared by classification and regression. */
public final class SvmParams {

  public static final String C = "C";
  public static final String TOL = "tol";

  private SvmParams() {
  }

  public static HyperParameter penalty() {
    return HyperParameter.floating(C, 0, true, Double.POSITIVE_INFINITY, 0.01, 1000, true, 1.0,
        "penalty on margin violations: large values fit the training set closely",
        Complexity.MORE_WHEN_RAISED);
  }

  /** The optimiser's stopping tolerance; declared so it can be changed, but not searched. */
  public static HyperParameter tolerance() {
    return HyperParameter.floating(TOL, 0, true, 1, 1e-5, 1e-1, true, 1e-3,
            "stopping tolerance of the optimiser", Complexity.NONE)
        .searching(new Distribution.Fixed(1e-3));
  }
}
