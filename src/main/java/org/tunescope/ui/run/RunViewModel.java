package org.tunescope.ui.run;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.tuning.HeldOutCheck;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.StoreException;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiBatcher;
import org.tunescope.ui.UiScheduler;

/**
 * A running (or finished) study as the window shows it: the live trials, progress, elapsed time, ETA
 * and best score. The study runs on background threads; its events reach the JavaFX thread in batches.
 * The selected trial is shared by every view (table, charts).
 */
public final class RunViewModel {

  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final ObservableList<Trial> trials = FXCollections.observableArrayList();
  private final Map<Integer, Integer> rowOfTrial = new HashMap<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
  private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
  private final ReadOnlyStringWrapper best = new ReadOnlyStringWrapper(this, "best", "");
  private final ReadOnlyStringWrapper heldOut = new ReadOnlyStringWrapper(this, "heldOut", "");
  private final ReadOnlyObjectWrapper<StudyResult> result = new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyObjectWrapper<PreparedStudy> study = new ReadOnlyObjectWrapper<>(this, "study");
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");
  private final Map<String, Double> meanFitSecondsByModel = new HashMap<>();

  private volatile StudyRunner runner;
  private OptionalInt planned = OptionalInt.empty();
  private int workers = 1;
  private long startNanos;
  private int finished;
  private double totalFitSeconds;
  private Direction direction = Direction.MAXIMIZE;
  private double bestScore = Double.NaN;

  public RunViewModel(UiScheduler scheduler, Notifications notifications) {
    this.scheduler = scheduler;
    this.notifications = notifications;
  }

  /**
   * Starts a study in the background. {@code previous} trials (a resumed study) are shown at once and
   * not run again.
   *
   * @param onFinished called on the UI thread with the result, when the study ends for any reason
   */
  public void start(PreparedStudy prepared, int workerCount, List<Trial> previous, Consumer<StudyResult> onFinished) {
    start(prepared, workerCount, new org.tunescope.engine.study.InMemoryTrialLedger(previous), TestScoreKeeper.NONE,
        previous, onFinished);
  }

  /**
   * Starts a study whose trials a ledger (a store) keeps; {@code previous} are the trials it already has.
   *
   * @param keeper keeps the held-out test score the study's best trial gets when the study ends
   */
  public void start(PreparedStudy prepared, int workerCount, TrialLedger ledger, TestScoreKeeper keeper,
      List<Trial> previous, Consumer<StudyResult> onFinished) {
    if (running.get()) {
      return;
    }
    StudyRunner r = new StudyRunner(workerCount);
    runner = r;
    study.set(prepared);
    result.set(null);
    workers = workerCount;
    planned = prepared.study().plannedTrials();
    direction = prepared.study().direction();
    trials.clear();
    rowOfTrial.clear();
    finished = 0;
    totalFitSeconds = 0;
    bestScore = Double.NaN;
    best.set("");
    heldOut.set(prepared.heldOut().map(h -> "Test: " + h.split().test().length + " rows held out").orElse(""));
    selectedTrial.set(null);
    previous.forEach(this::place);
    previous.forEach(this::count);
    startNanos = System.nanoTime();
    running.set(true);
    updateStatus();
    UiBatcher<StudyEvent> batcher = new UiBatcher<>(scheduler, this::apply);
    scheduler.background(() -> {
      StudyResult done;
      try {
        done = r.run(prepared.study(), prepared.objective().forWorkers(workerCount), batcher::offer, ledger);
      } catch (RuntimeException e) {
        scheduler.ui(() -> {
          running.set(false);
          notifications.error("the study stopped: " + StudyRunner.describe(e));
        });
        return;
      }
      StudyResult finalResult = done;
      scheduler.ui(() -> finish(prepared, finalResult, keeper, onFinished));
    });
  }

  /** Asks the study to stop: no new fold starts; trials in the middle end as interrupted. */
  public void cancel() {
    StudyRunner r = runner;
    if (r != null && running.get()) {
      r.cancel();
      status.set("Cancelling: letting running folds finish...");
    }
  }

  /**
   * Shows the trials of a study that is not running (a reopened study), with the held-out test score
   * {@code keeper} kept for its best trial; only a study without one refits its best trial (and keeps the
   * score).
   */
  public void show(PreparedStudy prepared, List<Trial> stored, TestScoreKeeper keeper) {
    show(prepared, new StudyResult(prepared.study(), stored, java.time.Duration.ZERO, Optional.empty()), keeper);
    timing.set("stored study");
  }

  /** Shows a study's result, as it ended. */
  private void show(PreparedStudy prepared, StudyResult stored, TestScoreKeeper keeper) {
    study.set(prepared);
    result.set(stored);
    direction = prepared.study().direction();
    planned = prepared.study().plannedTrials();
    trials.clear();
    rowOfTrial.clear();
    finished = 0;
    totalFitSeconds = 0;
    bestScore = Double.NaN;
    stored.trials().forEach(this::place);
    stored.trials().forEach(this::count);
    startNanos = System.nanoTime() - stored.elapsed().toNanos();
    updateStatus();
    timing.set("took " + clock(stored.elapsed().toMillis() / 1000.0));
    checkHeldOut(prepared, stored, keeper, true);
  }

