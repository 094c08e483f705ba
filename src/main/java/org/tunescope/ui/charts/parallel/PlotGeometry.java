package org.tunescope.ui.charts.parallel;

/**
 * Where the axes sit in pixels: the x of each axis in display order, and the top and height of the
 * plotting band. A trial without a value on an axis is drawn at {@link #naY()}, just below the axis.
 */
public record PlotGeometry(double[] axisX, double top, double height) {

  /**
   * Pixels between an axis's bottom and its "n/a" mark: clear of the lowest tick label (about 13 pixels
   * high, centred on the bottom), so the mark does not read as one of the axis's values.
   */
  public static final double NA_OFFSET = 24;

  /** The pixel y of a normalised position; NaN (no value) goes to the "n/a" mark. */
  public double y(double unit) {
    return Double.isNaN(unit) ? naY() : top + (1 - unit) * height;
  }

  /** The normalised position of a pixel y (unclamped). */
  public double unit(double y) {
    return height <= 0 ? 0 : 1 - (y - top) / height;
  }

  public double naY() {
    return top + height + NA_OFFSET;
  }

  public double bottom() {
    return top + height;
  }

  /** The display index of the axis nearest to pixel x, or -1 when there is none. */
  public int nearestAxis(double x) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int k = 0; k < axisX.length; k++) {
      double d = Math.abs(axisX[k] - x);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }
}
