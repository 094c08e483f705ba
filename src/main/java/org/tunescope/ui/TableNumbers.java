package org.tunescope.ui;

import java.util.Comparator;
import java.util.Locale;

/**
 * Numbers in table cells that sort as numbers (0.95 before 0.962 before 10.1, not as text) while they show in
 * their own format, and the one comparator of table columns: numbers by value, blanks (null) last, other values
 * by their natural order or their text. The Trials table and the Compare window's leaderboard share them.
 */
public final class TableNumbers {

  private TableNumbers() {
  }

  /** A number that sorts as a number and shows as {@code text}. */
  public record Num(double value, String text) implements Comparable<Num> {

    /** The number shown in a {@link String#format} format ("%.4f"). */
    public static Num of(double value, String format) {
      return new Num(value, String.format(Locale.ROOT, format, value));
    }

    @Override
    public int compareTo(Num o) {
      return Double.compare(value, o.value);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The column comparator: blanks last, numbers by value, same-type comparables by their order, else by text. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Comparator<Object> blanksLast() {
    return (a, b) -> {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : 1) : -1;
      }
      if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
        return ca.compareTo(b);
      }
      return a.toString().compareTo(b.toString());
    };
  }
}
