package org.tunescope.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.Provenance;
import org.tunescope.store.StoredRequest;
import org.tunescope.store.StudyRecord;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

/** The studies list: each line tells a study apart from its namesakes and names its state as the window does. */
class StudiesViewModelTest {

  private static StudyRecord record(String name, String metric, String search, String created) {
    StudyInfo info = new StudyInfo(name, "random_forest", "classification", metric, "maximize", search, 3, 5,
        "stratified 5-fold", 7, "sample-datasets/iris.csv", "ab".repeat(32), 150, 4, "target", Map.of());
    StoredRequest request = new StoredRequest("sample-datasets/iris.csv", "target", Optional.empty(), "random_forest",
        Map.of(), false, Optional.of(metric), search, 3, OptionalInt.of(4), Optional.of(Duration.ofSeconds(90)), 5, 1,
        Optional.empty(), 7, java.util.OptionalDouble.empty());
    return new StudyRecord(info, request, new Provenance("0.1.0", "3.1.1", "17", 2, Instant.parse(created)),
        OptionalInt.of(4), Optional.empty());
  }

  private static Trial trial(int number, double validation) {
    return new Trial(number, TrialState.COMPLETE, Map.of("trees", 10L), List.of(new FoldScore(1.0, validation)),
        number, 0.1, 0, Optional.empty(), Instant.EPOCH);
  }

  @Test
  void twoStudiesOfTheSameModelAndDataReadDifferentlyAndAStoppedOneIsCancelled() {
    InMemoryStudyStore store = new InMemoryStudyStore();
    store.createIfAbsent(record("random_forest-iris", "accuracy", "random", "2026-12-04T09:30:00Z"));
    store.addTrials("random_forest-iris", List.of(trial(0, 0.9), trial(1, 0.95), trial(2, 0.93), trial(3, 0.94)));
    store.markFinished("random_forest-iris");
    store.createIfAbsent(record("random_forest-iris-2", "f1", "bayesian", "2026-12-05T10:15:00Z"));
    store.addTrials("random_forest-iris-2", List.of(trial(0, 0.8), trial(1, 0.85)));
    StudiesViewModel vm = new StudiesViewModel(store, UiScheduler.direct(), new Notifications());
    vm.refresh();

    StudyEntry first = vm.find("random_forest-iris").orElseThrow();
    StudyEntry second = vm.find("random_forest-iris-2").orElseThrow();
    assertEquals("random_forest on iris.csv · accuracy, random search · 4/4 trials · best 0.9500 · 2026-12-04 09:30"
        + " · finished", first.text(ZoneOffset.UTC));
    assertEquals("random_forest on iris.csv · f1, bayesian search · 2/4 trials · best 0.8500 · 2026-12-05 10:15"
        + " · cancelled", second.text(ZoneOffset.UTC));
    assertNotEquals(first.text(), second.text());
    assertEquals(true, second.canResume(), "a cancelled study can be resumed");
  }

  @Test
  void anImportedStudyReadsAsImportedAndCannotBeResumed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path storage = dir.resolve("optuna.db");
    try (java.io.InputStream in = getClass().getResourceAsStream("/import/optuna_basic.db")) {
      java.nio.file.Files.copy(in, storage);
    }
    InMemoryStudyStore store = new InMemoryStudyStore();
    new org.tunescope.app.importer.StudyImporter(store).importOptuna(storage.toString(), Optional.of("svm-basic"),
        0, Optional.empty());
    Notifications notifications = new Notifications();
    StudiesViewModel vm = new StudiesViewModel(store, UiScheduler.direct(), notifications);
    vm.refresh();

    StudyEntry imported = vm.find("svm-basic").orElseThrow();
    assertEquals(false, imported.canResume(), "another tool's study cannot be resumed here");
    org.junit.jupiter.api.Assertions.assertTrue(imported.text().endsWith(" · imported"), imported.text());
  }

  @Test
  void aFollowedStudysNewCountsChangeItsLineAloneAndAStudyNotListedYetReadsTheListAgain() {
    InMemoryStudyStore store = new InMemoryStudyStore();
    store.createIfAbsent(record("followed", "accuracy", "random", "2026-12-04T09:30:00Z"));
    StudiesViewModel vm = new StudiesViewModel(store, UiScheduler.direct(), new Notifications());
    vm.refresh();
    store.addTrials("followed", List.of(trial(0, 0.9), trial(1, 0.95)));
    store.createIfAbsent(record("started-elsewhere", "f1", "random", "2026-12-05T10:15:00Z"));

    vm.update(store.summary("followed"));
    assertEquals(List.of("followed"), vm.studies().stream().map(StudyEntry::name).toList(), "nothing else was read");
    StudyEntry line = vm.find("followed").orElseThrow();
    assertEquals(2, line.summary().done());
    assertEquals(true, line.record().isPresent(), "the line keeps its record: metric, search and date");

    vm.update(store.summary("started-elsewhere"));
    assertEquals(List.of("started-elsewhere", "followed"), vm.studies().stream().map(StudyEntry::name).toList());
  }
}
