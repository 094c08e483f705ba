package org.tunescope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * Takes the README's screenshots from the real window. Not part of the test run; under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B test -Dgui -Dtunescope.excludedGroups=none
 * -Dgroups=screenshots -Dtest=ScreenshotTour} ({@code -Dtest='ScreenshotTour#lab'} for the lab's only).
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {

  private static final Path OUT = Path.of("resources", "screenshots");

  private MainViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null),
        Files.createTempDirectory("samples"), new org.tunescope.store.InMemoryStudyStore());
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.setTitle(TuneScopeApp.TITLE);
    stage.setWidth(1400);
    stage.setHeight(880);
    stage.show();
  }

  @Test
  void tour(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    robot.interact(() -> vm.loadSample("breast_cancer"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.data().data().isPresent());
    robot.interact(() -> vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("svm")).findFirst()
        .orElseThrow()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "data.png");

    robot.interact(() -> {
      vm.search().trialsProperty().set(60);
      vm.start();
    });
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
        () -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> vm.run().selectedTrialProperty().set(vm.lastResult().orElseThrow().best().orElseThrow().number()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "trials.png");

    robot.clickOn("Charts");
    ParallelCoordinatesChart parallel = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    robot.interact(() -> parallel.brush("validation", 0.55, 1.0));
    shoot(robot, "parallel.png");
    robot.clickOn("Cost");
    shoot(robot, "cost.png");
    robot.clickOn("Importance");
    var importance = robot.lookup("#importanceChart").queryAs(javafx.scene.chart.BarChart.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !importance.getData().isEmpty());
    shoot(robot, "importance.png");

    // The textbook overfitting curve: tree depth 1..20, everything else at its default.
    robot.interact(() -> {
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("decision_tree")).findFirst()
          .orElseThrow());
      java.util.Map<String, org.tunescope.engine.space.Distribution> ranges = new java.util.HashMap<>();
      vm.modelProperty().get().hyperParameters().forEach(h -> ranges.put(h.name(),
          new org.tunescope.engine.space.Distribution.Fixed(h.defaultValue())));
      ranges.put("max_depth", new org.tunescope.engine.space.Distribution.IntRange(1, 20, false));
      vm.space().apply(ranges);
      vm.search().methodProperty().set(org.tunescope.engine.sampler.SearchMethod.GRID);
      vm.search().gridPointsProperty().set(20);
      vm.start();
    });
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
        () -> vm.run().trials().size() == 20 && !vm.run().runningProperty().get());
    robot.clickOn("Charts");
    robot.clickOn("Overfitting curve");
    Thread.sleep(800);
    shoot(robot, "curve.png");
    robot.clickOn("History");
    Thread.sleep(800);
    shoot(robot, "history.png");
    robot.interact(() -> vm.run().selectedTrialProperty().set(vm.run().trials().stream()
        .filter(t -> t.params().get("max_depth").equals(20L)).findFirst().orElseThrow().number()));
    robot.clickOn("Learning curve");
    robot.clickOn("#computeLearningCurve");
    var learning = robot.lookup("#learningCurve").queryAs(org.tunescope.ui.charts.curve.ValidationCurveChart.class);
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> learning.modelProperty().get() != null);
    shoot(robot, "learning.png");

    robot.clickOn("Studies");
    robot.interact(() -> {
      vm.studies().selectedProperty();
    });
    shoot(robot, "studies.png");

    robot.clickOn("Charts");
    robot.clickOn("Overfitting curve");
    robot.interact(() -> Theme.apply(stage.getScene(), Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "dark.png");
  }

  @Test
  void trees(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    robot.interact(() -> vm.loadSample("breast_cancer"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.data().data().isPresent());
    robot.interact(() -> {
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("gradient_boosting")).findFirst()
          .orElseThrow());
      vm.space().apply(java.util.Map.of(
          "trees", new org.tunescope.engine.space.Distribution.Fixed(300L),
          "learning_rate", new org.tunescope.engine.space.Distribution.FloatRange(0.1, 0.5, true)));
      vm.search().trialsProperty().set(4);
      vm.start();
    });
    WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
        () -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    robot.interact(() -> vm.run().selectedTrialProperty().set(vm.lastResult().orElseThrow().best().orElseThrow().number()));
    robot.clickOn("Charts");
    robot.clickOn("Trees");
    robot.clickOn("#computeTreeCountCurve");
    var chart = robot.lookup("#treeCountCurve").queryAs(org.tunescope.ui.charts.curve.ValidationCurveChart.class);
    WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> chart.modelProperty().get() != null);
    shoot(robot, "trees.png");
  }

  @Test
  void lab(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    robot.clickOn("Lab");
    robot.interact(() -> vm.lab().openLesson(org.tunescope.ml.lab.Lesson.SVM_GAMMA_ON_MOONS));
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.lab().curveProperty().get() != null
        && vm.lab().fitProperty().get() != null && !vm.lab().busyProperty().get());
    robot.interact(() -> vm.lab().sliderProperty().set(Math.log10(40)));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lab().fitProperty().get().value()
        .equals(vm.lab().valueProperty().get()) && !vm.lab().busyProperty().get());
    shoot(robot, "lab.png");
  }

  /** Studies imported from Optuna and scikit-learn (File > Import study...), in the parallel coordinates and the curve. */
  @Test
  void imported(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    Path dir = Files.createTempDirectory("imported");
    for (String name : java.util.List.of("optuna_basic.db", "cv_grid.csv")) {
      Files.copy(Path.of(getClass().getResource("/import/" + name).toURI()), dir.resolve(name));
    }
    robot.interact(() -> vm.importStudy(dir.resolve("optuna_basic.db"), choices -> java.util.Optional.of(0)));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().shownProperty().get() != null
        && vm.run().shownProperty().get().name().equals("svm-basic") && !vm.run().trials().isEmpty());
    robot.clickOn("Charts");
    robot.clickOn("Parallel coordinates");
    Thread.sleep(800);
    shoot(robot, "imported-parallel.png");

    robot.interact(() -> vm.importStudy(dir.resolve("cv_grid.csv"), choices -> java.util.Optional.of(0)));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().shownProperty().get().name().equals("cv_grid")
        && !vm.run().trials().isEmpty());
    robot.clickOn("Overfitting curve");
    Thread.sleep(800);
    shoot(robot, "imported-curve.png");
  }

  /** A two-objective Optuna study's objectives against each other with their Pareto front (the cost tab). */
  @Test
  void optunaPareto(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    Path dir = Files.createTempDirectory("pareto");
    Files.copy(Path.of(getClass().getResource("/import/optuna_multi.db").toURI()), dir.resolve("optuna_multi.db"));
    robot.interact(() -> vm.importStudy(dir.resolve("optuna_multi.db"), choices -> java.util.Optional.of(0)));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().shownProperty().get() != null
        && vm.run().shownProperty().get().name().equals("multi") && !vm.run().trials().isEmpty());
    robot.clickOn("Charts");
    robot.clickOn("Cost");
    robot.clickOn("#twoObjectives");
    Thread.sleep(800);
    shoot(robot, "optuna-pareto.png");
  }

  private void shoot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(400);
    PngExport.write(robot.capture(stage.getScene().getRoot()).getImage(), OUT.resolve(name));
  }
}
