package org.tunescope.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows a choice by a name of its own (a task's or metric's id) in a combo box that is never typed into. */
public final class TextConverter<T> extends StringConverter<T> {

  private final Function<T, String> toText;

  public TextConverter(Function<T, String> toText) {
    this.toText = toText;
  }

  @Override
  public String toString(T value) {
    return value == null ? "" : toText.apply(value);
  }

  @Override
  public T fromString(String text) {
    throw new UnsupportedOperationException();
  }
}
