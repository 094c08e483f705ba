package org.tunescope.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a node's snapshot as PNG, copying the pixels by hand (no javafx-swing needed). */
public final class PngExport {

  private PngExport() {
  }

  /** Snapshots {@code node} (on the JavaFX thread) and writes it to {@code file}. */
  public static void write(Node node, Path file) throws IOException {
    write(node.snapshot(null, null), file);
  }

  /**
   * Snapshots {@code node} scaled by {@code scale} (2 gives a picture twice as wide and high, sharp enough
   * for print) and writes it to {@code file}.
   */
  public static void write(Node node, Path file, double scale) throws IOException {
    javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
    params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
    write(node.snapshot(params, null), file);
  }

  /** Writes an image to {@code file} as PNG. */
  public static void write(Image image, Path file) throws IOException {
    PixelReader pixels = image.getPixelReader();
    BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    if (!ImageIO.write(out, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
