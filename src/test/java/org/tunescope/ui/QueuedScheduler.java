package org.tunescope.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * For view-model tests: background work runs at once on the caller, UI updates wait in {@link #pending()}
 * until the test runs them, as they wait for the JavaFX thread in the app.
 */
public final class QueuedScheduler implements UiScheduler {

  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public void background(Runnable work) {
    work.run();
  }

  @Override
  public void ui(Runnable update) {
    pending.add(update);
  }

  /** The UI updates not run yet, oldest first; a test removes and runs them. */
  public List<Runnable> pending() {
    return pending;
  }
}
