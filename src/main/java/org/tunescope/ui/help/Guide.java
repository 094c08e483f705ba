package org.tunescope.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The offline guide: {@code guide.md} beside this class, a small Markdown subset ({@code #} and {@code ##}
 * headings, {@code - } bullets, paragraphs separated by blank lines) laid out as styled labels, so that
 * no web engine is needed.
 */
public final class Guide {

  private Guide() {
  }

  /** The guide's text as bundled. */
  public static String text() {
    try (InputStream in = Guide.class.getResourceAsStream("/org/tunescope/ui/help/guide.md")) {
      if (in == null) {
        throw new IllegalStateException("the guide is missing from this build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lays out Markdown-subset text as a column of wrapped labels (style classes guide-h1, guide-h2, guide-p). */
  public static VBox render(String markdown) {
    VBox box = new VBox(6);
    box.getStyleClass().add("guide");
    for (String block : blocks(markdown)) {
      box.getChildren().add(node(block));
    }
    return box;
  }

  private static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      String t = line.strip();
      boolean standsAlone = t.startsWith("#") || t.startsWith("- ");
      if (t.isEmpty() || standsAlone) {
        if (!paragraph.isEmpty()) {
          blocks.add(paragraph.toString());
          paragraph.setLength(0);
        }
        if (standsAlone) {
          paragraph.append(t);
        }
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(t);
      }
    }
    if (!paragraph.isEmpty()) {
      blocks.add(paragraph.toString());
    }
    return blocks;
  }

  private static Node node(String block) {
    if (block.startsWith("## ")) {
      return label(block.substring(3), "guide-h2");
    } else if (block.startsWith("# ")) {
      return label(block.substring(2), "guide-h1");
    } else if (block.startsWith("- ")) {
      Label text = label(block.substring(2), "guide-p");
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox bullet = new HBox(6, label("\u2022", "guide-p"), text);
      bullet.getStyleClass().add("guide-bullet");
      return bullet;
    }
    return label(block, "guide-p");
  }

  private static Label label(String text, String style) {
    Label label = new Label(text.replace("**", "").replace("*", ""));
    label.setWrapText(true);
    label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    label.getStyleClass().add(style);
    return label;
  }
}
