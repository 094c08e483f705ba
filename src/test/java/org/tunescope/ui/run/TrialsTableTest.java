package org.tunescope.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

/** The trials table on screen: an xgboost study with early stopping shows the round each trial stopped at. */
@ExtendWith(ApplicationExtension.class)
class TrialsTableTest {

  private RunViewModel vm;
  private TableView<Trial> table;

  @Start
  void start(Stage stage) {
    vm = new RunViewModel(UiScheduler.direct(), new Notifications());
    table = new TableView<>();
    new TrialsTable(table, vm);
    stage.setScene(new Scene(table, 1200, 300));
    stage.show();
  }

  private static PreparedStudy xgboostStudy() {
    return xgboostStudy(5);
  }

  private static PreparedStudy xgboostStudy(long patience) {
    LoadedData data = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    TuningRequest request = TuningRequest.builder("xgb", "target", "xgboost")
        .ranges(Map.of("trees", new Distribution.IntRange(10, 200, false),
            "early_stopping_rounds", new Distribution.Fixed(patience)))
        .fixOthers(true).search(SearchMethod.RANDOM).budget(Budget.trials(3)).seed(1).build();
    return new TuningSetup(ModelCatalog.standard()).prepare(request, data.table(), data.file(), data.sha256());
  }

  private static Trial trial(int number, Map<String, Double> attributes) {
    return new Trial(number, TrialState.COMPLETE, Map.of("trees", 150),
        List.of(new FoldScore(0.99, 0.95)), number, 0.3, 0, Optional.empty(), Instant.EPOCH, 1.0, attributes);
  }

  private String cell(String column, int row) {
    TableColumn<Trial, ?> c = table.getColumns().stream().filter(col -> col.getText().equals(column)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + column));
    Object v = c.getCellData(row);
    return v == null ? "" : v.toString();
  }

  @Test
  void theRoundEarlyStoppingChoseHasAColumn(FxRobot robot) {
    PreparedStudy study = xgboostStudy();
    robot.interact(() -> vm.show(study, List.of(trial(0, Map.of("best_round", 42.0)), trial(1, Map.of())),
        TestScoreKeeper.NONE));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("best_round")));
    assertEquals(2, table.getItems().size());
    int early = table.getItems().get(0).number() == 0 ? 0 : 1;
    assertEquals("42", cell("best_round", early));
    assertEquals("", cell("best_round", 1 - early), "a trial that did not stop early shows nothing");
    // the round is on screen, not only in the model
    assertTrue(robot.lookup(".table-cell").queryAll().stream()
        .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> tc && "42".equals(tc.getText())));
  }

  @Test
  void studiesThatDoNotStopEarlyHaveNoRoundColumn(FxRobot robot) {
    PreparedStudy study = xgboostStudy(0);
    robot.interact(() -> vm.show(study, List.of(trial(0, Map.of())), TestScoreKeeper.NONE));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("#", "state", "trees", "train accuracy", "validation accuracy", "gap", "fit s", "error"),
        table.getColumns().stream().map(TableColumn::getText).toList());
  }

  @Test
  void everyHeaderShowsItsWholeTitle(FxRobot robot) {
    PreparedStudy study = xgboostStudy();
    robot.interact(() -> vm.show(study, List.of(trial(0, Map.of("best_round", 42.0))), TestScoreKeeper.NONE));
    WaitForAsyncUtils.waitForFxEvents();
    List<javafx.scene.control.Label> headers = robot.lookup(".column-header .label")
        .queryAllAs(javafx.scene.control.Label.class).stream().filter(l -> !l.getText().isEmpty()).toList();
    assertTrue(headers.size() >= 7, "headers on screen: " + headers.size());
    for (javafx.scene.control.Label header : headers) {
      // What the header draws: its text node, which ends in "..." when the column is too narrow.
      javafx.scene.text.Text drawn = (javafx.scene.text.Text) header.lookup(".text");
      assertEquals(header.getText(), drawn.getText(), "the header of " + header.getText() + " is cut");
    }
  }

  @Test
  void trialsThatFinishOutOfOrderAreListedByNumberUntilAColumnIsSorted(FxRobot robot) {
    PreparedStudy study = xgboostStudy();
    // Two workers: trial 2 finished first, then 0, then 1.
    robot.interact(() -> vm.show(study, List.of(trial(2, Map.of()), trial(0, Map.of()), trial(1, Map.of())),
        TestScoreKeeper.NONE));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(0, 1, 2), table.getItems().stream().map(Trial::number).toList());
    TableColumn<Trial, ?> number = table.getColumns().get(0);
    robot.interact(() -> {
      number.setSortType(TableColumn.SortType.DESCENDING);
      table.getSortOrder().setAll(List.of(number));
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(2, 1, 0), table.getItems().stream().map(Trial::number).toList(), "a sorted column rules");
  }
}
