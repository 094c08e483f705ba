package org.tunescope.ui.charts.parallel;

import java.util.Arrays;

/**
 * Draws hundreds of anti-aliased 1-pixel polylines (two pixels per step, weighted) into a premultiplied
 * ARGB pixel buffer, blending each line over the ones below it. The JavaFX canvas rasterises long stroked
 * paths slowly in software; here a line costs two blends per pixel, and the chart then shows one image.
 * Dashed lines leave gaps of 3 pixels after every 4. More lines are counted instead ({@link LineDensity}).
 */
final class LineRaster {

  private int width;
  private int height;
  private int[] pixels = new int[0];

  /**
   * Resizes (if needed) and clears the buffer. The buffer only grows: while a window is resized, smaller
   * sizes reuse it instead of allocating 3.5 MB per size (which the garbage collector pays for in pauses).
   */
  void reset(int w, int h) {
    width = w;
    height = h;
    int size = Math.max(0, w * h);
    if (pixels.length < size) {
      pixels = new int[size];
    } else {
      Arrays.fill(pixels, 0, size, 0);
    }
  }

  /** Makes this buffer a copy of {@code other}. */
  void copyFrom(LineRaster other) {
    width = other.width;
    height = other.height;
    int size = Math.max(0, width * height);
    if (pixels.length < size) {
      pixels = new int[size];
    }
    System.arraycopy(other.pixels, 0, pixels, 0, size);
  }

  /** The pixels, row by row: the first {@code width * height} of the array. */
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

  /**
   * One straight segment from (x0, y0) to (x1, y1), {@code x0 <= x1}, drawing only the columns
   * {@code [fromX, toX)}: threads that draw disjoint strips of columns never touch the same pixel.
   */
  void segment(double x0, double y0, double x1, double y1, int colour, boolean dashed, int fromX, int toX) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    if (steps == 0) {
      plot((int) x0, (int) y0, colour, 256, fromX, toX);
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
      if (steep) {
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
