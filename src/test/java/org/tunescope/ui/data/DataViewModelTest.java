package org.tunescope.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.ml.Task;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

class DataViewModelTest {

  @TempDir
  Path dir;

  @Test
  void loadingAFileShowsItsColumnsTargetTaskAndClassBalance() {
    Notifications n = new Notifications();
    RecentFiles recent = new RecentFiles(null);
    DataViewModel vm = new DataViewModel(UiScheduler.direct(), n, recent);
    vm.load(Path.of("sample-datasets/iris.csv"));
    assertEquals(5, vm.columns().size());
    assertEquals("target", vm.targetProperty().get());
    assertEquals(Task.CLASSIFICATION, vm.taskProperty().get());
    assertEquals("3 classes: setosa 50 · versicolor 50 · virginica 50", vm.targetSummaryProperty().get());
    assertTrue(vm.descriptionProperty().get().startsWith("iris.csv: 150 rows, 5 columns"));
    vm.targetProperty().set("sepal length (cm)");
    assertEquals(Task.REGRESSION, vm.taskProperty().get(), "a continuous target is regression");
    assertTrue(vm.targetSummaryProperty().get().startsWith("numeric target from 4.3"), vm.targetSummaryProperty().get());
    assertEquals(1, recent.files().size());
    assertEquals("", n.messageProperty().get());
  }

  @Test
  void aBrokenFileGivesAMessageAndKeepsTheDataAlreadyLoaded() throws IOException {
    Notifications n = new Notifications();
    DataViewModel vm = new DataViewModel(UiScheduler.direct(), n, new RecentFiles(null));
    vm.load(Path.of("sample-datasets/iris.csv"));
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");
    vm.load(ragged);
    assertEquals(Notifications.Kind.ERROR, n.kind());
    assertTrue(n.messageProperty().get().contains("line 3"), n.messageProperty().get());
    assertEquals("iris.csv", vm.data().orElseThrow().file().getFileName().toString());
    vm.load(dir.resolve("missing.csv"));
    assertTrue(n.messageProperty().get().contains("missing.csv"));
  }

  @Test
  void eachNumericColumnsFormatComesWithTheLoadedDataAndACategoricalColumnHasNone() {
    // The background part runs at once; the JavaFX part waits, as it does in the app.
    org.tunescope.ui.QueuedScheduler queued = new org.tunescope.ui.QueuedScheduler();
    List<Runnable> uiUpdates = queued.pending();
    DataViewModel vm = new DataViewModel(queued, new Notifications(), new RecentFiles(null));
    vm.load(Path.of("sample-datasets/wine.csv"));
    assertEquals(1, uiUpdates.size(), "one update for the JavaFX thread");
    uiUpdates.get(0).run();
    List<String> names = vm.columns();
    assertEquals(2, vm.numberFormat(names.indexOf("alcohol")).orElseThrow().decimals());
    assertEquals(0, vm.numberFormat(names.indexOf("magnesium")).orElseThrow().decimals());
    vm.load(Path.of("sample-datasets/iris.csv"));
    uiUpdates.get(1).run();
    assertTrue(vm.numberFormat(vm.columns().indexOf("target")).isEmpty(), "iris's target is categorical");
  }

  @Test
  void aColumnsRangeReadsInOneNotation() {
    DataViewModel vm = new DataViewModel(UiScheduler.direct(), new Notifications(), new RecentFiles(null));
    vm.load(Path.of("sample-datasets/breast_cancer.csv"));
    java.util.function.Function<String, String> hint = name -> DataViewModel.hint(
        vm.summaries().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    // It read "number 144..2.50e+03".
    assertEquals("number 144..2501", hint.apply("mean area"));
    assertEquals("number 6.98..28.1", hint.apply("mean radius"));
    assertEquals("number 0.0526..0.163", hint.apply("mean smoothness"));
  }

  @Test
  void defaultTargetPrefersCommonNamesElseTheLastColumn() {
    assertEquals("Class", DataViewModel.defaultTarget(List.of("a", "Class", "b")));
    assertEquals("b", DataViewModel.defaultTarget(List.of("a", "b")));
  }
}
