package org.tunescope.ui.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.ImportRecord;
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
  private final ReadOnlyObjectWrapper<ViewedStudy> shown = new ReadOnlyObjectWrapper<>(this, "shown");
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");
  private final Map<String, Double> secondsPerFoldByModel = new HashMap<>();
  /** The trial counted for each number: a resumed study runs its interrupted trials again, under their numbers. */
  private final Map<Integer, Trial> counted = new HashMap<>();
  /** When each running trial started, for an ETA that grows while a trial outlasts the estimate. */
  private final Map<Integer, Instant> runningSince = new HashMap<>();
  private final Clock wallClock;
  /** The window's one long job: this view's study run takes it, and so does a comparison. */
  private final Busy busy = new Busy();
  private static final String STUDY = "a study";

  private volatile StudyRun current;
  private OptionalInt planned = OptionalInt.empty();
  private int workers = 1;
  private Instant startedAt = Instant.EPOCH;
  /** Trials that used up budget: complete, failed or pruned (interrupted ones run again on resume). */
  private int finished;
  private int complete;
  private int interrupted;
  private double totalFitSeconds;
  private long totalFolds;
  private Direction direction = Direction.MAXIMIZE;
  private double bestScore = Double.NaN;

  public RunViewModel(UiScheduler scheduler, Notifications notifications) {
    this(scheduler, notifications, Clock.systemUTC());
  }

  /** A run view whose elapsed time and ETA read {@code clock} (tests move it by hand). */
  RunViewModel(UiScheduler scheduler, Notifications notifications, Clock clock) {
    this.scheduler = scheduler;
    this.notifications = notifications;
    this.wallClock = clock;
    running.addListener((o, was, now) -> {
      if (now) {
        busy.take(STUDY, () -> { }); // cancel() stops a study itself
      } else {
        busy.release(STUDY);
      }
    });
    // Another job (a comparison) shows its progress in the run bar while it holds the window.
    busy.lineProperty().addListener((o, was, line) -> {
      if (!busy.jobProperty().get().equals(STUDY) && !line.isEmpty()) {
        status.set(line);
      }
    });
    busy.jobProperty().addListener((o, was, job) -> {
      if (!job.isEmpty() && !job.equals(STUDY)) {
        progress.set(-1);
      } else if (job.isEmpty() && !was.equals(STUDY)) {
        progress.set(0);
      }
    });
  }

  /** The subject of a study's notifications: they end when the study runs again or leaves the views. */
  private static String subject(String name) {
    return "study:" + name;
  }

  /**
   * Shows a run of a study ({@link StudyService#start}) while it runs in the background; {@code previous}
   * are the trials the study had before. The run's keeper keeps the held-out test score the study's best
   * trial gets when the study ends.
   *
   * @param onFinished called on the UI thread with the result, when the study ends for any reason
   */
  public void start(StudyRun run, List<Trial> previous, Consumer<StudyResult> onFinished) {
    if (running.get()) {
      return;
    }
    if (busy.isBusy()) { // a comparison took the window while the study was being prepared
      notifications.error(busy.refusal("before starting a study"));
      return;
    }
    PreparedStudy prepared = run.prepared();
    current = run;
    // "Cancelled... resume it" and other notes about this study are over once it runs again.
    notifications.end(subject(prepared.study().name()));
    workers = run.workers();
    present(prepared, ViewedStudy.of(prepared), null, List.of());
    heldOut.set(prepared.heldOut().map(h -> "Test: " + h.split().test().length + " rows held out").orElse(""));
    selectedTrial.set(null);
    add(previous);
    startedAt = wallClock.instant();
    running.set(true);
    updateStatus();
    UiBatcher<StudyEvent> batcher = new UiBatcher<>(scheduler, this::apply);
    scheduler.background(() -> {
      StudyResult done;
      try {
        done = run.run(batcher::offer);
      } catch (RuntimeException e) {
        scheduler.ui(() -> {
          running.set(false);
          notifications.error("the study stopped: " + StudyRunner.describe(e),
              subject(prepared.study().name()));
        });
        return;
      }
      StudyResult finalResult = done;
      scheduler.ui(() -> finish(prepared, finalResult, run.keeper(), onFinished));
    });
  }

  /**
   * Asks the study to stop: no new fold starts; trials in the middle end as interrupted. While another job (a
   * comparison) holds the window, cancels that instead.
   */
  public void cancel() {
    StudyRun r = current;
    if (r != null && running.get()) {
      r.cancel();
      status.set("Cancelling: letting running folds finish...");
    } else {
      busy.cancel();
    }
  }

  /**
   * Shows the trials of a study that is not running (a reopened study), with the held-out test score
   * {@code keeper} kept for its best trial; only a study without one refits its best trial (and keeps the
   * score).
   */
  public void show(PreparedStudy prepared, List<Trial> stored, TestScoreKeeper keeper) {
    StudyResult storedResult = new StudyResult(prepared.study(), stored, Duration.ZERO, Optional.empty());
    present(prepared, ViewedStudy.of(prepared), storedResult, stored);
    startedAt = wallClock.instant();
    updateStatus();
    timing.set("stored study");
    checkHeldOut(prepared, storedResult, keeper, true);
  }

  /**
   * Shows a study read from the store without its data (an imported study, or one looked at read-only):
   * its trials in the table and every chart that draws from trials alone. Nothing can refit its trials,
   * so the learning curve and the trees curve stay empty and there is no held-out check.
   *
   * @return false, showing nothing, while a study runs: the running study stays the subject of the views
   */
  public boolean show(ViewedStudy viewed) {
    if (busy.isBusy()) {
      return false;
    }
    endShownNotes();
    present(null, viewed, null, List.of());
    selectedTrial.set(null);
    add(viewed.trials());
    updateStatus();
    heldOut.set("");
    // Short: the run bar has little room; the message line says which file it came from.
    timing.set(viewed.origin().map(o -> "imported from " + (o.origin().equals(ImportRecord.OPTUNA) ? "Optuna"
        : "scikit-learn") + ", read-only").orElse("stored study, read-only"));
    return true;
  }

  /**
   * Adds or replaces trials of the study on show that other processes run (a followed study), in one batch:
   * the table and every chart take them as they take a running study's trials.
   *
   * @return false, changing nothing, when another study is on show or a study runs here
   */
  public boolean merge(String name, List<Trial> changed) {
    ViewedStudy on = shown.get();
    if (running.get() || on == null || !on.name().equals(name)) {
      return false;
    }
    add(changed);
    updateStatus();
    return true;
  }

  private void finish(PreparedStudy prepared, StudyResult done, TestScoreKeeper keeper,
      Consumer<StudyResult> onFinished) {
    running.set(false);
    result.set(done);
    if (totalFolds > 0) {
      secondsPerFoldByModel.put(prepared.model().id(), totalFitSeconds / totalFolds);
    }
    // The run bar and the notification count the same trials: the study's own, as the ledger has them.
    resetCounts();
    add(done.trials());
    updateStatus();
    timing.set("took " + clock(done.elapsed().toMillis() / 1000.0));
    String summary = summary();
    String subject = subject(prepared.study().name());
    if (done.stopReason().isPresent()) {
      String reason = done.stopReason().get();
      if (reason.equals("cancelled")) {
        notifications.info("Study cancelled after " + summary + ". Resume it from the Studies tab"
            + (interrupted > 0 ? " (interrupted trials run again)." : "."), subject);
      } else {
        notifications.error("The study stopped: " + reason + " (" + summary + " kept)", subject);
      }
    } else {
      notifications.info("Study finished: " + summary + ".", subject);
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
      // A score kept for another trial is of an earlier best: the best trial is scored anew.
      Optional<TestScore> kept = useKept ? keeper.keptFor(best) : Optional.empty();
      TestScore t;
      if (kept.isPresent()) {
        t = kept.get();
      } else {
        showHeldOut(prepared, refitting);
        TestScoreKeeper.Scored scored;
        try {
          scored = keeper.score(prepared, best).orElseThrow();
        } catch (RuntimeException e) {
          showHeldOut(prepared, "Test: cannot refit the best trial: " + StudyRunner.describe(e));
          return;
        }
        t = scored.score();
        scored.notKept().ifPresent(why -> scheduler.ui(() ->
            notifications.error("The held-out test score was not kept: " + why)));
      }
      showHeldOut(prepared, String.format(Locale.ROOT, "Test %s %.4f on %d held-out rows (CV %.4f)",
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

  /** Applies a batch of the runner's events (package-private: tests feed events by hand). */
  void apply(List<StudyEvent> batch) {
    for (StudyEvent e : batch) {
      if (e instanceof StudyEvent.TrialStarted s) {
        place(new Trial(s.number(), TrialState.RUNNING, s.params(), List.of(), 0, 0, 0, Optional.empty(), s.at()));
        runningSince.put(s.number(), s.at());
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

  /** Makes a study the views' subject with these trials; {@code prepared} null for one only looked at. */
  private void present(PreparedStudy prepared, ViewedStudy viewed, StudyResult stored, List<Trial> shownTrials) {
    study.set(prepared);
    shown.set(viewed);
    result.set(stored);
    if (viewed != null) {
      direction = viewed.direction();
    }
    planned = prepared == null ? OptionalInt.empty() : prepared.study().plannedTrials();
    clearTrials();
    add(shownTrials);
  }

  /** Shows and counts trials (a trial number already shown is replaced). */
  private void add(List<Trial> more) {
    more.forEach(this::place);
    more.forEach(this::count);
  }

  /** Ends the notes about the study on show: it leaves the views. */
  private void endShownNotes() {
    ViewedStudy before = shown.get();
    if (before != null) {
      notifications.end(subject(before.name()));
    }
  }

  private void clearTrials() {
    trials.clear();
    rowOfTrial.clear();
    resetCounts();
  }

  private void resetCounts() {
    counted.clear();
    runningSince.clear();
    finished = 0;
    complete = 0;
    interrupted = 0;
    totalFitSeconds = 0;
    totalFolds = 0;
    bestScore = Double.NaN;
    best.set("");
  }

  /**
   * Counts a finished trial. A trial number counts once: an interrupted trial run again on resume
   * replaces its earlier run, and interrupted trials use up no budget (the ledger does not count them).
   */
  private void count(Trial t) {
    if (t.state() == TrialState.RUNNING) {
      return;
    }
    runningSince.remove(t.number());
    Trial before = counted.put(t.number(), t);
    if (before != null) {
      tally(before, -1);
    }
    tally(t, 1);
    if (t.isComplete() && direction.isBetter(t.validation().mean(), bestScore)) {
      bestScore = t.validation().mean();
      best.set(String.format(Locale.ROOT, "best %s %.4f (%s), trial %d", shown.get().metric(), bestScore,
          direction.better(), t.number()));
    }
  }

  private void tally(Trial t, int sign) {
    if (t.state() == TrialState.INTERRUPTED) {
      interrupted += sign;
      return;
    }
    finished += sign;
    if (t.isComplete()) {
      complete += sign;
    }
    totalFitSeconds += sign * t.fitSeconds();
    totalFolds += sign * t.folds().size();
  }

  /** The trials done, as the run bar and the study's notifications say it. */
  private String summary() {
    return trialCount() + ", " + complete + " complete" + (interrupted > 0 ? ", " + interrupted + " interrupted" : "");
  }

  private String trialCount() {
    return planned.isPresent() ? finished + " / " + planned.getAsInt() + " trials" : finished + " trials";
  }

  private void updateStatus() {
    progress.set(planned.isEmpty() ? (running.get() ? -1 : 1)
        : Math.min(1, (double) finished / Math.max(1, planned.getAsInt())));
    status.set(trialCount() + (interrupted > 0 ? " (" + interrupted + " interrupted)" : ""));
  }

  /** Refreshes elapsed time and ETA; the view calls it on a timer while running. */
  public void tick() {
    if (!running.get()) {
      return;
    }
    Instant now = wallClock.instant();
    double elapsed = Duration.between(startedAt, now).toMillis() / 1000.0;
    String eta = "";
    if (planned.isPresent() && finished > 0) {
      eta = ", ETA " + clock(remainingSeconds(now));
    }
    timing.set("elapsed " + clock(elapsed) + eta);
  }

  /**
   * The time the rest of the study should take. A running trial that has outlasted the mean trial counts
   * as lasting at least as long as it has run so far, so the ETA grows while a slow trial runs instead of
   * standing still (one slow trial says the others of its kind may be slow too).
   */
  private double remainingSeconds(Instant now) {
    double mean = totalFitSeconds / finished;
    double total = totalFitSeconds;
    List<Double> runningFor = runningSince.values().stream()
        .map(at -> Math.max(0, Duration.between(at, now).toMillis() / 1000.0)).toList();
    for (double s : runningFor) {
      total += Math.max(s, mean);
    }
    double perTrial = total / (finished + runningFor.size());
    double work = Math.max(0, planned.getAsInt() - finished - runningFor.size()) * perTrial;
    for (double s : runningFor) {
      work += Math.max(0, perTrial - s);
    }
    int busy = Math.max(1, Math.min(workers, planned.getAsInt() - finished));
    return work / busy;
  }

  /**
   * An estimate of a study's duration before it runs, from the last run of the same model: its time per
   * fold, times the folds of each planned trial (20 folds cost four times 5).
   */
  public Optional<String> estimate(String modelId, OptionalInt plannedTrials, int folds, int workerCount) {
    Double perFold = secondsPerFoldByModel.get(modelId);
    if (perFold == null || plannedTrials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("about " + clock(perFold * folds * plannedTrials.getAsInt() / Math.max(1, workerCount)));
  }

  /**
   * Takes the current study out of the views (its trials, progress, best score and notes), as a new data
   * set does; the study stays in the store. A running study stays: it is still the subject of the views.
   */
  public void clear() {
    if (running.get()) {
      return;
    }
    endShownNotes();
    present(null, null, null, List.of());
    selectedTrial.set(null);
    heldOut.set("");
    timing.set("");
    progress.set(0);
    status.set("Ready");
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

  /** The window's one long job, which a study run here and a comparison both take (see {@link Busy}). */
  public Busy busy() {
    return busy;
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

  /** The study running or reopened with its data, which can refit its trials; null for a study only looked at. */
  public ReadOnlyObjectProperty<PreparedStudy> studyProperty() {
    return study.getReadOnlyProperty();
  }

  /**
   * The study the table and the charts show: the one running or reopened, or one looked at without its data
   * (an imported study); null when there is none.
   */
  public ReadOnlyObjectProperty<ViewedStudy> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** The trial selected anywhere in the window, by number. */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }
}
