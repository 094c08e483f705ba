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
import org.tunescope.ui.charts.models.EnsembleMark;

class CompareViewModelTest {

  private static final StudyStore STORE = new InMemoryStudyStore();
  private static List<String> names;

  @TempDir
  Path dir;

  @BeforeAll
  static void runStudies() throws Exception {
    // The shared curve scale is read from a chart class, whose CSS needs the toolkit even off screen.
    org.testfx.api.FxToolkit.registerPrimaryStage();
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
  void aStoredComparisonOpenedByNameShowsItsEnsembleInTheChartsAndThePairedSentence() throws Exception {
    CompareFixtures.withEnsemble(STORE, "vote-on-iris", names, "vote", 1.0);
    try {
      Notifications notifications = new Notifications();
      CompareViewModel vm = new CompareViewModel(STORE, ModelCatalog.standard(), UiScheduler.direct(), notifications);
      vm.loadComparison("vote-on-iris");
      assertEquals(4, vm.rows().size());
      assertEquals("vote of 3", vm.rows().get(0).label());
      double members = names.stream().mapToDouble(n -> STORE.trials(n).get(0).fitSeconds()).sum();
      EnsembleMark mark = vm.ensemblesProperty().get().get(0);
      assertEquals(List.of("vote of 3"), vm.ensemblesProperty().get().stream().map(EnsembleMark::label).toList());
      assertEquals(members, mark.fitSeconds(), 1e-12);
      assertEquals(1.0, mark.score(), 0);
      assertEquals(names.stream().mapToInt(n -> STORE.trials(n).get(0).number()).max().orElseThrow(), mark.trialX(), 0);
      javafx.geometry.Point2D dearest = vm.frontProperty().get().get(vm.frontProperty().get().size() - 1);
      assertEquals(members, dearest.getX(), 1e-12, "the vote ends the Pareto front");
      assertTrue(vm.sentenceProperty().get().startsWith("vote of 3 is better than ")
          || vm.sentenceProperty().get().startsWith("No clear difference between vote of 3 and "),
          vm.sentenceProperty().get());
      assertTrue(vm.statusProperty().get().contains("Comparison vote-on-iris, with 1 ensembles"),
          vm.statusProperty().get());

      Path csv = dir.resolve("board.csv");
      vm.save(csv);
      List<String> lines = Files.readAllLines(csv);
      assertEquals(5, lines.size());
      assertTrue(lines.get(1).startsWith("1,vote of 3,vote-on-iris,,1.0,"), lines.get(1));
    } finally {
      STORE.deleteComparison("vote-on-iris");
    }
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
