package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.importer.OptunaPostgresFixture;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.charts.cost.CostChart;
import org.tunescope.ui.charts.curve.IntermediateValuesChart;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.history.HistoryChart;
import org.tunescope.ui.charts.parallel.Axis;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * Studies imported from scikit-learn and Optuna, opened from the Studies tab of the real window: read-only,
 * with no data file loaded, in the trials table and every chart that draws from trials. What Optuna recorded
 * beyond its trials: each trial's intermediate values as its learning curve (pruned trials ending where they
 * stopped), a two-objective study's objectives against each other with the Pareto front Optuna reports, and a
 * storage on a PostgreSQL server imported from the File menu.
 */
@ExtendWith(ApplicationExtension.class)
class ImportedStudyWindowTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;
  private SqliteStudyStore store;

  /**
   * The fixtures imported once into a store file that each test copies: importing them in {@code @Start} took
   * longer than TestFX gives the set-up on a loaded machine.
   */
  @BeforeAll
  static void importOnce() throws Exception {
    try (SqliteStudyStore imported = SqliteStudyStore.open(dir.resolve("imported.db"))) {
      StudyImporter importer = new StudyImporter(imported);
      importer.importFile(fixture("cv_grid.csv"), OptionalInt.empty());
      importer.importFile(fixture("optuna_basic.db"), OptionalInt.empty());
      importer.importFile(fixture("optuna_multi.db"), OptionalInt.empty());
    }
  }

  @Start
  void start(Stage stage) throws Exception {
    Path copy = dir.resolve("tunescope-" + System.nanoTime() + ".db");
    Files.copy(dir.resolve("imported.db"), copy);
    store = SqliteStudyStore.open(copy);
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), dir.resolve("samples"),
        store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  private static Path fixture(String name) throws Exception {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      Files.copy(Path.of(ImportedStudyWindowTest.class.getResource("/import/" + name).toURI()), file);
    }
    return file;
  }

  @Test
  void aGridSearchImportedFromScikitLearnOpensReadOnlyInTheTableAndEveryChart(FxRobot robot) throws Exception {
    waitUntil(() -> vm.studies().find("cv_grid").isPresent());
    List<Trial> stored = store.trials("cv_grid");
    robot.clickOn("Studies");
    robot.clickOn("cv_grid");
    assertTrue(robot.lookup("#resumeStudyButton").queryAs(Button.class).isDisabled(), "an imported study cannot resume");
    robot.clickOn("#openStudyButton");
    waitUntil(() -> vm.run().trials().size() == stored.size());

    TableView<Trial> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
    String best = robot.lookup("#bestLabel").queryAs(Label.class).getText();
    assertAll(
        () -> assertEquals(null, vm.data().dataProperty().get(), "no data file was loaded"),
        () -> assertEquals(stored.size(), table.getItems().size()),
        () -> assertTrue(headers.containsAll(List.of("criterion", "max_depth", "train score", "validation score")),
            headers.toString()),
        () -> assertTrue(best.startsWith("best score 0.9350 (higher is better)"), best),
        () -> assertTrue(vm.notifications().messageProperty().get().contains("read-only"),
            vm.notifications().messageProperty().get()));

    robot.clickOn("Charts");
    ParallelCoordinatesChart parallel = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    waitUntil(() -> parallel.getModel().axes().size() >= 4);
    List<String> axes = parallel.getModel().axes().stream().map(Axis::name).toList();
    assertTrue(axes.containsAll(List.of("criterion", "max_depth", "train", "validation")), axes.toString());
    assertEquals(stored.size(), parallel.getKeptCount(), "every trial drawn");

    robot.clickOn("Overfitting curve");
    ComboBox<String> parameter = robot.lookup("#curveParameter").queryAs(ComboBox.class);
    ValidationCurveChart curve = robot.lookup("#validationCurve").queryAs(ValidationCurveChart.class);
    assertEquals("max_depth", parameter.getValue(), "the numeric parameter first");
    waitUntil(() -> curve.modelProperty().get() != null && curve.modelProperty().get().points().size() >= 3);
    ValidationCurveModel model = curve.modelProperty().get();
    // The deepest trees fit their training folds perfectly (scikit-learn's split*_train_score of 1.0).
    ValidationCurveModel.Point deepest = model.points().get(model.points().size() - 1);
    assertEquals(1.0, deepest.train(), 1e-9);
    assertTrue(deepest.train() > deepest.validation());

    robot.clickOn("Learning curve");
    assertTrue(robot.lookup("#computeLearningCurve").queryAs(Button.class).isDisabled());
    String learning = robot.lookup("#learningStatus").queryAs(Label.class).getText();
    assertTrue(learning.contains("was imported"), learning);

    robot.clickOn("History");
    HistoryChart history = robot.lookup("#historyChart").queryAs(HistoryChart.class);
    waitUntil(() -> history.trialsProperty().get().size() == stored.size());
    assertEquals("validation score (higher is better)", history.yTitle());
    robot.clickOn("Cost");
    assertEquals(stored.size(), robot.lookup("#costChart").queryAs(CostChart.class).trialsProperty().get().size());
    robot.clickOn("Importance");
    BarChart<?, ?> importance = robot.lookup("#importanceChart").queryAs(BarChart.class);
    waitUntil(() -> !importance.getData().isEmpty() && !importance.getData().get(0).getData().isEmpty());
  }

  @Test
  void anOptunaStudyOpensWithItsLogScaledParametersOnLogAxes(FxRobot robot) throws Exception {
    waitUntil(() -> vm.studies().find("svm-basic").isPresent());
    int trials = store.trials("svm-basic").size();
    selectTab(robot, "Charts");
    javafx.scene.control.Label empty = robot.lookup("#parallelEmpty").queryAs(javafx.scene.control.Label.class);
    assertTrue(empty.isVisible(), "no study on show: the empty axes say what fills them");
    robot.clickOn("Studies");
    robot.clickOn("svm-basic");
    robot.clickOn("#openStudyButton");
    waitUntil(() -> vm.run().trials().size() == trials);
    robot.clickOn("Charts");
    robot.clickOn("Parallel coordinates");
    ParallelCoordinatesChart parallel = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    waitUntil(() -> parallel.getModel().axis("C").isPresent());
    Scale c = parallel.getModel().axis("C").orElseThrow().scale();
    assertTrue(c instanceof Scale.Numeric n && n.log(), "C was suggested with log=True: " + c);
    assertTrue(parallel.getModel().axis("kernel").isPresent());
    assertTrue(!empty.isVisible(), "the note goes with the first trial");
    robot.clickOn("Overfitting curve");
    ComboBox<String> parameter = robot.lookup("#curveParameter").queryAs(ComboBox.class);
    assertTrue(!parameter.getValue().equals("kernel"), "a numeric parameter first: " + parameter.getValue());
  }

  private void open(FxRobot robot, String study) throws Exception {
    waitUntil(() -> vm.studies().find(study).isPresent());
    int trials = store.trials(study).size();
    robot.clickOn("Studies");
    robot.clickOn(study);
    robot.clickOn("#openStudyButton");
    waitUntil(() -> vm.run().trials().size() == trials);
    // Tabs by selection, not by a click on their header: on the shared test stage, narrower after other tests,
    // the chart tabs' headers can overflow out of sight.
    selectTab(robot, "Charts");
  }

  private static void selectTab(FxRobot robot, String text) {
    robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).forEach(pane ->
        pane.getTabs().stream().filter(t -> text.equals(t.getText())).findFirst()
            .ifPresent(t -> pane.getSelectionModel().select(t))));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void eachTrialsIntermediateValuesAreItsLearningCurveAndPrunedOnesEndEarly(FxRobot robot) throws Exception {
    open(robot, "svm-basic");
    selectTab(robot, "Learning curve");
    IntermediateValuesChart chart = robot.lookup("#intermediateCurves").queryAs(IntermediateValuesChart.class);
    waitUntil(() -> !chart.drawnEnds().isEmpty());
    Map<Integer, Long> ends = chart.drawnEnds();
    List<Trial> trials = store.trials("svm-basic");
    long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
    String status = robot.lookup("#learningStatus").queryAs(Label.class).getText();
    assertAll(
        () -> assertTrue(chart.isVisible() && chart.getHeight() > 100, "the recorded curves are on show"),
        () -> assertFalse(robot.lookup("#learningCurve").queryAs(ValidationCurveChart.class).isVisible(),
            "no refitted curve in their place"),
        () -> assertFalse(robot.lookup("#computeLearningCurve").queryAs(Button.class).isVisible()),
        () -> assertTrue(status.contains(pruned + " pruned"), status));
    for (Trial t : trials) {
      if (t.state() == TrialState.PRUNED) {
        assertTrue(ends.get(t.number()) < 4, "pruned trial " + t.number() + " ends at step " + ends.get(t.number()));
      } else if (t.state() == TrialState.COMPLETE) {
        assertEquals(4L, ends.get(t.number()), "complete trial " + t.number() + " reached the last step");
      }
    }
    int prunedTrial = trials.stream().filter(t -> t.state() == TrialState.PRUNED).findFirst().orElseThrow().number();
    robot.interact(() -> vm.run().selectedTrialProperty().set(prunedTrial));
    assertEquals(prunedTrial, chart.selectedTrialProperty().get(), "the table's selection picks out its line");
  }

  @Test
  void twoObjectivesAreShownAgainstEachOtherWithOptunasParetoFront(FxRobot robot) throws Exception {
    open(robot, "multi");
    selectTab(robot, "Cost");
    CheckBox both = robot.lookup("#twoObjectives").queryAs(CheckBox.class);
    CostChart cost = robot.lookup("#costChart").queryAs(CostChart.class);
    assertTrue(both.isVisible(), "a two-objective study offers them");
    assertEquals("values_1 against values_0 (Pareto front)", both.getText());
    robot.interact(both::fire);
    waitUntil(() -> cost.objectivesProperty().get() != null);
    JsonNode expected = new ObjectMapper().readTree(getClass().getResource("/import/optuna_multi.expected.json"))
        .get("studies").get("multi");
    List<Integer> optuna = new ArrayList<>();
    expected.get("pareto_front").forEach(n -> optuna.add(n.asInt()));
    assertEquals(optuna, cost.drawnFront().stream().sorted().toList(), "Optuna's study.best_trials");
    assertTrue(robot.lookup("#byMemory").queryAs(CheckBox.class).isDisabled());
    robot.interact(both::fire);
    waitUntil(() -> cost.objectivesProperty().get() == null);
    assertEquals(20, cost.trialsProperty().get().size(), "back to score against cost");
  }

  @Test
  void anOptunaStorageOnAPostgresServerIsImportedFromTheFileMenu(FxRobot robot) throws Exception {
    String url = OptunaPostgresFixture.create("optuna_multi.db", Files.createTempDirectory(dir, "pg"));
    // The same study imported from the file would be another source's study of that name.
    store.delete("multi");
    try {
      robot.clickOn("File").clickOn("Import from PostgreSQL (Optuna storage)...");
      TextField address = robot.lookup("#importServerAddress").queryAs(TextField.class);
      robot.interact(() -> address.setText(url));
      robot.clickOn("OK");
      // One study with two objectives: the window asks which one the charts show.
      waitUntil(() -> robot.lookup(".choice-dialog").tryQuery().isPresent());
      robot.clickOn("OK");
      try {
        waitUntil(() -> vm.run().shownProperty().get() != null && vm.run().shownProperty().get().isImported()
            && vm.run().trials().size() == 20);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("not shown; the window says: " + vm.notifications().messageProperty().get(), e);
      }
      assertEquals(url, store.importRecord("multi").orElseThrow().source());
    } finally {
      PostgresTestServer.drop(url);
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
