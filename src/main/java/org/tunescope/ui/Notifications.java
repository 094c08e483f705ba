package org.tunescope.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's message bar: errors and notes from any view model, in plain words. The latest one shows
 * until dismissed, replaced, or, for a message about something (a study), until that subject ends: a
 * "cancelled, resume it" note goes when the study runs again.
 */
public final class Notifications {

  /** How serious a message is. */
  public enum Kind { INFO, ERROR }

  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private Kind kind = Kind.INFO;
  private Optional<String> subject = Optional.empty();

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public Kind kind() {
    return kind;
  }

  public void error(String text) {
    post(Kind.ERROR, text, Optional.empty());
  }

  public void info(String text) {
    post(Kind.INFO, text, Optional.empty());
  }

  /** An error about {@code subject}; it ends with {@link #end(String)} of the same subject. */
  public void error(String text, String subject) {
    post(Kind.ERROR, text, Optional.of(subject));
  }

  /** A note about {@code subject}; it ends with {@link #end(String)} of the same subject. */
  public void info(String text, String subject) {
    post(Kind.INFO, text, Optional.of(subject));
  }

  private void post(Kind k, String text, Optional<String> about) {
    kind = k;
    subject = about;
    message.set(text);
  }

  /** Takes the message down if it is about {@code about}: what it said no longer holds. */
  public void end(String about) {
    if (subject.filter(about::equals).isPresent()) {
      dismiss();
    }
  }

  public void dismiss() {
    subject = Optional.empty();
    message.set("");
  }
}
