package org.tunescope.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import org.tunescope.app.Settings;

/**
 * Keeps a split pane's divider positions in the settings: restored when the window is made, written when a
 * divider is let go (once per drag, not on every step of it).
 */
public final class RememberedDividers {

  private RememberedDividers() {
  }

  /** Restores {@code split}'s dividers from setting {@code name} and writes them there after each drag. */
  public static void remember(SplitPane split, Settings settings, String name) {
    settings.get(name).map(RememberedDividers::parse).filter(p -> p.length == split.getDividers().size())
        .ifPresent(split::setDividerPositions);
    split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> settings.put(name, text(split.getDividerPositions())));
  }

  /** Positions as written in the settings: fractions of the pane's width, comma-separated. */
  static String text(double[] positions) {
    return Arrays.stream(positions).mapToObj(p -> String.format(Locale.ROOT, "%.4f", p))
        .collect(Collectors.joining(","));
  }

  private static double[] parse(String text) {
    try {
      double[] p = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
      // a hand-edited or foreign value: ignored rather than a panel squeezed to nothing
      return Arrays.stream(p).allMatch(v -> v > 0.05 && v < 0.95) ? p : new double[0];
    } catch (NumberFormatException e) {
      return new double[0];
    }
  }
}
