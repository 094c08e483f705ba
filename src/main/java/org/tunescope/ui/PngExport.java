package org.tunescope.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Writes a node's snapshot as PNG, copying the pixels by hand (no javafx-swing needed). A view marks the
 * part worth exporting with the style class {@link #EXPORTED} (a chart's plot, without its tool bar); the
 * picture is laid on the background the node shows on screen, so light text stays on a dark theme's colour.
 */
public final class PngExport {

  /** The style class of the descendant that is exported instead of the whole view. */
  public static final String EXPORTED = "png-export";

  private PngExport() {
  }

  /** The node a PNG of {@code content} shows: its descendant marked {@link #EXPORTED}, else itself. */
  public static Node exported(Node content) {
    Node marked = content.lookup("." + EXPORTED);
    return marked != null ? marked : content;
  }

  /** Snapshots {@code node} (on the JavaFX thread) and writes it to {@code file}. */
  public static void write(Node node, Path file) throws IOException {
    write(node, file, 1);
  }

  /**
   * Snapshots the exported part of {@code node} scaled by {@code scale} (2 gives a picture twice as wide
   * and high, sharp enough for print) and writes it to {@code file}.
   */
  public static void write(Node node, Path file, double scale) throws IOException {
    Node shown = exported(node);
    javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
    params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
    params.setFill(background(shown));
    // The picture is the part's layout box: a label or stroke that overhangs it would otherwise widen the
    // snapshot (its bounds in local) by a few pixels, depending on what was drawn last. The viewport is in
    // the snapshot's (scaled) coordinates.
    javafx.geometry.Bounds box = shown.getLayoutBounds();
    params.setViewport(new javafx.geometry.Rectangle2D(box.getMinX() * scale, box.getMinY() * scale,
        box.getWidth() * scale, box.getHeight() * scale));
    write(shown.snapshot(params, null), file);
  }

  /**
   * The colour behind {@code node} on screen: the first opaque colour filling it or one of its parents,
   * else the scene's fill. A snapshot's default white would put a dark theme's light text on white.
   */
  static Color background(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof Region r && r.getBackground() != null) {
        List<BackgroundFill> fills = r.getBackground().getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
          if (fills.get(i).getFill() instanceof Color c && c.getOpacity() == 1) {
            return c;
          }
        }
      }
    }
    if (node.getScene() != null && node.getScene().getFill() instanceof Color c && c.getOpacity() == 1) {
      return c;
    }
    return Color.WHITE;
  }

  /**
   * Asks for the size of an exported view: 1 to 4 times the size on screen of its exported part (2 by
   * default, for slides and print), in a dialog styled like {@code owner}.
   *
   * @return the chosen scale, empty when cancelled
   */
  public static Optional<Integer> askScale(Node content, Window owner) {
    Node shown = exported(content);
    int w = (int) Math.round(shown.getLayoutBounds().getWidth());
    int h = (int) Math.round(shown.getLayoutBounds().getHeight());
    List<String> sizes = new ArrayList<>();
    for (int s = 1; s <= 4; s++) {
      sizes.add(s + "x: " + (w * s) + " x " + (h * s) + " pixels");
    }
    ChoiceDialog<String> dialog = new ChoiceDialog<>(sizes.get(1), sizes);
    // Owned, it takes the theme's stylesheets, whichever is on now: the OK button then reads as the default action.
    Windows.ownedBy(dialog, owner);
    dialog.setTitle("Export as PNG");
    dialog.setHeaderText("Size of the image");
    dialog.setContentText("Size:");
    return dialog.showAndWait().map(choice -> sizes.indexOf(choice) + 1);
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
