package org.tunescope.ui.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.StudyService;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.Owner;
import org.tunescope.store.PostgresStudyStore;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.PngExport;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * The README's "Running on several machines" picture: the window following a PostgreSQL study that two
 * workers run (one of them on another host). Run with the screenshot tour's flags and
 * {@code -Dtest=SeveralMachinesScreenshot}; writes resources/screenshots/several-machines.png.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class SeveralMachinesScreenshot {

  @TempDir
  static Path dir;

  private MainViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), dir.resolve("samples"),
        SqliteStudyStore.open(dir.resolve("local.db")));
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.setWidth(1400);
    stage.setHeight(880);
    stage.show();
  }

  @Test
  void severalMachines(FxRobot robot) throws Exception {
    String address = PostgresTestServer.freshDatabase();
    try (PostgresStudyStore here = PostgresStudyStore.open(address);
         PostgresStudyStore there = PostgresStudyStore.open(address)) {
      LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
      TuningRequest request = TuningRequest.builder("svm-grid", "target", "svm").fixOthers(true)
          .metric(Optional.of("accuracy")).search(SearchMethod.GRID).gridPoints(20)
          .ranges(Map.of("kernel", new Distribution.Choice(List.of("rbf")),
              "C", new Distribution.FloatRange(0.01, 1000, true), "gamma", new Distribution.FloatRange(1e-4, 10, true)))
          .folds(5).testFraction(java.util.OptionalDouble.empty()).build();
      PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, cancer.table(),
          cancer.file(), cancer.sha256());
      new StudyService(here, ModelCatalog.standard()).create(prepared, request, cancer.file());
      TrialLedger first = here.ledger("svm-grid");
      TrialLedger second = there.ledger("svm-grid", new Owner(4242, "gpu-box-2", Instant.now()));
      for (int i = 0; i < 150; i++) {
        TrialLedger ledger = i % 2 == 0 ? first : second;
        int n = ledger.claim(prepared.study(), Instant.MAX).orElseThrow();
        ledger.finish(trial(prepared, n));
      }
      first.claim(prepared.study(), Instant.MAX);
      second.claim(prepared.study(), Instant.MAX);

      robot.clickOn("File");
      robot.clickOn("Open store...");
      robot.interact(() -> robot.lookup("#storeAddress").queryAs(javafx.scene.control.TextField.class).setText(address));
      robot.clickOn("OK");
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.studies().find("svm-grid").isPresent());
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(500);
      WaitForAsyncUtils.waitForFxEvents();
      robot.clickOn("svm-grid");
      robot.clickOn("#openStudyButton");
      TableView<?> table = robot.lookup("#trialsTable").queryAs(TableView.class);
      try {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 150
            && vm.watch().workersProperty().get() == 2);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(table.getItems().size() + " rows, " + vm.watch().statusProperty().get() + ", "
            + vm.notifications().messageProperty().get(), e);
      }
      // Tabs chosen directly, not clicked: on a loaded machine a robot's click may wait too long for the window.
      robot.interact(() -> select(robot, "Charts"));
      robot.interact(() -> select(robot, "Parallel coordinates"));
      Thread.sleep(3000);
      WaitForAsyncUtils.waitForFxEvents();
      Path out = Path.of("resources", "screenshots");
      Files.createDirectories(out);
      PngExport.write(robot.capture(stage.getScene().getRoot()).getImage(), out.resolve("several-machines.png"));
    } finally {
      robot.interact(() -> vm.watch().stop());
      vm.store().close();
      PostgresTestServer.drop(address);
    }
  }

  /** Selects the tab of that title, in whichever tab pane has it. */
  private static void select(FxRobot robot, String title) {
    for (javafx.scene.control.TabPane pane : robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class)) {
      pane.getTabs().stream().filter(t -> title.equals(t.getText())).findFirst()
          .ifPresent(t -> pane.getSelectionModel().select(t));
    }
  }

  /** A trial at the study's n-th grid point, scored like an RBF SVM on this data: a ridge of good C and gamma. */
  private static Trial trial(PreparedStudy prepared, int number) {
    Map<String, Object> params = new LinkedHashMap<>();
    double c = Math.log10(0.01) + 5 * ((number % 20) / 19.0);
    double g = Math.log10(1e-4) + 5 * ((number / 20 % 20) / 19.0);
    prepared.study().space().parameters().forEach(p -> params.put(p.name(),
        p.distribution() instanceof Distribution.Fixed f ? f.value() : null));
    params.put("kernel", "rbf");
    params.put("C", Math.pow(10, c));
    params.put("gamma", Math.pow(10, g));
    double ridge = -0.5 * Math.pow((g + 2.5) + 0.35 * (c - 1), 2) - 0.02 * Math.pow(c - 1, 2);
    double validation = Math.max(0.63, 0.975 + 0.06 * ridge);
    double train = Math.min(1, validation + 0.02 + Math.max(0, g + 1.5) * 0.02);
    return new Trial(number, TrialState.COMPLETE, params, List.of(new FoldScore(train, validation),
        new FoldScore(train - 0.004, validation - 0.01), new FoldScore(train + 0.002, validation + 0.008),
        new FoldScore(train - 0.001, validation - 0.004), new FoldScore(train + 0.003, validation + 0.006)),
        number, 0.05 + 0.002 * Math.pow(10, c / 3), 1 << 20, Optional.empty(), Instant.now());
  }
}
