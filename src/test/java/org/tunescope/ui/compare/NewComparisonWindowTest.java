package org.tunescope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

  @Test
  void twoModelsAndTheirGreedyEnsembleAreOnTheLeaderboard(FxRobot robot) throws Exception {
    robot.interact(() -> vm.data().load(Path.of("sample-datasets/iris.csv")));
    waitUntil(() -> vm.data().data().isPresent() && vm.data().targetProperty().get() != null);
    robot.interact(() -> vm.search().foldsProperty().set(3));
    robot.clickOn("Studies");
    robot.clickOn("#newComparisonButton");
    robot.clickOn("#compareModel-knn").clickOn("#compareModel-decision_tree");
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

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
