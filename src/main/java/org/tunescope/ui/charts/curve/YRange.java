package org.tunescope.ui.charts.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ml.tuning.ValidationCurveModel.Point;
import org.tunescope.ml.tuning.ValidationCurveModel.Zone;

/**
 * The y range of an overfitting curve, robust to collapsed points. The part that matters is the core:
 * every training score and the validation scores of the underfitting and good-fit points (the best
 * among them). Values may lie up to the core's own span beyond it; anything further (a degree-20
 * polynomial at r2 -21 beside scores of 0.4 to 0.9, an rmse that explodes) is clipped, so that it
 * does not flatten the rest of the curve, and the chart marks it at the edge.
 *
 * @param lo the axis's low end, padded
 * @param hi the axis's high end, padded
 */
record YRange(double lo, double hi) {

  /** Each side of the axis gets this share of the range as padding. */
  private static final double PAD = 0.05;

  /** The range that shows the curve's core and whatever is not far beyond it. */
  static YRange of(ValidationCurveModel m) {
    double coreLo = Double.POSITIVE_INFINITY;
    double coreHi = Double.NEGATIVE_INFINITY;
    for (Point p : m.points()) {
      for (double v : core(p)) {
        if (Double.isFinite(v)) {
          coreLo = Math.min(coreLo, v);
          coreHi = Math.max(coreHi, v);
        }
      }
    }
    if (!(coreHi >= coreLo)) {
      return new YRange(0, 1);
    }
    double span = coreHi - coreLo;
    // A flat core gives no scale to judge "far" by: then nothing is clipped.
    double allowedLo = span > 0 ? coreLo - span : Double.NEGATIVE_INFINITY;
    double allowedHi = span > 0 ? coreHi + span : Double.POSITIVE_INFINITY;
    double lo = coreLo;
    double hi = coreHi;
    List<Double> shown = new ArrayList<>();
    for (Trial t : m.allTrials()) {
      shown.add(t.train().mean());
      shown.add(t.validation().mean());
    }
    for (Point p : m.points()) {
      shown.add(p.train());
      shown.add(p.validation());
      if (isCore(p)) {
        shown.add(p.train() - p.trainStd());
        shown.add(p.train() + p.trainStd());
        shown.add(p.validation() - p.validationStd());
        shown.add(p.validation() + p.validationStd());
      }
    }
    for (double v : shown) {
      if (Double.isFinite(v) && v >= allowedLo && v <= allowedHi) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double pad = (hi - lo) * PAD + 1e-9;
    return new YRange(lo - pad, hi + pad);
  }

  /** Whether {@code y} lies outside the range: the chart marks it at the edge instead of drawing it. */
  boolean clips(double y) {
    return y < lo || y > hi;
  }

  /** The curve points with a train or validation mean outside the range. */
  List<Point> clipped(ValidationCurveModel m) {
    return m.points().stream().filter(p -> clips(p.train()) || clips(p.validation())).toList();
  }

  private static boolean isCore(Point p) {
    Optional<Zone> zone = p.zone();
    return zone.isPresent() && zone.get() != Zone.OVERFITTING;
  }

  private static double[] core(Point p) {
    return isCore(p) ? new double[] {p.train(), p.validation()} : new double[] {p.train()};
  }
}
