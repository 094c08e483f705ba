package org.tunescope.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's message bar: errors and notes from any view model, in plain words. The latest one
 * shows until dismissed.
 */
public final class Notifications {

  /** How serious a message is. */
  public enum Kind { INFO, ERROR }

  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private Kind kind = Kind.INFO;

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public Kind kind() {
    return kind;
  }

  public void error(String text) {
    kind = Kind.ERROR;
    message.set(text);
  }

  public void info(String text) {
    kind = Kind.INFO;
    message.set(text);
  }

  public void dismiss() {
    message.set("");
  }
}
