package org.tunescope.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tunescope.app.StudyRun;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.StoreException;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiBatcher;
import org.tunescope.ui.UiScheduler;

/** The run's state as the window shows it, with the study run on the test's thread. */
class RunViewModelTest {

  private static PreparedStudy knnStudy(int trials) {
    return knnStudy(trials, java.util.OptionalDouble.empty());
  }

  private static PreparedStudy knnStudy(int trials, java.util.OptionalDouble testFraction) {
    LoadedData iris = DataLoader.load(Path.of("sample-datasets/iris.csv"));
    TuningRequest request = TuningRequest.builder("knn-iris", "target", "knn")
        .ranges(Map.of("k", new Distribution.IntRange(1, 30, false))).fixOthers(true).search(SearchMethod.RANDOM)
        .budget(Budget.trials(trials)).seed(1).testFraction(testFraction).build();
    return new TuningSetup(ModelCatalog.standard()).prepare(request, iris.table(), iris.file(), iris.sha256());
  }

  @Test
  void aFinishedStudyFillsTheTableProgressAndBestScore() {
    Notifications notifications = new Notifications();
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), notifications);
    List<StudyResult> finished = new ArrayList<>();
    start(vm, knnStudy(8), 2, List.of(), finished::add);
    assertFalse(vm.runningProperty().get());
    assertEquals(1, finished.size());
    assertEquals(8, vm.trials().size());
    assertTrue(vm.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    assertEquals(1.0, vm.progressProperty().get(), 1e-12);
    assertEquals("8 / 8 trials", vm.statusProperty().get());
    double best = finished.get(0).best().orElseThrow().validation().mean();
    assertTrue(vm.bestProperty().get().startsWith(String.format(java.util.Locale.ROOT,
        "best accuracy %.4f (higher is better)", best)),
        vm.bestProperty().get());
    assertTrue(notifications.messageProperty().get().startsWith("Study finished: 8 / 8 trials, 8 complete"));
    assertTrue(vm.estimate("knn", OptionalInt.of(100), 5, 2).isPresent(), "later runs of knn get an estimate");
    assertTrue(vm.estimate("svm", OptionalInt.of(100), 5, 2).isEmpty());
  }

  @Test
  void aStudyWithATestSplitScoresItsBestTrialOnTheHeldOutRowsWhenItEnds() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    PreparedStudy study = knnStudy(5, java.util.OptionalDouble.of(0.2));
    assertEquals(120, study.problem().rows(), "tuning sees 4/5 of iris");
    List<StudyResult> finished = new ArrayList<>();
    start(vm, study, 1, List.of(), finished::add);
    var expected = study.heldOutCheck(finished.get(0).best().orElseThrow()).orElseThrow();
    assertEquals(30, expected.testRows());
    assertEquals(String.format(java.util.Locale.ROOT, "Test accuracy %.4f on 30 held-out rows (CV %.4f)",
        expected.test(), expected.validation()), vm.heldOutProperty().get());
    start(vm, knnStudy(2), 1, List.of(), finished::add);
    assertEquals("", vm.heldOutProperty().get(), "a study without a test split shows none");
  }

  /** A keeper in memory that counts what it is asked. */
  private static final class Kept implements TestScoreKeeper {
    Optional<TestScore> score = Optional.empty();
    final List<TestScore> keeps = new ArrayList<>();
    boolean failToKeep;

    @Override
    public Optional<TestScore> kept() {
      return score;
    }

    @Override
    public void keep(TestScore s) {
      if (failToKeep) {
        throw new StoreException("the disk is full: cannot write to the store studies.db");
      }
      keeps.add(s);
      score = Optional.of(s);
    }
  }

  private static String shown(TestScore t) {
    return String.format(java.util.Locale.ROOT, "Test %s %.4f on %d held-out rows (CV %.4f)", t.metric(), t.test(),
        t.testRows(), t.validation());
  }

  @Test
  void theHeldOutScoreOfAFinishedStudyIsKeptAndAReopenedStudyShowsTheKeptScoreWithoutRefitting() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    PreparedStudy study = knnStudy(5, java.util.OptionalDouble.of(0.2));
    Kept keeper = new Kept();
    List<StudyResult> finished = new ArrayList<>();
    vm.start(StudyRun.inMemory(study, 1, List.of(), keeper), List.of(), finished::add);
    Trial best = finished.get(0).best().orElseThrow();
    var expected = study.heldOutCheck(best).orElseThrow();
    assertEquals(List.of(expected), keeper.keeps, "the score is kept once the refit is done");
    assertEquals(best.number(), keeper.keeps.get(0).trial());

    // Reopened: a score kept for the best trial is shown as it is (this one no refit could give).
    Kept stored = new Kept();
    stored.score = Optional.of(new TestScore("accuracy", best.number(), best.params(), 0.9, 0.95,
        0.1234, 120, 30, 0.2, 1));
    vm.show(study, finished.get(0).trials(), stored);
    assertEquals("Test accuracy 0.1234 on 30 held-out rows (CV 0.9500)", vm.heldOutProperty().get());
    assertEquals(List.of(), stored.keeps, "nothing refitted, nothing kept");

    // A score kept for another trial is an earlier best's: the best trial is refitted and its score kept.
    Kept stale = new Kept();
    stale.score = Optional.of(new TestScore("accuracy", best.number() + 1, best.params(), 0.9, 0.95,
        0.1234, 120, 30, 0.2, 1));
    vm.show(study, finished.get(0).trials(), stale);
    assertEquals(shown(expected), vm.heldOutProperty().get());
    assertEquals(List.of(expected), stale.keeps);
  }

  @Test
  void aScoreTheStoreCannotKeepIsStillShownAndTheUserIsTold() {
    Notifications notifications = new Notifications();
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), notifications);
    PreparedStudy study = knnStudy(3, java.util.OptionalDouble.of(0.2));
    Kept keeper = new Kept();
    keeper.failToKeep = true;
    List<StudyResult> finished = new ArrayList<>();
    vm.start(StudyRun.inMemory(study, 1, List.of(), keeper), List.of(), finished::add);
    var expected = study.heldOutCheck(finished.get(0).best().orElseThrow()).orElseThrow();
    assertEquals(shown(expected), vm.heldOutProperty().get());
    assertEquals("The held-out test score was not kept: the disk is full: cannot write to the store studies.db",
        notifications.messageProperty().get());
  }

  @Test
  void resumedStudiesShowPreviousTrialsAndRunOnlyTheRest() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    List<StudyResult> results = new ArrayList<>();
    start(vm, knnStudy(4), 1, List.of(), results::add);
    start(vm, knnStudy(10), 2, results.get(0).trials(), results::add);
    assertEquals(10, vm.trials().size());
    assertEquals(results.get(0).trials(), results.get(1).trials().subList(0, 4), "the first four are kept as they were");
  }

  @Test
  void eventsReachTheUiInBatchesNotOneUpdatePerEvent() {
    org.tunescope.ui.QueuedScheduler queued = new org.tunescope.ui.QueuedScheduler();
    List<Runnable> pendingUiWork = queued.pending();
    List<List<Integer>> batches = new ArrayList<>();
    UiBatcher<Integer> batcher = new UiBatcher<>(queued, batches::add);
    for (int i = 0; i < 1000; i++) {
      batcher.offer(i);
    }
    assertEquals(1, pendingUiWork.size(), "one UI update pending, however many events");
    pendingUiWork.remove(0).run();
    assertEquals(1, batches.size());
    assertEquals(1000, batches.get(0).size());
    batcher.offer(1000);
    assertEquals(1, pendingUiWork.size());
  }

  // --- counts, ETA and estimates (issue 19, items 4, 6 and 10)

  private static Trial interrupted(int number) {
    return new Trial(number, TrialState.INTERRUPTED, Map.of("k", 3L), List.of(), 0, 0.4, 0,
        Optional.of("cancelled before all folds ran"), java.time.Instant.now());
  }

  @Test
  void aResumedStudyCountsItsInterruptedTrialsOnceAndTheRunBarAgreesWithTheNotification() {
    Notifications notifications = new Notifications();
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), notifications);
    List<StudyResult> results = new ArrayList<>();
    start(vm, knnStudy(6), 1, List.of(), results::add);
    // As a cancelled first run leaves it: four trials done, two interrupted in the middle of their folds.
    List<Trial> previous = new ArrayList<>(results.get(0).trials().subList(0, 4));
    previous.add(interrupted(4));
    previous.add(interrupted(5));

    vm.show(knnStudy(6), previous, TestScoreKeeper.NONE);
    assertEquals("4 / 6 trials (2 interrupted)", vm.statusProperty().get(), "interrupted trials use no budget");

    start(vm, knnStudy(6), 1, previous, results::add);
    assertEquals(6, results.get(1).trials().size(), "the two interrupted trials ran again");
    assertEquals(6, vm.trials().size());
    assertEquals("6 / 6 trials", vm.statusProperty().get(), "each trial counted once, not 8 / 6");
    assertEquals(1.0, vm.progressProperty().get(), 1e-12);
    assertEquals("Study finished: 6 / 6 trials, 6 complete.", notifications.messageProperty().get(),
        "the notification counts as the run bar does");
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends java.time.Clock {
    java.time.Instant now = java.time.Instant.parse("2026-12-05T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  private static double etaSeconds(RunViewModel vm) {
    String timing = vm.timingProperty().get();
    String eta = timing.substring(timing.indexOf("ETA ") + 4);
    if (eta.endsWith(" s")) {
      return Double.parseDouble(eta.substring(0, eta.length() - 2));
    }
    String[] parts = eta.split(":");
    double s = 0;
    for (String p : parts) {
      s = s * 60 + Integer.parseInt(p);
    }
    return s;
  }

  @Test
  void theEtaGrowsWhileATrialOutlastsIt() {
    HandClock clock = new HandClock();
    // The study never runs: the test plays the runner's events, with the clock where it wants it.
    UiScheduler held = new UiScheduler() {
      @Override
      public void background(Runnable work) {
      }

      @Override
      public void ui(Runnable update) {
        update.run();
      }
    };
    RunViewModel vm = new RunViewModel(held, new Notifications(), clock);
    start(vm, knnStudy(10), 1, List.of(), r -> { });
    java.time.Instant t0 = clock.instant();
    Trial first = new Trial(0, TrialState.COMPLETE, Map.of("k", 3L),
        List.of(new org.tunescope.engine.study.FoldScore(0.9, 0.8)), 0, 1.0, 0, Optional.empty(), t0);
    vm.apply(List.of(new org.tunescope.engine.study.StudyEvent.TrialStarted(0, Map.of("k", 3L), t0),
        new org.tunescope.engine.study.StudyEvent.TrialFinished(first)));
    clock.now = t0.plusSeconds(1);
    vm.apply(List.of(new org.tunescope.engine.study.StudyEvent.TrialStarted(1, Map.of("k", 29L), clock.now)));
    vm.tick();
    double atStart = etaSeconds(vm);
    assertEquals(9, atStart, 0.05, "nine trials of a second each to go");
    List<Double> etas = new ArrayList<>();
    for (int s = 10; s <= 130; s += 30) {
      clock.now = t0.plusSeconds(1 + s);
      vm.tick();
      etas.add(etaSeconds(vm));
    }
    for (int i = 1; i < etas.size(); i++) {
      assertTrue(etas.get(i) > etas.get(i - 1), "the ETA grows while trial 1 runs on: " + etas);
    }
    assertTrue(etas.get(etas.size() - 1) > 8 * 60, "after 130 s on one trial, eight more cannot take 1 s each: "
        + etas);
  }

  @Test
  void theDurationEstimateScalesWithTheFolds() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    start(vm, knnStudy(4), 1, List.of(), r -> { });
    String five = vm.estimate("knn", OptionalInt.of(4000), 5, 1).orElseThrow();
    String twenty = vm.estimate("knn", OptionalInt.of(4000), 20, 1).orElseThrow();
    assertEquals(4 * clockSeconds(five), clockSeconds(twenty), 4 * 1.0 + 0.05 * clockSeconds(twenty),
        five + " for 5 folds, " + twenty + " for 20");
  }

  private static double clockSeconds(String about) {
    String t = about.replace("about ", "");
    if (t.endsWith(" s")) {
      return Double.parseDouble(t.substring(0, t.length() - 2));
    }
    double s = 0;
    for (String p : t.split(":")) {
      s = s * 60 + Integer.parseInt(p);
    }
    return s;
  }

  @Test
  void aCancelledStudysNotificationEndsWhenTheStudyIsResumed() throws Exception {
    Notifications notifications = new Notifications();
    Object uiThread = new Object();
    UiScheduler threads = new UiScheduler() {
      @Override
      public void background(Runnable work) {
        Thread t = new Thread(work, "test-background");
        t.setDaemon(true);
        t.start();
      }

      @Override
      public void ui(Runnable update) {
        synchronized (uiThread) {
          update.run();
        }
      }
    };
    RunViewModel vm = new RunViewModel(threads, notifications);
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    vm.trials().addListener((javafx.collections.ListChangeListener<Trial>) c -> done.set(vm.trials().size()));
    List<String> shownWhenResumed = new ArrayList<>();
    vm.runningProperty().addListener((o, was, is) -> {
      if (is) {
        shownWhenResumed.add(notifications.messageProperty().get());
      }
    });
    java.util.concurrent.BlockingQueue<StudyResult> ended = new java.util.concurrent.LinkedBlockingQueue<>();

    synchronized (uiThread) {
      start(vm, knnStudy(100_000), 1, List.of(), ended::add);
    }
    while (done.get() < 3) {
      Thread.sleep(10);
    }
    synchronized (uiThread) {
      vm.cancel();
    }
    StudyResult first = ended.poll(60, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(notifications.messageProperty().get().startsWith("Study cancelled after"),
        notifications.messageProperty().get());

    synchronized (uiThread) {
      start(vm, knnStudy(100_000), 1, first.trials(), ended::add);
      vm.cancel();
    }
    assertEquals("", shownWhenResumed.get(1), "the \"cancelled, resume it\" note is over once the study runs again");
    ended.poll(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void theWindowsRunClosesTheObjectiveWhenTheStudyEnds() {
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    TuningRequest request = TuningRequest.builder("svm", "target", "svm").fixOthers(true)
        .ranges(Map.of("kernel", new Distribution.Choice(List.of("rbf")), "gamma", new Distribution.Choice(List.of(0.1))))
        .folds(3).build();
    PreparedStudy study = new TuningSetup(ModelCatalog.standard()).prepare(request, cancer.table(), cancer.file(),
        cancer.sha256());
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    start(vm, study, 1, List.of(), r -> { });
    assertEquals(1, vm.trials().size());
    assertEquals(0, org.tunescope.ml.tuning.ObjectiveProbe.distanceBytes(study.objective()),
        "the fold distances the trials shared are freed");
  }

  /** Starts a study kept in memory only; {@code previous} trials are shown at once and not run again. */
  private static void start(RunViewModel vm, PreparedStudy prepared, int workers, List<Trial> previous,
      java.util.function.Consumer<StudyResult> onFinished) {
    vm.start(StudyRun.inMemory(prepared, workers, previous, TestScoreKeeper.NONE), previous, onFinished);
  }
}
