package org.tunescope.ui.charts.parallel;

import java.util.Arrays;

/**
 * Draws thousands of 1-pixel polylines into a premultiplied ARGB pixel buffer, blending each line
 * over the ones below it. The JavaFX canvas rasterises long stroked paths slowly in software (seconds
 * for 10,000 trials); here a line costs one blend per pixel, and the chart then shows one image.
 * Lines are anti-aliased (two pixels per step, weighted) unless {@code fast} is set.
 *
 * <p>A segment steps in 16.16 fixed point and is clipped once, not per pixel: the inner loop is a load,
 * a blend and a store. Dashed lines leave gaps of 3 pixels after every 4.
 */
final class LineRaster {

  private static final int ONE = 1 << 16;
  private static final int HALF = 1 << 15;

  private int width;
  private int height;
  private int[] pixels = new int[0];

  /** Resizes (if needed) and clears the buffer. */
  void reset(int w, int h) {
    if (w != width || h != height) {
      width = w;
      height = h;
      pixels = new int[Math.max(0, w * h)];
    } else {
      Arrays.fill(pixels, 0);
    }
  }

  /** Makes this buffer a copy of {@code other}. */
  void copyFrom(LineRaster other) {
    if (other.width != width || other.height != height) {
      width = other.width;
      height = other.height;
      pixels = new int[other.pixels.length];
    }
    System.arraycopy(other.pixels, 0, pixels, 0, pixels.length);
  }

  int[] pixels() {
    return pixels;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The premultiplied ARGB of a colour 0xRRGGBB at opacity {@code alpha} in [0, 1]. */
  static int premultiplied(int rgb, double alpha) {
    int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
    int r = (rgb >> 16 & 0xFF) * a / 255;
    int g = (rgb >> 8 & 0xFF) * a / 255;
    int b = (rgb & 0xFF) * a / 255;
    return a << 24 | r << 16 | g << 8 | b;
  }

  /** One straight segment from (x0, y0) to (x1, y1), both ends included. */
  void segment(double x0, double y0, double x1, double y1, int colour, boolean dashed, boolean fast) {
    segment(x0, y0, x1, y1, colour, dashed, fast, 0, Integer.MAX_VALUE);
  }

  /**
   * One straight segment from (x0, y0) to (x1, y1), {@code x0 <= x1}, drawing only the columns
   * {@code [fromX, toX)}: threads that draw disjoint strips of columns never touch the same pixel.
   */
  void segment(double x0, double y0, double x1, double y1, int colour, boolean dashed, boolean fast, int fromX,
      int toX) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    if (steps == 0) {
      plot((int) x0, (int) y0, colour, 256, fromX, toX);
      return;
    }
    if (fast && dx >= 0 && inside(x0, y0) && inside(x1, y1)) {
      fastSegment(x0, y0, dx / steps, dy / steps, steps, colour, dashed, fromX, toX);
      return;
    }
    boolean steep = Math.abs(dy) > Math.abs(dx);
    double sx = dx / steps;
    double sy = dy / steps;
    double x = x0;
    double y = y0;
    for (int s = 0; s <= steps; s++, x += sx, y += sy) {
      if (dashed && s % 7 >= 4) {
        continue;
      }
      if (fast) {
        plot((int) (x + 0.5), (int) (y + 0.5), colour, 256, fromX, toX);
      } else if (steep) {
        int ix = (int) Math.floor(x);
        int w = (int) ((x - ix) * 256);
        plot(ix, (int) (y + 0.5), colour, 256 - w, fromX, toX);
        plot(ix + 1, (int) (y + 0.5), colour, w, fromX, toX);
      } else {
        int iy = (int) Math.floor(y);
        int w = (int) ((y - iy) * 256);
        plot((int) (x + 0.5), iy, colour, 256 - w, fromX, toX);
        plot((int) (x + 0.5), iy + 1, colour, w, fromX, toX);
      }
    }
  }

  /** Whether the pixel nearest (x, y) lies in the buffer (then so does every pixel of a segment between two such). */
  private boolean inside(double x, double y) {
    return x >= 0 && y >= 0 && x + 0.5 < width && y + 0.5 < height;
  }

  /** The unclipped inner loop: one opaque-coverage blend per step, positions in 16.16 fixed point. */
  private void fastSegment(double x0, double y0, double sx, double sy, int steps, int colour, boolean dashed,
      int fromX, int toX) {
    int[] p = pixels;
    int w = width;
    int inv = 255 - (colour >>> 24);
    if (inv == 0 && !dashed) {
      // An opaque line replaces the pixels under it: a store per step, half the time of a blend.
      opaqueSegment(x0, y0, sx, sy, steps, colour, fromX, toX);
      return;
    }
    int fx = (int) (x0 * ONE) + HALF;
    int fy = (int) (y0 * ONE) + HALF;
    int ix = (int) (sx * ONE);
    int iy = (int) (sy * ONE);
    int dash = 0;
    for (int s = 0; s <= steps; s++, fx += ix, fy += iy) {
      if (dashed) {
        boolean gap = dash >= 4;
        dash = dash == 6 ? 0 : dash + 1;
        if (gap) {
          continue;
        }
      }
      int col = fx >> 16;
      if (col >= toX) {
        break;
      }
      if (col < fromX) {
        continue;
      }
      int i = (fy >> 16) * w + col;
      int d = p[i];
      p[i] = colour + ((((d & 0x00FF00FF) * inv) >>> 8) & 0x00FF00FF)
          + ((((d >>> 8) & 0x00FF00FF) * inv) & 0xFF00FF00);
    }
  }

  private void opaqueSegment(double x0, double y0, double sx, double sy, int steps, int colour, int fromX, int toX) {
    int[] p = pixels;
    int w = width;
    int fx = (int) (x0 * ONE) + HALF;
    int fy = (int) (y0 * ONE) + HALF;
    int ix = (int) (sx * ONE);
    int iy = (int) (sy * ONE);
    int s = 0;
    // Skip the columns left of the strip, then stop at its right edge: no test per pixel for either.
    while (s <= steps && (fx >> 16) < fromX) {
      s++;
      fx += ix;
      fy += iy;
    }
    for (; s <= steps; s++, fx += ix, fy += iy) {
      int col = fx >> 16;
      if (col >= toX) {
        break;
      }
      p[(fy >> 16) * w + col] = colour;
    }
  }

  /** Blends a premultiplied colour at coverage {@code c} (0..256) over the pixel (source over). */
  private void plot(int x, int y, int colour, int c, int fromX, int toX) {
    if (x < 0 || y < 0 || x >= width || y >= height || c <= 0 || x < fromX || x >= toX) {
      return;
    }
    int src = c >= 256 ? colour
        : (((colour & 0x00FF00FF) * c >>> 8) & 0x00FF00FF) | (((colour >>> 8 & 0x00FF00FF) * c) & 0xFF00FF00);
    int inv = 255 - (src >>> 24);
    int i = y * width + x;
    int d = pixels[i];
    int rb = (src & 0x00FF00FF) + (((d & 0x00FF00FF) * inv >>> 8) & 0x00FF00FF);
    int ag = (src >>> 8 & 0x00FF00FF) + (((d >>> 8 & 0x00FF00FF) * inv >>> 8) & 0x00FF00FF);
    pixels[i] = ag << 8 | rb;
  }
}
