package org.tunescope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.StudyService;
import org.tunescope.app.compare.CompareFixtures;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.models.ModelsCostChart;
import org.tunescope.ui.charts.models.ModelsHistoryChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * Three small studies run through the app layer into a store, selected in the Studies tab of the real window
 * and compared: the Compare window's leaderboard, the paired sentence and every chart.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;
  private static SqliteStudyStore store;

  /** The studies run before the window starts: TestFX gives a window's start only seconds. */
  @BeforeAll
  static void runStudies() {
    store = SqliteStudyStore.open(dir.resolve("tunescope.db"));
    CompareFixtures.threeModels(store);
    // One more on other folds: it cannot be compared with the rest.
    CompareFixtures.run(new StudyService(store, ModelCatalog.standard()), DataLoader.load(CompareFixtures.IRIS),
        org.tunescope.ml.tuning.TuningRequest.builder("knn-5fold", "target", "knn")
            .metric(java.util.Optional.of("accuracy")).folds(5)
            .budget(new org.tunescope.engine.study.Budget(java.util.OptionalInt.of(2), java.util.Optional.empty()))
            .build());
    // A stored comparison of two of them, with a vote that scores 1.0 on every fold: best of all.
    CompareFixtures.withEnsemble(store, "vote-on-iris", List.of("knn-iris", "tree-iris"), "vote", 1.0);
  }

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), dir.resolve("samples"),
        store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  @Test
  void threeModelsSelectedInTheStudiesListAreComparedInEveryView(FxRobot robot) throws Exception {
    waitUntil(() -> vm.studies().studies().size() == 4);
    robot.clickOn("Studies");
    Button compare = robot.lookup("#compareStudiesButton").queryAs(Button.class);
    robot.clickOn("knn-iris");
    assertTrue(compare.isDisabled(), "one study is nothing to compare");
    robot.press(KeyCode.CONTROL).clickOn("tree-iris").clickOn("logistic-iris").release(KeyCode.CONTROL);
    assertTrue(!compare.isDisabled());
    robot.clickOn(compare);

    TableView<LeaderboardRow> board = robot.lookup("#compareLeaderboard").queryAs(TableView.class);
    waitUntil(() -> board.getItems().size() == 3);
    List<String> studies = board.getItems().stream().map(LeaderboardRow::study).sorted().toList();
    String sentence = robot.lookup("#pairedSentence").queryAs(Label.class).getText();
    LeaderboardRow first = board.getItems().get(0);
    LeaderboardRow second = board.getItems().get(1);
    assertAll(
        () -> assertEquals(List.of("knn-iris", "logistic-iris", "tree-iris"), studies),
        () -> assertTrue(first.validationMean() >= second.validationMean(), "best first"),
        () -> assertTrue(sentence.startsWith(first.label() + " is better than " + second.label())
            || sentence.startsWith("No clear difference between " + first.label() + " and " + second.label()),
            sentence),
        () -> assertTrue(robot.lookup("#compareStatus").queryAs(Label.class).getText()
            .startsWith("3 studies on accuracy"), "status"));

    ModelsHistoryChart history = robot.lookup("#compareHistory").queryAs(ModelsHistoryChart.class);
    assertEquals(3, history.seriesProperty().get().size());
    int trials = store.trials("knn-iris").size() + store.trials("tree-iris").size()
        + store.trials("logistic-iris").size();
    assertEquals(trials, history.trialsProperty().get().size());
    robot.clickOn("Against time (seconds since each study started)");
    assertTrue(history.byTimeProperty().get());

    CompareScreenshot.tab(robot, history.getScene().getWindow(), "Cost");
    ModelsCostChart cost = robot.lookup("#compareCost").queryAs(ModelsCostChart.class);
    assertTrue(!cost.frontProperty().get().isEmpty(), "a Pareto front across models");
    assertEquals(trials, cost.trialsProperty().get().size());

    CompareScreenshot.tab(robot, history.getScene().getWindow(), "Overfitting");
    GridPane curves = robot.lookup("#compareCurves").queryAs(GridPane.class);
    List<ValidationCurveChart> charts = robot.lookup(".validation-curve-chart").queryAllAs(ValidationCurveChart.class)
        .stream().filter(c -> c.getScene() == curves.getScene()).toList();
    assertEquals(3, charts.size(), "one small curve per model");
    assertTrue(charts.stream().filter(c -> c.modelProperty().get() != null)
        .allMatch(c -> !c.modelProperty().get().points().isEmpty()));
    assertTrue(charts.stream().filter(c -> c.modelProperty().get() != null).count() >= 2, "knn over k, tree over depth");
    assertArrayEquals(charts.get(0).sharedYRangeProperty().get(), charts.get(1).sharedYRangeProperty().get(),
        "one validation scale for every model");
    robot.clickOn("Close");
  }

  /**
   * Opened from the Studies tab by its name, a stored comparison shows its ensemble in every view: first on the
   * leaderboard, a diamond at its members' summed fit seconds ending the Pareto front, a level in the history,
   * the first of the paired comparison; and the leaderboard's number columns sort as numbers.
   */
  @Test
  void aStoredComparisonOpenedByNameShowsItsEnsembleInEveryViewAndSortsNumbersAsNumbers(FxRobot robot)
      throws Exception {
    waitUntil(() -> vm.studies().studies().size() == 4);
    robot.clickOn("Studies");
    javafx.scene.control.MenuButton open = robot.lookup("#openComparisonButton")
        .queryAs(javafx.scene.control.MenuButton.class);
    waitUntil(() -> open.getItems().size() == 1);
    robot.clickOn(open).clickOn("vote-on-iris (2 studies, 1 ensembles)");

    TableView<LeaderboardRow> board = robot.lookup("#compareLeaderboard").queryAs(TableView.class);
    waitUntil(() -> board.getItems().size() == 3);
    Stage window = (Stage) board.getScene().getWindow();
    double members = store.trials("knn-iris").get(0).fitSeconds() + store.trials("tree-iris").get(0).fitSeconds();
    ModelsHistoryChart history = robot.from(window.getScene().getRoot()).lookup("#compareHistory")
        .queryAs(ModelsHistoryChart.class);
    ModelsCostChart cost = robot.from(window.getScene().getRoot()).lookup("#compareCost").queryAs(ModelsCostChart.class);
    String sentence = robot.from(window.getScene().getRoot()).lookup("#pairedSentence").queryAs(Label.class).getText();
    assertAll(
        () -> assertEquals("Comparison vote-on-iris", window.getTitle()),
        () -> assertEquals("vote of 2", board.getItems().get(0).label()),
        () -> assertEquals(1, history.ensemblesProperty().get().size()),
        () -> assertEquals(members, history.ensemblesProperty().get().get(0).fitSeconds(), 1e-12),
        () -> assertEquals(1.0, cost.ensemblesProperty().get().get(0).score(), 0),
        () -> assertEquals(members, cost.frontProperty().get().get(cost.frontProperty().get().size() - 1).getX(),
            1e-12, "the vote ends the front: best of all, dearest of the front"),
        () -> assertTrue(sentence.startsWith("vote of 2 is better than")
            || sentence.startsWith("No clear difference between vote of 2 and"), sentence));

    robot.clickOn(robot.from(window.getScene().getRoot()).lookup(".column-header .label")
        .match((Label l) -> "Fit s".equals(l.getText())).queryAs(Label.class));
    List<Double> seconds = board.getItems().stream().map(LeaderboardRow::fitSeconds).toList();
    assertEquals(seconds.stream().sorted().toList(), seconds, "fit seconds ascending, by value");
    robot.clickOn(robot.from(window.getScene().getRoot()).lookup(".column-header .label")
        .match((Label l) -> "Validation".equals(l.getText())).queryAs(Label.class));
    List<Double> scores = board.getItems().stream().map(LeaderboardRow::validationMean).toList();
    assertEquals(scores.stream().sorted().toList(), scores, "validation ascending, by value");

    CompareScreenshot.tab(robot, window, "Overfitting");
    assertTrue(robot.from(window.getScene().getRoot()).lookup("#curvesNote").queryAs(Label.class).getText()
        .contains("ensembles have none"), "the small multiples say the ensembles are not there");
    robot.clickOn("Close");
  }

  @Test
  void studiesOnOtherFoldsAreRefusedInOneSentence(FxRobot robot) throws Exception {
    waitUntil(() -> vm.studies().studies().size() == 4);
    robot.clickOn("Studies");
    robot.clickOn("knn-5fold");
    robot.press(KeyCode.CONTROL).clickOn("knn-iris").release(KeyCode.CONTROL);
    robot.clickOn("#compareStudiesButton");
    Label status = robot.lookup("#compareStatus").queryAs(Label.class);
    waitUntil(() -> status.getText().startsWith("cannot compare"));
    assertTrue(status.getText().contains("they differ in folds"), status.getText());
    assertTrue(robot.lookup("#compareLeaderboard").queryAs(TableView.class).getItems().isEmpty());
    robot.clickOn("Close");
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
