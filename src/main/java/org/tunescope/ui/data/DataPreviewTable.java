package org.tunescope.ui.data;

import java.util.AbstractList;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.tunescope.ml.data.CategoricalColumn;
import org.tunescope.ml.data.Column;
import org.tunescope.ml.data.ColumnSummary;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ui.ColumnHeaders;

/**
 * The data preview: every row and column of the loaded table, each column headed by its name, type,
 * missing count and range or top categories. The table is virtualised, and its rows are indices into
 * the loaded columns, so a 100,000-row file costs no copies. The controller of DataPreview.fxml.
 */
public final class DataPreviewTable {

  private final DataViewModel vm;
  @FXML private TableView<Integer> table;

  public DataPreviewTable(DataViewModel vm) {
    this.vm = vm;
  }

  /** Binds a table of one's own (tests). */
  public DataPreviewTable(TableView<Integer> table, DataViewModel vm) {
    this(vm);
    this.table = table;
    initialize();
  }

  @FXML
  private void initialize() {
    table.setPlaceholder(new Label("Open a data file (Ctrl+O), drop one on the window, or pick a sample."));
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    vm.dataProperty().addListener((o, a, data) -> show(table, data, vm));
    vm.targetProperty().addListener((o, a, target) -> highlight(table, target));
  }

  private static void show(TableView<Integer> table, LoadedData data, DataViewModel vm) {
    table.getColumns().clear();
    if (data == null) {
      table.setItems(FXCollections.observableArrayList());
      return;
    }
    for (int j = 0; j < data.table().columnCount(); j++) {
      Column column = data.table().columns().get(j);
      ColumnSummary summary = vm.summaries().get(j);
      TableColumn<Integer, String> c = new TableColumn<>();
      Label name = new Label(column.name());
      name.getStyleClass().add("column-name");
      Label hint = new Label(DataViewModel.hint(summary));
      hint.getStyleClass().add("column-hint");
      c.setGraphic(new VBox(name, hint));
      c.setUserData(column.name());
      c.setSortable(false);
      // Wide enough for the whole name and hint (bold name, 10.5px hint as the stylesheet draws them), up to a limit.
      c.setPrefWidth(Math.max(90, Math.min(320, ColumnHeaders.width(column.name(), hint.getText(), 10.5))));
      // One format per column, worked out with the loading: the same decimal places in every row.
      java.util.function.IntFunction<String> text = column instanceof NumericColumn n
          ? numberText(n, vm.numberFormat(j).orElseThrow())
          : row -> column.isMissing(row) ? "" : ((CategoricalColumn) column).values()[row];
      c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
      table.getColumns().add(c);
    }
    int rows = data.table().rowCount();
    table.setItems(FXCollections.observableList(new AbstractList<>() {
      @Override
      public Integer get(int index) {
        return index;
      }

      @Override
      public int size() {
        return rows;
      }
    }));
  }

  private static void highlight(TableView<Integer> table, String target) {
    for (TableColumn<Integer, ?> c : table.getColumns()) {
      c.getStyleClass().remove("target-column");
      if (c.getUserData() != null && c.getUserData().equals(target)) {
        c.getStyleClass().add("target-column");
      }
    }
  }

  private static java.util.function.IntFunction<String> numberText(NumericColumn column, ColumnNumberFormat format) {
    return row -> format.format(column.values()[row]);
  }
}
