package org.tunescope.ui.run;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's one long job at a time: a study run or a comparison takes it, and every action that must not
 * happen meanwhile (another run, switching the store, opening, resuming or deleting a study) asks it first and
 * says who holds it. UI thread only.
 */
public final class Busy {

  private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper(this, "job", "");
  private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper(this, "line", "");
  private final BooleanBinding busy = job.isNotEmpty();
  private Runnable cancel = () -> { };

  /**
   * Takes the window for {@code what} ("a study", "a comparison").
   *
   * @param cancelIt what the window's Cancel does while it holds the window
   * @return false, taking nothing, when another job holds it
   */
  public boolean take(String what, Runnable cancelIt) {
    if (busy.get()) {
      return false;
    }
    cancel = cancelIt;
    line.set("");
    job.set(what);
    return true;
  }

  /** Gives the window back, when {@code what} holds it. */
  public void release(String what) {
    if (job.get().equals(what)) {
      cancel = () -> { };
      job.set("");
    }
  }

  /** The job's progress in one line, for the run bar (a study run says its own). */
  public void say(String progress) {
    line.set(progress);
  }

  /** Cancels the job holding the window, if any. */
  public void cancel() {
    cancel.run();
  }

  public boolean isBusy() {
    return busy.get();
  }

  public BooleanBinding busyProperty() {
    return busy;
  }

  /** Who holds the window: "a study", "a comparison", or empty. */
  public ReadOnlyStringProperty jobProperty() {
    return job.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty lineProperty() {
    return line.getReadOnlyProperty();
  }

  /** Why an action is refused now, e.g. "a comparison is running; cancel it or wait before opening another store". */
  public String refusal(String before) {
    return (job.get().isEmpty() ? "a study" : job.get()) + " is running; cancel it or wait"
        + (before.isEmpty() ? "" : " " + before);
  }
}
