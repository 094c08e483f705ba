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
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.InMemoryTrialLedger;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.HeldOutCheck;
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
    TuningRequest request = new TuningRequest("knn-iris", "target", Optional.empty(), "knn",
        Map.of("k", new Distribution.IntRange(1, 30, false)), true, Optional.empty(), SearchMethod.RANDOM, 5,
        Budget.trials(trials), 5, 1, Optional.empty(), 1, testFraction);
    return new TuningSetup(ModelCatalog.standard()).prepare(request, iris.table(), iris.file(), iris.sha256());
  }

  @Test
  void aFinishedStudyFillsTheTableProgressAndBestScore() {
    Notifications notifications = new Notifications();
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), notifications);
    List<StudyResult> finished = new ArrayList<>();
    vm.start(knnStudy(8), 2, List.of(), finished::add);
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
    assertTrue(notifications.messageProperty().get().startsWith("Study finished: 8 trials"));
    assertTrue(vm.estimate("knn", OptionalInt.of(100), 2).isPresent(), "later runs of knn get an estimate");
    assertTrue(vm.estimate("svm", OptionalInt.of(100), 2).isEmpty());
  }

  @Test
  void aStudyWithATestSplitScoresItsBestTrialOnTheHeldOutRowsWhenItEnds() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    PreparedStudy study = knnStudy(5, java.util.OptionalDouble.of(0.2));
    assertEquals(120, study.problem().rows(), "tuning sees 4/5 of iris");
    List<StudyResult> finished = new ArrayList<>();
    vm.start(study, 1, List.of(), finished::add);
    var expected = study.heldOutCheck(finished.get(0).best().orElseThrow()).orElseThrow();
    assertEquals(30, expected.testRows());
    assertEquals(String.format(java.util.Locale.ROOT, "Test accuracy %.4f on 30 held-out rows (CV %.4f)",
        expected.test(), expected.validation()), vm.heldOutProperty().get());
    vm.start(knnStudy(2), 1, List.of(), finished::add);
    assertEquals("", vm.heldOutProperty().get(), "a study without a test split shows none");
  }

  /** A keeper in memory that counts what it is asked. */
  private static final class Kept implements TestScoreKeeper {
    Optional<HeldOutCheck.TestScore> score = Optional.empty();
    final List<HeldOutCheck.TestScore> keeps = new ArrayList<>();
    boolean failToKeep;

    @Override
    public Optional<HeldOutCheck.TestScore> kept() {
      return score;
    }

    @Override
    public void keep(HeldOutCheck.TestScore s) {
      if (failToKeep) {
        throw new StoreException("the disk is full: cannot write to the store studies.db");
      }
      keeps.add(s);
      score = Optional.of(s);
    }
  }

  private static String shown(HeldOutCheck.TestScore t) {
    return String.format(java.util.Locale.ROOT, "Test %s %.4f on %d held-out rows (CV %.4f)", t.metric(), t.test(),
        t.testRows(), t.validation());
  }

  @Test
  void theHeldOutScoreOfAFinishedStudyIsKeptAndAReopenedStudyShowsTheKeptScoreWithoutRefitting() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    PreparedStudy study = knnStudy(5, java.util.OptionalDouble.of(0.2));
    Kept keeper = new Kept();
    List<StudyResult> finished = new ArrayList<>();
    vm.start(study, 1, new InMemoryTrialLedger(List.of()), keeper, List.of(), finished::add);
    Trial best = finished.get(0).best().orElseThrow();
    var expected = study.heldOutCheck(best).orElseThrow();
    assertEquals(List.of(expected), keeper.keeps, "the score is kept once the refit is done");
    assertEquals(best.number(), keeper.keeps.get(0).trial());

    // Reopened: a score kept for the best trial is shown as it is (this one no refit could give).
    Kept stored = new Kept();
    stored.score = Optional.of(new HeldOutCheck.TestScore("accuracy", best.number(), best.params(), 0.9, 0.95,
        0.1234, 120, 30, 0.2, 1));
    vm.show(study, finished.get(0).trials(), stored);
    assertEquals("Test accuracy 0.1234 on 30 held-out rows (CV 0.9500)", vm.heldOutProperty().get());
    assertEquals(List.of(), stored.keeps, "nothing refitted, nothing kept");

    // A score kept for another trial is an earlier best's: the best trial is refitted and its score kept.
    Kept stale = new Kept();
    stale.score = Optional.of(new HeldOutCheck.TestScore("accuracy", best.number() + 1, best.params(), 0.9, 0.95,
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
    vm.start(study, 1, new InMemoryTrialLedger(List.of()), keeper, List.of(), finished::add);
    var expected = study.heldOutCheck(finished.get(0).best().orElseThrow()).orElseThrow();
    assertEquals(shown(expected), vm.heldOutProperty().get());
    assertEquals("The held-out test score was not kept: the disk is full: cannot write to the store studies.db",
        notifications.messageProperty().get());
  }

  @Test
  void resumedStudiesShowPreviousTrialsAndRunOnlyTheRest() {
    RunViewModel vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    List<StudyResult> results = new ArrayList<>();
    vm.start(knnStudy(4), 1, List.of(), results::add);
    vm.start(knnStudy(10), 2, results.get(0).trials(), results::add);
    assertEquals(10, vm.trials().size());
    assertEquals(results.get(0).trials(), results.get(1).trials().subList(0, 4), "the first four are kept as they were");
  }

  @Test
  void eventsReachTheUiInBatchesNotOneUpdatePerEvent() {
    List<Runnable> pendingUiWork = new ArrayList<>();
    UiScheduler queued = new UiScheduler() {
      @Override
      public void background(Runnable work) {
        work.run();
      }

      @Override
      public void ui(Runnable update) {
        pendingUiWork.add(update);
      }
    };
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
}
