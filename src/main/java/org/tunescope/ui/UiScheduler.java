package org.tunescope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Where view models run work: {@link #background} off the JavaFX thread, {@link #ui} on it. The app uses
 * {@link #fx()}; view-model tests use {@link #direct()}, which runs everything at once on the caller.
 */
public interface UiScheduler {

  void background(Runnable work);

  void ui(Runnable update);

  /** Background work on daemon threads, UI updates through {@link Platform#runLater}. */
  static UiScheduler fx() {
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tunescope-ui-background");
      t.setDaemon(true);
      return t;
    });
    return new UiScheduler() {
      @Override
      public void background(Runnable work) {
        pool.execute(work);
      }

      @Override
      public void ui(Runnable update) {
        if (Platform.isFxApplicationThread()) {
          update.run();
        } else {
          Platform.runLater(update);
        }
      }
    };
  }

  /**
   * Runs everything immediately on the calling thread, UI updates one at a time as on the one JavaFX
   * thread: a study's workers may hand in updates at once, and view models are not made for two threads.
   */
  static UiScheduler direct() {
    Object uiThread = new Object();
    return new UiScheduler() {
      @Override
      public void background(Runnable work) {
        work.run();
      }

      @Override
      public void ui(Runnable update) {
        synchronized (uiThread) {
          update.run();
        }
      }
    };
  }
}
