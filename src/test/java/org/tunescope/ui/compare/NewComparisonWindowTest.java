package org.tunescope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * Iris loaded in the real window, a New comparison of two models with three trials each and a greedy
 * ensemble, run from the Studies tab: the Compare window opens on it with both models' best trials and the
 * ensemble as one more row, scored on the same folds.
 */
@ExtendWith(ApplicationExtension.class)
class NewComparisonWindowTest {

  @TempDir
  static Path samples;

  private MainViewModel vm;
  private final InMemoryStudyStore store = new InMemoryStudyStore();

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), samples, store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  /** Iris in the window with 3 folds, and the New comparison dialog open with k-NN and a decision tree ticked. */
  private void newComparisonOfKnnAndTreeOnIris(FxRobot robot) throws Exception {
    robot.interact(() -> vm.data().load(Path.of("sample-datasets/iris.csv")));
    waitUntil(() -> vm.data().data().isPresent() && vm.data().targetProperty().get() != null);
    robot.interact(() -> vm.search().foldsProperty().set(3));
    robot.clickOn("Studies");
    robot.clickOn("#newComparisonButton");
    robot.clickOn("#compareModel-knn").clickOn("#compareModel-decision_tree");
  }

  @Test
  void twoModelsAndTheirGreedyEnsembleAreOnTheLeaderboard(FxRobot robot) throws Exception {
    newComparisonOfKnnAndTreeOnIris(robot);
    robot.interact(() -> {
      robot.lookup("#newComparisonTrials").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3);
      robot.lookup("#newComparisonEnsembles").queryAs(javafx.scene.control.ChoiceBox.class).setValue("greedy");
    });
    robot.clickOn("#runComparisonButton");

    waitUntil(() -> robot.lookup("#compareLeaderboard").tryQuery().isPresent()
        && robot.lookup("#compareLeaderboard").queryAs(TableView.class).getItems().size() == 3);
    TableView<LeaderboardRow> board = robot.lookup("#compareLeaderboard").queryAs(TableView.class);
    List<String> labels = board.getItems().stream().map(LeaderboardRow::label).sorted().toList();
    ComparisonRecord stored = store.comparisons().get(0);
    EnsembleRecord greedy = stored.ensembles().get(0);
    LeaderboardRow shown = board.getItems().stream().filter(LeaderboardRow::isEnsemble).findFirst().orElseThrow();
    assertAll(
        () -> assertEquals(List.of("decision_tree", "greedy of " + greedy.members().size(), "knn"), labels),
        () -> assertEquals("greedy", greedy.kind()),
        () -> assertEquals(2, stored.studies().size()),
        () -> assertEquals(3, store.trials(stored.studies().get(0)).size(), "3 trials per model"),
        () -> assertEquals(3, greedy.folds().size(), "scored on the comparison's 3 folds"),
        () -> assertEquals(greedy.validation().mean(), shown.validationMean(), 1e-12),
        () -> assertTrue(robot.lookup("#compareStatus").queryAs(javafx.scene.control.Label.class).getText()
            .contains("with 1 ensembles"), "status names the stored comparison"));

    // Reopened from the Studies tab's list of stored comparisons: the same three candidates.
    javafx.scene.control.MenuButton open = robot.lookup("#openComparisonButton")
        .queryAs(javafx.scene.control.MenuButton.class);
    waitUntil(() -> open.getItems().size() == 1);
    robot.interact(() -> open.getItems().get(0).fire());
    waitUntil(() -> robot.lookup("#compareLeaderboard").queryAllAs(TableView.class).stream()
        .filter(t -> t.getItems().size() == 3).count() == 2);
  }

  /**
   * While a New comparison runs, the main window treats it as it treats a running study: Start is off, switching
   * the store and starting a study are refused in one line that names the comparison, the run bar shows the
   * comparison's progress, and its Cancel stops the comparison, after which all of it works again.
   */
  @Test
  void aRunningComparisonHoldsTheWindowLikeARunningStudy(FxRobot robot) throws Exception {
    newComparisonOfKnnAndTreeOnIris(robot);
    robot.interact(() -> {
      // Far more trials than the test lasts: the run bar's Cancel ends it.
      robot.lookup("#newComparisonTrials").queryAs(javafx.scene.control.Spinner.class).getValueFactory()
          .setValue(10_000);
      robot.lookup("#newComparisonEnsembles").queryAs(javafx.scene.control.ChoiceBox.class).setValue("none");
    });
    robot.clickOn("#runComparisonButton");

    Label status = robot.lookup("#statusLabel").queryAs(Label.class);
    waitUntil(() -> status.getText().startsWith("Comparing: ") && status.getText().contains("trial"));
    Button startButton = robot.lookup("#startButton").queryAs(Button.class);
    Button cancelButton = robot.lookup("#cancelButton").queryAs(Button.class);
    assertAll(
        () -> assertTrue(startButton.isDisabled(), "Start is off while the comparison runs"),
        () -> assertFalse(cancelButton.isDisabled(), "the run bar's Cancel stops the comparison"));

    robot.interact(() -> vm.stores().open(samples.resolve("other.db").toString()));
    assertEquals("a comparison is running; cancel it or wait before opening another store",
        vm.notifications().messageProperty().get());
    robot.interact(() -> vm.start());
    assertEquals("a comparison is running; cancel it or wait before starting a study",
        vm.notifications().messageProperty().get());
    robot.interact(() -> vm.newComparison(names -> { }));
    assertEquals("a comparison is running; cancel it or wait before starting a comparison",
        vm.notifications().messageProperty().get());
    assertEquals(1, store.comparisons().size(), "the comparison's store is still the one in use");

    robot.clickOn(cancelButton);
    waitUntil(() -> !vm.run().busy().isBusy());
    Label progress = robot.lookup("#newComparisonProgress").queryAs(Label.class);
    assertAll(
        () -> assertTrue(progress.getText().contains("stopped; its finished trials are kept"), progress.getText()),
        () -> assertTrue(status.getText().contains("stopped"), "the run bar says how it ended: " + status.getText()),
        () -> assertFalse(startButton.isDisabled(), "Start works again"),
        () -> assertTrue(cancelButton.isDisabled()));
    robot.interact(() -> vm.stores().open(samples.resolve("other.db").toString()));
    waitUntil(() -> vm.notifications().messageProperty().get().startsWith("Opened the store"));
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
