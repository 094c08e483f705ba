package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.TestScore;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.studies.StudyEntry;

/** The window's state across a restart, with everything run on the test's thread. */
class MainViewModelTest {

  @TempDir
  Path dir;

  /**
   * Everything at once on the calling thread, without {@link UiScheduler#direct()}'s lock: starting a study
   * runs it inside a UI update, where the lock would keep out the worker's updates for good. One worker, so
   * UI updates never overlap.
   */
  static final UiScheduler INLINE = new UiScheduler() {
    @Override
    public void background(Runnable work) {
      work.run();
    }

    @Override
    public void ui(Runnable update) {
      update.run();
    }
  };

  private MainViewModel window(SqliteStudyStore store) {
    MainViewModel vm = new MainViewModel(INLINE, ModelCatalog.standard(), new RecentFiles(null),
        dir.resolve("samples"), store);
    vm.search().workersProperty().set(1);
    return vm;
  }

  @Test
  void theHeldOutScoreOfAStudyIsInTheStoreAndShownAgainAfterARestart() {
    Path db = dir.resolve("tunescope.db");
    String shown;
    TestScore kept;
    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      MainViewModel vm = window(store);
      vm.data().load(Path.of("sample-datasets/iris.csv"));
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("knn")).findFirst().orElseThrow());
      vm.search().methodProperty().set(SearchMethod.RANDOM);
      vm.search().trialsProperty().set(4);
      vm.search().testPercentProperty().set(20);
      vm.start();
      shown = vm.run().heldOutProperty().get();
      String name = vm.run().studyProperty().get().study().name();
      kept = store.testScore(name).orElseThrow();
      assertEquals(vm.lastResult().orElseThrow().best().orElseThrow().number(), kept.trial());
      assertEquals(String.format(Locale.ROOT, "Test accuracy %.4f on 30 held-out rows (CV %.4f)", kept.test(),
          kept.validation()), shown);
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      MainViewModel vm = window(store);
      StudyEntry entry = vm.studies().studies().get(0);
      vm.open(entry);
      assertEquals("stored study", vm.run().timingProperty().get());
      assertEquals(shown, vm.run().heldOutProperty().get(), "the stored score, after a restart");
      assertEquals(kept, store.testScore(entry.name()).orElseThrow());
    }
  }

  @Test
  void anotherDataSetTakesTheStudyOutOfTheViewsButNotOutOfTheStudies() {
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.data().load(Path.of("sample-datasets/iris.csv"));
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("knn")).findFirst().orElseThrow());
      vm.search().trialsProperty().set(3);
      vm.start();
      assertEquals(3, vm.run().trials().size());
      assertEquals("3 / 3 trials", vm.run().statusProperty().get());
      org.junit.jupiter.api.Assertions.assertFalse(vm.run().bestProperty().get().isEmpty());

      vm.data().load(Path.of("sample-datasets/diabetes.csv"));
      assertEquals(0, vm.run().trials().size(), "the iris study's trials are not diabetes's");
      assertEquals("", vm.run().bestProperty().get());
      assertEquals("Ready", vm.run().statusProperty().get());
      assertEquals(0.0, vm.run().progressProperty().get());
      assertEquals(null, vm.run().studyProperty().get(), "the charts follow the study: none");
      assertEquals(null, vm.run().resultProperty().get());
      assertEquals("", vm.notifications().messageProperty().get(), "the note about the iris study went with it");
      assertEquals(1, vm.studies().studies().size(), "the study stays in the Studies tab");

      // Opening it again loads its data and shows it: the new data set does not clear what it opened.
      vm.open(vm.studies().studies().get(0));
      assertEquals(3, vm.run().trials().size());
      assertEquals("3 / 3 trials", vm.run().statusProperty().get());
    }
  }

  @Test
  void anImportedStudyIsNotResumedButOpensReadOnlyWithoutLoadingItsSourceFileAsData() throws Exception {
    Path storage = dir.resolve("optuna.db");
    try (java.io.InputStream in = getClass().getResourceAsStream("/import/optuna_basic.db")) {
      java.nio.file.Files.copy(in, storage);
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      new org.tunescope.app.importer.StudyImporter(store).importOptuna(storage.toString(),
          java.util.Optional.of("svm-basic"), 0, java.util.Optional.empty());
      MainViewModel vm = window(store);
      org.tunescope.ui.studies.StudyEntry entry = new org.tunescope.ui.studies.StudyEntry(store.list().get(0));

      vm.resume(entry);
      String resumed = vm.notifications().messageProperty().get();
      assertTrue(resumed.contains("was imported from the Optuna storage") && resumed.contains("cannot be resumed"),
          resumed);
      vm.open(entry);
      String opened = vm.notifications().messageProperty().get();
      assertTrue(opened.contains("imported from the Optuna storage") && opened.contains("read-only"), opened);
      assertEquals(null, vm.data().dataProperty().get(), "the storage file was not loaded as data");
      assertEquals("svm-basic", vm.run().shownProperty().get().name());
      assertEquals(null, vm.run().studyProperty().get(), "nothing to refit: no prepared study");
      assertEquals(store.trials("svm-basic").size(), vm.run().trials().size());
      assertTrue(vm.run().bestProperty().get().startsWith("best value 0.9062 (higher is better), trial 7"),
          vm.run().bestProperty().get());
      assertTrue(vm.run().timingProperty().get().contains("read-only"), vm.run().timingProperty().get());
    }
  }

  private Path fixture(String name) throws Exception {
    Path file = dir.resolve(name);
    try (java.io.InputStream in = getClass().getResourceAsStream("/import/" + name)) {
      java.nio.file.Files.copy(in, file);
    }
    return file;
  }

  @Test
  void importingAMultiMetricSearchAsksWhichMetricThenShowsIt() throws Exception {
    Path csv = fixture("cv_random_multi.csv");
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      java.util.List<java.util.List<String>> asked = new java.util.ArrayList<>();
      vm.importStudy(csv, choices -> {
        asked.add(choices);
        return java.util.Optional.of(choices.indexOf("roc_auc"));
      });
      assertEquals(java.util.List.of(java.util.List.of("accuracy", "roc_auc")), asked);
      assertEquals("cv_random_multi", vm.run().shownProperty().get().name());
      assertEquals("roc_auc", vm.run().shownProperty().get().metric());
      assertEquals(store.trials("cv_random_multi").size(), vm.run().trials().size());
      assertTrue(vm.notifications().messageProperty().get().startsWith("Imported study cv_random_multi from the"
          + " scikit-learn cv_results_ file"), vm.notifications().messageProperty().get());
      assertEquals(1, vm.studies().studies().size(), "listed in the Studies tab");
      assertTrue(vm.studies().studies().get(0).text().endsWith("imported"));
    }
  }

  @Test
  void aFileThatIsNotAStudyIsOneLineAndNothingIsImported() throws Exception {
    Path notOptuna = dir.resolve("other.db");
    try (SqliteStudyStore other = SqliteStudyStore.open(notOptuna)) {
      other.list();
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.importStudy(notOptuna, choices -> java.util.Optional.of(0));
      String message = vm.notifications().messageProperty().get();
      assertTrue(message.contains("is not an Optuna storage") && !message.contains("Exception"), message);
      assertEquals(org.tunescope.ui.Notifications.Kind.ERROR, vm.notifications().kind());
      vm.importStudy(Path.of("sample-datasets/iris.csv"), choices -> java.util.Optional.of(0));
      message = vm.notifications().messageProperty().get();
      assertTrue(message.contains("neither an Optuna storage") && message.contains("cv_results_"), message);
      assertEquals(0, store.list().size());
      assertEquals(null, vm.run().shownProperty().get());
    }
  }

  @Test
  void aDroppedCvResultsFileIsImportedAndADroppedDataSetIsOpened() throws Exception {
    Path csv = fixture("cv_grid.csv");
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.drop(csv, choices -> java.util.Optional.of(0));
      assertEquals("cv_grid", vm.run().shownProperty().get().name());
      assertEquals(null, vm.data().dataProperty().get());
      vm.drop(Path.of("sample-datasets/iris.csv"), choices -> java.util.Optional.of(0));
      assertTrue(vm.data().data().isPresent(), "iris is data");
      assertEquals(null, vm.run().shownProperty().get(), "a new data set clears the views");
    }
  }

  @Test
  void followingAnOptunaStudyPicksUpTheTrialsFinishedInPythonSinceAndKeepsTheSelection() throws Exception {
    Path storage = fixture("optuna_basic.db");
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.importStudy(storage, choices -> java.util.Optional.of(0));
      assertEquals("svm-basic", vm.run().shownProperty().get().name());
      assertTrue(vm.canFollowProperty().get());
      int before = vm.run().trials().size();
      vm.run().selectedTrialProperty().set(7);

      vm.refreshFollowed();
      assertEquals(before, vm.run().trials().size(), "not following: nothing re-read");
      vm.followProperty().set(true);
      vm.refreshFollowed();
      assertEquals(before, vm.run().trials().size(), "nothing new in the storage");

      // Optuna finishes the running trial meanwhile: what its tell() writes.
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + storage);
           java.sql.Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE trials SET state = 'COMPLETE', datetime_complete = '2026-12-05 12:00:00.000000'"
            + " WHERE state = 'RUNNING'");
        s.executeUpdate("INSERT INTO trial_values (trial_id, objective, value, value_type) SELECT trial_id, 0, 0.5,"
            + " 'FINITE' FROM trials WHERE number = 30 AND study_id = 1");
      }
      vm.refreshFollowed();
      assertEquals(before + 1, vm.run().trials().size());
      assertEquals(before + 1, store.trials("svm-basic").size(), "kept in the store, none twice");
      assertEquals(7, vm.run().selectedTrialProperty().get(), "the selection stays");
      assertTrue(vm.notifications().messageProperty().get().startsWith("Following svm-basic: 1 new"),
          vm.notifications().messageProperty().get());

      // Another study on show: there is nothing to follow any more.
      vm.importStudy(fixture("cv_grid.csv"), choices -> java.util.Optional.of(0));
      assertTrue(!vm.canFollowProperty().get() && !vm.followProperty().get());
    }
  }
}
