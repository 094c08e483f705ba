package org.tunescope.ui.data;

import org.tunescope.ui.Contrast;
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

/** The data preview in a real scene: the target column's cells stay legible in both themes. */
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

}
