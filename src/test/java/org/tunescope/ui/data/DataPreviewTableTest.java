package org.tunescope.ui.data;

import org.tunescope.ui.Contrast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.Theme;
import org.tunescope.ui.UiScheduler;

/**
 * The data preview in a real scene: the target column's cells stay legible in both themes, and each column's
 * numbers are written one way (wine: {@code 14.23} above {@code 13.20}, magnesium {@code 127} as an integer).
 */
@ExtendWith(ApplicationExtension.class)
class DataPreviewTableTest {

  private TableView<Integer> table;
  private DataViewModel vm;

  @Start
  void start(Stage stage) {
    table = new TableView<>();
    vm = new DataViewModel(UiScheduler.direct(), new Notifications(), new RecentFiles(null));
    new DataPreviewTable(table, vm);
    stage.setScene(new Scene(table, 900, 500));
    stage.show();
  }

  @Test
  void theTargetColumnsTextContrastsWithItsTintInBothThemes(FxRobot robot) {
    robot.interact(() -> vm.load(Path.of("sample-datasets/iris.csv")));
    for (Theme theme : Theme.values()) {
      robot.interact(() -> Theme.apply(table.getScene(), theme));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> {
        table.applyCss();
        table.layout();
        List<TableCell<?, ?>> cells = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
            .<TableCell<?, ?>>map(c -> c)
            .filter(c -> c.getTableColumn() != null && c.getTableColumn().getStyleClass().contains("target-column")
                && c.getText() != null && !c.getText().isEmpty())
            .toList();
        assertFalse(cells.isEmpty(), "target cells on screen");
        for (TableCell<?, ?> cell : cells) {
          // What the cell paints: its last opaque background fill, under its text.
          List<BackgroundFill> fills = cell.getBackground().getFills();
          Color background = (Color) fills.get(fills.size() - 1).getFill();
          Color text = (Color) cell.getTextFill();
          double ratio = Contrast.ratio(text, background);
          assertTrue(ratio >= 4.5, theme + ": " + text + " on " + background + " contrast " + ratio);
        }
      });
    }
  }

  @Test
  void eachColumnWritesItsNumbersWithTheSameDecimalPlaces(FxRobot robot) {
    robot.interact(() -> vm.load(Path.of("sample-datasets/wine.csv")));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      // wine.csv's first rows: alcohol 14.23, 13.2, 13.16; malic acid 1.71, 1.78, 2.36; magnesium 127, 100, 101
      assertEquals(List.of("14.23", "13.20", "13.16"), cells("alcohol", 3));
      assertEquals(List.of("1.71", "1.78", "2.36"), cells("malic_acid", 3));
      assertEquals(List.of("127", "100", "101"), cells("magnesium", 3));
      assertEquals(List.of("1065", "1050", "1185"), cells("proline", 3));
      // Every row of a column the same number of places, whatever the value.
      for (var column : table.getColumns()) {
        List<Integer> places = java.util.stream.IntStream.range(0, table.getItems().size())
            .mapToObj(i -> String.valueOf(column.getCellData(i)))
            .filter(t -> !t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1)))
            .map(t -> t.contains(".") ? t.length() - t.indexOf('.') - 1 : 0).distinct().toList();
        assertEquals(1, places.size(), column.getUserData() + ": decimal places " + places);
      }
    });
  }

  @Test
  void everyColumnNameShowsWhole(FxRobot robot) {
    robot.interact(() -> Theme.apply(table.getScene(), Theme.LIGHT));
    robot.interact(() -> vm.load(Path.of("sample-datasets/breast_cancer.csv")));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      table.applyCss();
      table.layout();
      List<javafx.scene.control.Label> names = robot.lookup(".column-name")
          .queryAllAs(javafx.scene.control.Label.class).stream().toList();
      assertTrue(names.size() > 5, "names on screen");
      for (javafx.scene.control.Label name : names) {
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) name.lookup(".text");
        // "mean perimeter" read "mean perim..." in a column sized by its letter count
        assertEquals(name.getText(), drawn.getText(), "the header of " + name.getText() + " is cut");
      }
    });
  }

  private List<String> cells(String column, int rows) {
    var c = table.getColumns().stream().filter(t -> column.equals(t.getUserData())).findFirst().orElseThrow();
    return java.util.stream.IntStream.range(0, rows).mapToObj(i -> String.valueOf(c.getCellData(i))).toList();
  }
}
