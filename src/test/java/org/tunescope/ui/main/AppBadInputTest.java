package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunescope.BadFiles;
import org.tunescope.BadFiles.Bad;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StoreException;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.data.RecentFiles;

/**
 * The window's open-data, import and open-store paths given a missing, unreadable, empty, binary, huge or
 * wrongly-typed file: one message in the message bar, never an exception's name, and nothing loaded.
 */
class AppBadInputTest {

  private static final Path IRIS = Path.of("sample-datasets/iris.csv");
  private static final Path CV_RESULTS = Path.of("src/test/resources/import/cv_grid.csv");
  private static final Path OPTUNA = Path.of("src/test/resources/import/optuna_basic.db");

  @TempDir
  Path dir;

  private MainViewModel window(SqliteStudyStore store) {
    // everything on the test's thread
    return new MainViewModel(MainViewModelTest.INLINE, ModelCatalog.standard(), new RecentFiles(null),
        dir.resolve("samples"), store);
  }

  private static void assertOneMessage(Bad bad, MainViewModel vm) {
    String message = vm.notifications().messageProperty().get();
    assertEquals(Notifications.Kind.ERROR, vm.notifications().kind(), bad + ": " + message);
    assertFalse(message.contains("Exception") || message.contains("\n"), bad + ": " + message);
    if (bad == Bad.MISSING) {
      assertTrue(message.contains("no such file"), message);
    }
    if (bad == Bad.UNREADABLE) {
      // a folder where the file should be (as root), or a file without permissions: never "no such file"
      assertTrue(message.contains("folder") || message.contains("permission denied"), message);
    }
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void openData(Bad bad) throws IOException {
    Path file = BadFiles.make(dir, bad, "data.csv", IRIS, OPTUNA);
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.data().load(file);
      assertOneMessage(bad, vm);
      assertTrue(vm.data().data().isEmpty(), "nothing loaded");
    }
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void importCvResults(Bad bad) throws IOException {
    assertNothingImported(bad, BadFiles.make(dir, bad, "cv_results.csv", CV_RESULTS, IRIS));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void importOptuna(Bad bad) throws IOException {
    assertNothingImported(bad, BadFiles.make(dir, bad, "optuna.db", OPTUNA, IRIS));
  }

  private void assertNothingImported(Bad bad, Path file) {
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.importStudy(file, choices -> Optional.of(0));
      assertOneMessage(bad, vm);
      assertEquals(0, store.list().size(), "nothing imported");
    }
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void droppedFile(Bad bad) throws IOException {
    // a drop decides from the first bytes whether to import or to open: a huge file must not be read whole
    // wrongly typed: a TuneScope store, an SQLite file like an Optuna storage but not one
    Path tuneScopeStore = dir.resolve("other.db");
    try (SqliteStudyStore other = SqliteStudyStore.open(tuneScopeStore)) {
      other.list();
    }
    Path file = BadFiles.make(dir, bad, "dropped.csv", CV_RESULTS, tuneScopeStore);
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.drop(file, choices -> Optional.of(0));
      assertOneMessage(bad, vm);
      assertTrue(vm.data().data().isEmpty(), "nothing loaded");
    }
  }

  /** The window opens a store passed to it (a .db opened from the desktop) with this call, and shows its message. */
  @ParameterizedTest
  @EnumSource(value = Bad.class, names = {"UNREADABLE", "BINARY", "HUGE", "WRONG_TYPE"})
  void openStore(Bad bad) throws IOException {
    Path file = BadFiles.make(dir, bad, "studies.db", OPTUNA, IRIS);
    String message = assertThrows(StoreException.class, () -> SqliteStudyStore.open(file).close()).getMessage();
    assertTrue(message.contains("studies.db") && !message.contains("Exception") && !message.contains("\n"),
        bad + ": " + message);
  }

  @Test
  void aMissingOrEmptyStoreIsANewOne() throws IOException {
    for (Bad bad : new Bad[] {Bad.MISSING, Bad.EMPTY}) {
      Path file = BadFiles.make(dir, bad, "studies.db", OPTUNA, IRIS);
      try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
        assertEquals(0, store.list().size(), bad.name());
      }
      assertTrue(Files.isRegularFile(file), bad.name());
    }
  }

  @Test
  void threeRowsOfThreeClassesAreRefusedBeforeAStudyIsCreated() throws IOException {
    Path tiny = Files.writeString(dir.resolve("tiny.csv"), "x,y\n1,a\n2,b\n3,c\n");
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.data().load(tiny);
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("knn")).findFirst().orElseThrow());
      vm.search().foldsProperty().set(2);
      vm.start();
      assertEquals("class 'a' of column 'y' has 1 row, fewer than the 2 folds: cross-validation needs at least 2"
          + " rows of every class", vm.notifications().messageProperty().get());
      assertEquals(0, store.list().size(), "no study created");
    }
  }

  @Test
  void fewerRowsThanFoldsAreRefusedBeforeAStudyIsCreated() throws IOException {
    Path tiny = Files.writeString(dir.resolve("tiny-regression.csv"), "x,y\n1,0.5\n2,1.5\n3,2.25\n");
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("tunescope.db"))) {
      MainViewModel vm = window(store);
      vm.data().load(tiny);
      vm.data().taskProperty().set(org.tunescope.ml.Task.REGRESSION);
      vm.modelProperty().set(vm.models().get(0));
      vm.search().foldsProperty().set(5);
      vm.start();
      assertEquals("cannot make 5 folds from 3 rows", vm.notifications().messageProperty().get());
      assertEquals(0, store.list().size(), "no study created");
    }
  }
}
