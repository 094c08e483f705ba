package org.tunescope.ui.watch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tunescope.app.OpenStore;
import org.tunescope.app.StudyWatch;
import org.tunescope.app.ViewedStudy;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudySummary;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;
import org.tunescope.ui.studies.StudiesViewModel;

/**
 * Follows the study on show while other processes run it (workers on other machines, or other processes on
 * this one): every {@link #POLL} a background thread reads the trials finished since the last look, and the
 * JavaFX thread merges them into the table and charts in one batch, and the study's line in the Studies tab
 * (no other study is read: the whole list is read again only after a lost connection). A store that stops answering (a lost
 * connection) shows a banner and is opened again after 1, 2, 4, 8, then 15 s; what was shown stays, and the
 * first answer after it brings whatever finished meanwhile.
 *
 * <p>A stored study is followed as soon as it is on show and nothing runs here, when the store is a server
 * others share, or when a file's study has trials running in other processes.
 */
public final class WatchViewModel {

  /** How often a followed study is read. */
  static final Duration POLL = Duration.ofSeconds(2);
  /** How long to wait before the n-th attempt to reach a store again (the last one repeats). */
  private static final int[] BACKOFF_SECONDS = {1, 2, 4, 8, 15};

  private final OpenStore store;
  private final RunViewModel run;
  private final StudiesViewModel studies;
  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tunescope-watch");
    t.setDaemon(true);
    return t;
  });
  /** Which following is current: a poll of an earlier one (another study, stopped) changes nothing. */
  private final AtomicLong generation = new AtomicLong();

  private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
  /** The followed study's name; empty when none is. UI thread only. */
  private String followed = "";
  private final ReadOnlyIntegerWrapper workers = new ReadOnlyIntegerWrapper(this, "workers");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper lost = new ReadOnlyStringWrapper(this, "lost", "");

  public WatchViewModel(OpenStore store, RunViewModel run, StudiesViewModel studies, UiScheduler scheduler,
      Notifications notifications) {
    this.store = store;
    this.run = run;
    this.studies = studies;
    this.scheduler = scheduler;
    this.notifications = notifications;
    run.shownProperty().addListener((o, before, now) -> onShown(now));
    run.runningProperty().addListener((o, was, running) -> {
      if (running) {
        stop();
      }
    });
  }

  /** A study came on show (or none): follow it if others may be running it. */
  private void onShown(ViewedStudy now) {
    if (now != null && now.name().equals(followed) && following.get()) {
      return;
    }
    stop();
    if (now == null || now.isImported() || run.runningProperty().get()) {
      return;
    }
    if (store.isShared()) {
      follow(now.name());
      return;
    }
    String name = now.name();
    scheduler.background(() -> {
      boolean othersRun;
      try {
        othersRun = store.summary(name).running() > 0;
      } catch (StoreException e) {
        return;
      }
      if (othersRun) {
        scheduler.ui(() -> {
          ViewedStudy shown = run.shownProperty().get();
          if (shown != null && shown.name().equals(name) && !run.runningProperty().get() && !following.get()) {
            follow(name);
          }
        });
      }
    });
  }

  /** Follows the study of that name (it should be on show); call on the UI thread. */
  public void follow(String name) {
    stop();
    long gen = generation.get();
    following.set(true);
    followed = name;
    status.set("Following " + name + " in " + store.address() + "...");
    StudyWatch watch = new StudyWatch(store, name);
    timer.execute(() -> poll(gen, watch, 0));
  }

  /** Stops following; a poll under way is ignored when it answers. */
  public void stop() {
    generation.incrementAndGet();
    following.set(false);
    followed = "";
    workers.set(0);
    status.set("");
    lost.set("");
  }

  /** One poll on the timer's thread; {@code failures} in a row before it. */
  private void poll(long gen, StudyWatch watch, int failures) {
    if (gen != generation.get()) {
      return;
    }
    StudyWatch.Update update;
    try {
      update = watch.poll();
    } catch (StoreException e) {
      if (e.reason() == StoreException.Reason.UNKNOWN_STUDY) {
        scheduler.ui(() -> {
          if (gen == generation.get()) {
            stop();
            notifications.error("stopped following " + watch.study() + ": it is not in " + store.address() + " any more");
          }
        });
        return;
      }
      waitThenRetry(gen, watch, failures + 1, BACKOFF_SECONDS[Math.min(failures, BACKOFF_SECONDS.length - 1)]);
      return;
    } catch (RuntimeException e) {
      // A store that answers nonsense is like one that does not answer: it is tried again, nothing is lost.
      waitThenRetry(gen, watch, failures + 1, BACKOFF_SECONDS[Math.min(failures, BACKOFF_SECONDS.length - 1)]);
      return;
    }
    scheduler.ui(() -> apply(gen, update));
    timer.schedule(() -> poll(gen, watch, 0), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Shows the banner counting down, then opens the store again and polls. */
  private void waitThenRetry(long gen, StudyWatch watch, int failures, int seconds) {
    if (gen != generation.get()) {
      return;
    }
    String text = (store.isShared() ? "Lost connection to " : "Cannot read ") + store.address() + " - retrying in "
        + seconds + " s";
    scheduler.ui(() -> {
      if (gen == generation.get()) {
        lost.set(text);
      }
    });
    if (seconds > 0) {
      timer.schedule(() -> waitThenRetry(gen, watch, failures, seconds - 1), 1, TimeUnit.SECONDS);
      return;
    }
    try {
      store.reopen();
    } catch (RuntimeException e) {
      waitThenRetry(gen, watch, failures + 1, BACKOFF_SECONDS[Math.min(failures, BACKOFF_SECONDS.length - 1)]);
      return;
    }
    poll(gen, watch, failures);
  }

  /** Merges an answer into the views, on the UI thread. */
  private void apply(long gen, StudyWatch.Update update) {
    if (gen != generation.get()) {
      return;
    }
    boolean wasLost = !lost.get().isEmpty();
    lost.set("");
    if (!update.trials().isEmpty() && !run.merge(update.study(), update.trials())) {
      // Another study is on show, or one runs here: this one is not followed any more.
      stop();
      return;
    }
    workers.set(update.workers());
    StudySummary s = update.summary();
    status.set(String.format(Locale.ROOT, "Following %s in %s: %d %s active, %d running, %d%s done", s.name(),
        store.address(), update.workers(), update.workers() == 1 ? "worker" : "workers", s.running(), s.done(),
        s.planned().isPresent() ? " / " + s.planned().getAsInt() : ""));
    if (wasLost) {
      // Others may have added or deleted studies while the store was away.
      studies.refresh();
    } else {
      studies.update(s);
    }
  }

  /** Whether a study is followed. */
  public ReadOnlyBooleanProperty followingProperty() {
    return following.getReadOnlyProperty();
  }

  /** How many workers run the followed study's trials now. */
  public ReadOnlyIntegerProperty workersProperty() {
    return workers.getReadOnlyProperty();
  }

  /** The status line of the followed study (workers, running, done); empty when none is followed. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The lost-connection banner, counting down to the next attempt; empty while the store answers. */
  public ReadOnlyStringProperty lostProperty() {
    return lost.getReadOnlyProperty();
  }
}
