package org.tunescope.ui.search;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A whole-number setting as the user types it: the text, the value it stands for and what is wrong with
 * it. Text is never changed behind the user's back: a value that is not a whole number, or lies outside
 * [min, max], stays as typed and the field says what is wrong (at every keystroke, without Enter); the
 * value follows the text only while the text is valid.
 */
public final class IntField {

  private final String name;
  private final int min;
  private final int max;
  private final StringProperty text = new SimpleStringProperty(this, "text");
  private final IntegerProperty value;
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private boolean syncing;

  public IntField(String name, int min, int max, int initial) {
    this.name = name;
    this.min = min;
    this.max = max;
    this.value = new SimpleIntegerProperty(this, "value", initial);
    text.set(Integer.toString(initial));
    text.addListener((o, a, t) -> fromText(t));
    // A value set in code (a reopened study's settings) shows as text, and is checked like typed text.
    value.addListener((o, a, v) -> {
      if (!syncing) {
        text.set(Integer.toString(v.intValue()));
      }
    });
    fromText(text.get());
  }

  private void fromText(String t) {
    String typed = t == null ? "" : t.strip();
    long v;
    try {
      v = Long.parseLong(typed);
    } catch (NumberFormatException e) {
      problem.set(typed.isEmpty() ? name + ": enter a whole number"
          : String.format(Locale.ROOT, "%s: \"%s\" is not a whole number", name, typed));
      return;
    }
    if (v < min || v > max) {
      problem.set(name + ": " + typed + " is out of range; " + range());
      return;
    }
    problem.set("");
    syncing = true;
    try {
      value.set((int) v);
    } finally {
      syncing = false;
    }
  }

  /** The allowed values, in words. */
  public String range() {
    return max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
  }

  /**
   * Steps the typed value by {@code steps} (the spinner's arrows), staying within range: an arrow never
   * goes past an end. Text that is not a number steps from the last valid value.
   */
  public void step(int steps) {
    long base;
    try {
      base = Long.parseLong(text.get().strip());
    } catch (NumberFormatException e) {
      base = value.get();
    }
    text.set(Long.toString(Math.max(min, Math.min(max, base + steps))));
  }

  /** The text as typed. */
  public StringProperty textProperty() {
    return text;
  }

  /** The value: the typed one while the text is valid, else the last valid one. */
  public IntegerProperty valueProperty() {
    return value;
  }

  /** What is wrong with the text, in words; empty when it is a valid value. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public boolean isValid() {
    return problem.get().isEmpty();
  }
}