  private void finish(PreparedStudy prepared, StudyResult done, TestScoreKeeper keeper,
      Consumer<StudyResult> onFinished) {
    running.set(false);
    result.set(done);
    if (finished > 0) {
      meanFitSecondsByModel.put(prepared.model().id(), totalFitSeconds / finished);
    }
    updateStatus();
    timing.set("took " + clock(done.elapsed().toMillis() / 1000.0));
    String summary = done.trials().size() + " trials, " + done.leaderboard().size() + " complete";
    if (done.stopReason().isPresent()) {
      String reason = done.stopReason().get();
      if (reason.equals("cancelled")) {
        notifications.info("Study cancelled after " + summary + ". Resume it from the Studies tab.");
      } else {
        notifications.error("The study stopped: " + reason + " (" + summary + " kept)");
      }
    } else {
      notifications.info("Study finished: " + summary + ".");
    }
    checkHeldOut(prepared, done, keeper, false);
    onFinished.accept(done);
  }

  /**
   * Shows the best trial's score on the study's held-out test rows. With {@code useKept}, the score the
   * keeper has for that trial is shown as it is; otherwise the trial is refitted on every tuning row and
   * scored once on the test rows, as the command line's {@code --test-fraction} does, and the keeper keeps
   * the score. The keeper and the refit work in the background.
   */
  private void checkHeldOut(PreparedStudy prepared, StudyResult done, TestScoreKeeper keeper, boolean useKept) {
    if (prepared.heldOut().isEmpty()) {
      heldOut.set("");
      return;
    }
    Optional<Trial> top = done.best();
    if (top.isEmpty()) {
      heldOut.set("Test: no complete trial to check");
      return;
    }
    Trial best = top.get();
    String refitting = "Test: refitting trial " + best.number() + "...";
    heldOut.set(useKept ? "Test: " + prepared.heldOut().get().split().test().length + " rows held out" : refitting);
    scheduler.background(() -> {
      Optional<HeldOutCheck.TestScore> kept = Optional.empty();
      if (useKept) {
        try {
          // A score kept for another trial is of an earlier best: the best trial is scored anew.
          kept = keeper.kept().filter(k -> k.trial() == best.number());
        } catch (StoreException e) {
          // Unreadable: refitting gives the score all the same.
        }
      }
      HeldOutCheck.TestScore t;
      if (kept.isPresent()) {
        t = kept.get();
      } else {
        showHeldOut(prepared, refitting);
        try {
          t = prepared.heldOutCheck(best).orElseThrow();
        } catch (RuntimeException e) {
          showHeldOut(prepared, "Test: cannot refit the best trial: " + StudyRunner.describe(e));
          return;
        }
        try {
          keeper.keep(t);
        } catch (StoreException e) {
          scheduler.ui(() -> notifications.error("The held-out test score was not kept: " + e.getMessage()));
        }
      }
      showHeldOut(prepared, String.format(java.util.Locale.ROOT, "Test %s %.4f on %d held-out rows (CV %.4f)",
          t.metric(), t.test(), t.testRows(), t.validation()));
    });
  }

  /** Shows a held-out message from the background, unless another study is shown by then. */
  private void showHeldOut(PreparedStudy prepared, String message) {
    scheduler.ui(() -> {
      if (study.get() == prepared) {
        heldOut.set(message);
      }
    });
  }

  /** The best trial's score on the held-out test rows, once the study has ended; empty without a test split. */
  public ReadOnlyStringProperty heldOutProperty() {
    return heldOut.getReadOnlyProperty();
  }

  private void apply(List<StudyEvent> batch) {
    for (StudyEvent e : batch) {
      if (e instanceof StudyEvent.TrialStarted s) {
        place(new Trial(s.number(), TrialState.RUNNING, s.params(), List.of(), 0, 0, 0, Optional.empty(), s.at()));
      } else if (e instanceof StudyEvent.TrialFinished f) {
        place(f.trial());
        count(f.trial());
      }
    }
    updateStatus();
    tick();
  }

  private void place(Trial t) {
    Integer row = rowOfTrial.get(t.number());
    if (row == null) {
      rowOfTrial.put(t.number(), trials.size());
      trials.add(t);
    } else {
      trials.set(row, t);
    }
  }

  private void count(Trial t) {
    if (t.state() == TrialState.RUNNING) {
      return;
    }
    finished++;
    totalFitSeconds += t.fitSeconds();
    if (t.isComplete() && direction.isBetter(t.validation().mean(), bestScore)) {
      bestScore = t.validation().mean();
      best.set(String.format(Locale.ROOT, "best %.4f (trial %d)", bestScore, t.number()));
    }
  }

  private void updateStatus() {
    if (planned.isPresent()) {
      progress.set(Math.min(1, (double) finished / Math.max(1, planned.getAsInt())));
      status.set(finished + " / " + planned.getAsInt() + " trials");
    } else {
      progress.set(running.get() ? -1 : 1);
      status.set(finished + " trials");
    }
  }

  /** Refreshes elapsed time and ETA; the view calls it on a timer while running. */
  public void tick() {
    if (!running.get()) {
      return;
    }
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    String eta = "";
    if (planned.isPresent() && finished > 0) {
      double perTrial = totalFitSeconds / finished / Math.max(1, workers);
      eta = ", ETA " + clock(Math.max(0, planned.getAsInt() - finished) * perTrial);
    }
    timing.set("elapsed " + clock(elapsed) + eta);
  }

  /** An estimate of a study's duration before it runs, from the last run of the same model. */
  public Optional<String> estimate(String modelId, OptionalInt plannedTrials, int workerCount) {
    Double perTrial = meanFitSecondsByModel.get(modelId);
    if (perTrial == null || plannedTrials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("about " + clock(perTrial * plannedTrials.getAsInt() / Math.max(1, workerCount)));
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  public ObservableList<Trial> trials() {
    return trials;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty timingProperty() {
    return timing.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty bestProperty() {
    return best.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<StudyResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PreparedStudy> studyProperty() {
    return study.getReadOnlyProperty();
  }

  /** The trial selected anywhere in the window, by number. */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }
}
