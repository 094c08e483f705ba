package org.tunescope.ui.charts.parallel;

/**
 * The viridis colour map (perceptually uniform, readable in grey and by most colour-blind people) as a
 * small table of eleven colours, interpolated linearly: 0 is dark purple, 1 bright yellow.
 */
public final class Viridis {

  private static final int[] TABLE = {
      0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C, 0x22A884, 0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725};

  private Viridis() {
  }

  /** The colour at {@code t} in [0, 1] (clamped) as 0xRRGGBB. */
  public static int rgb(double t) {
    if (Double.isNaN(t)) {
      t = 0;
    }
    double x = Math.max(0, Math.min(1, t)) * (TABLE.length - 1);
    int i = Math.min(TABLE.length - 2, (int) Math.floor(x));
    double f = x - i;
    int a = TABLE[i];
    int b = TABLE[i + 1];
    int r = mix(a >> 16 & 0xFF, b >> 16 & 0xFF, f);
    int g = mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f);
    int bl = mix(a & 0xFF, b & 0xFF, f);
    return r << 16 | g << 8 | bl;
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
