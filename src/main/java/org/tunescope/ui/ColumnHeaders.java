package org.tunescope.ui;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** How wide a table column must be for its header to show whole: "validation a..." says nothing. */
public final class ColumnHeaders {

  /** The header's own padding and room for the sort arrow, beside the text. */
  private static final double PADDING = 24;

  private ColumnHeaders() {
  }

  /** The width a column needs for {@code title}, bold in the default font as headers draw it. */
  public static double width(String title) {
    return textWidth(title, FontWeight.BOLD, Font.getDefault().getSize()) + PADDING;
  }

  /** The width for a bold title above a smaller line (a data column's type and range, at {@code hintSize}). */
  public static double width(String title, String hint, double hintSize) {
    return Math.max(width(title), textWidth(hint, FontWeight.NORMAL, hintSize) + PADDING);
  }

  private static double textWidth(String s, FontWeight weight, double size) {
    Text text = new Text(s);
    text.setFont(Font.font(Font.getDefault().getFamily(), weight, size));
    return Math.ceil(text.getLayoutBounds().getWidth());
  }
}
