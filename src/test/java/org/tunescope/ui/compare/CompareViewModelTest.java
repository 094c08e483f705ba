package org.tunescope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.app.compare.CompareFixtures;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

class CompareViewModelTest {

  private static final StudyStore STORE = new InMemoryStudyStore();
  private static List<String> names;

  @TempDir
  Path dir;

  @BeforeAll
  static void runStudies() {
    names = CompareFixtures.threeModels(STORE);
  }

  @Test
  void loadsEveryViewAndSavesTheLeaderboard() throws Exception {
    Notifications notifications = new Notifications();
    CompareViewModel vm = new CompareViewModel(STORE, ModelCatalog.standard(), UiScheduler.direct(), notifications);
    vm.load(names);
    assertEquals(3, vm.rows().size());
    assertEquals(3, vm.seriesProperty().get().size());
    assertTrue(!vm.frontProperty().get().isEmpty());
    List<String> curveParameters = vm.curvesProperty().get().stream()
        .map(c -> c.curve().map(m -> m.parameter()).orElse("-")).toList();
    // k and max_depth drive the complexity of their models; logistic regression's first is its penalty.
    assertEquals("k", curveParameters.get(0));
    assertEquals("max_depth", curveParameters.get(1));
    assertTrue(vm.sentenceProperty().get().contains(" than ") || vm.sentenceProperty().get().startsWith("No clear"),
        vm.sentenceProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("3 studies on accuracy"), vm.statusProperty().get());

    Path csv = dir.resolve("board.csv");
    vm.save(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(4, lines.size());
    assertTrue(lines.get(1).contains("," + vm.rows().get(0).study() + ","), lines.get(1));
    assertTrue(notifications.messageProperty().get().startsWith("Saved the leaderboard of 3 studies"));
  }

  @Test
  void studiesThatCannotBeComparedSayWhyInOneLine() {
    Notifications notifications = new Notifications();
    CompareViewModel vm = new CompareViewModel(STORE, ModelCatalog.standard(), UiScheduler.direct(), notifications);
    vm.load(List.of("knn-iris"));
    assertTrue(vm.rows().isEmpty());
    assertEquals("select at least two studies to compare (of different models on the same data)",
        vm.statusProperty().get());
    assertEquals(vm.statusProperty().get(), notifications.messageProperty().get());
  }
}
