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
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
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
    assertTrue(vm.bestProperty().get().startsWith(String.format(java.util.Locale.ROOT, "best %.4f", best)),
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
