package org.tunescope.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action on the JavaFX thread at most once per interval, however often it is requested: charts
 * ask for a redraw on every batch of finished trials, but a person cannot see more than a few a second,
 * and thousands of fast trials must not keep the JavaFX thread busy.
 */
public final class Throttle {

  private final PauseTransition pause;
  private boolean pending;

  public Throttle(Duration interval, Runnable action) {
    pause = new PauseTransition(interval);
    pause.setOnFinished(e -> {
      pending = false;
      action.run();
    });
  }

  /** Asks for the action; it runs at the end of the current interval. Call on the JavaFX thread. */
  public void request() {
    if (!pending) {
      pending = true;
      pause.playFromStart();
    }
  }
}
