package org.tunescope.ui.search;

import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ui.TextConverter;

/**
 * The search settings (SearchView.fxml): strategy, grid points, trial and time limits, folds, metric, seed,
 * test split and workers, each showing its own problem under it, and the size of the search.
 */
public final class SearchView {

  private final SearchViewModel search;
  private final ObservableStringValue sizeText;

  @FXML private ComboBox<SearchMethod> methodBox;
  @FXML private Spinner<Integer> gridPointsSpinner;
  @FXML private CheckBox limitTrialsCheck;
  @FXML private Spinner<Integer> trialsSpinner;
  @FXML private Spinner<Integer> minutesSpinner;
  @FXML private Spinner<Integer> foldsSpinner;
  @FXML private ComboBox<Metric> metricBox;
  @FXML private Spinner<Integer> seedSpinner;
  @FXML private Spinner<Integer> testPercentSpinner;
  @FXML private Spinner<Integer> workersSpinner;
  @FXML private Label sizeLabel;

  /** {@code sizeText} is the window's: the size of the search with its estimated duration, which needs the model. */
  public SearchView(SearchViewModel search, ObservableStringValue sizeText) {
    this.search = search;
    this.sizeText = sizeText;
  }

  @FXML
  private void initialize() {
    methodBox.getItems().setAll(SearchMethod.values());
    methodBox.setConverter(new TextConverter<>(SearchMethod::id));
    methodBox.valueProperty().bindBidirectional(search.methodProperty());
    List<Spinner<Integer>> spinners = List.of(gridPointsSpinner, trialsSpinner, minutesSpinner, foldsSpinner,
        seedSpinner, testPercentSpinner, workersSpinner);
    for (int i = 0; i < spinners.size(); i++) {
      IntField field = search.fields().get(i);
      // The trial limit's row also says why no limit ends the search, when it is unticked.
      bindSpinner(spinners.get(i), field, field == search.trialsField() ? search.trialsRowProblemProperty()
          : field.problemProperty());
    }
    testPercentSpinner.setTooltip(new Tooltip("Rows held out (per class) that tuning never sees; when the study"
        + " ends, the best trial is refitted on the other rows and scored on them once. 0 holds nothing out."));
    limitTrialsCheck.selectedProperty().bindBidirectional(search.limitTrialsProperty());
    limitTrialsCheck.setTooltip(new Tooltip("Ticked: at most this many trials. Unticked: no"
        + " trial limit; the time limit, or the grid's size, ends the search."));
    trialsSpinner.disableProperty().bind(search.limitTrialsProperty().not());
    gridPointsSpinner.disableProperty().bind(search.methodProperty().isNotEqualTo(SearchMethod.GRID));
    metricBox.setItems(search.metrics());
    metricBox.setConverter(new TextConverter<>(Metric::id));
    metricBox.valueProperty().bindBidirectional(search.metricProperty());
    sizeLabel.textProperty().bind(sizeText);
  }

  /**
   * Binds a spinner to a whole-number field: the text stays as typed (never clamped or replaced), the
   * arrows step within range, and a problem shows at once under the field (red border, message, tooltip).
   */
  private static void bindSpinner(Spinner<Integer> spinner, IntField field, ObservableValue<String> problem) {
    SpinnerValueFactory<Integer> factory = new SpinnerValueFactory<>() {
      @Override
      public void decrement(int steps) {
        field.step(-steps);
      }

      @Override
      public void increment(int steps) {
        field.step(steps);
      }
    };
    factory.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer v) {
        return v == null ? "" : v.toString();
      }

      // The spinner commits its text on focus loss: invalid text keeps the value, and so stays as typed.
      @Override
      public Integer fromString(String text) {
        return field.isValid() ? field.valueProperty().get() : factory.getValue();
      }
    });
    factory.setValue(field.valueProperty().get());
    field.valueProperty().addListener((o, a, v) -> factory.setValue(v.intValue()));
    spinner.setValueFactory(factory);
    spinner.getEditor().textProperty().bindBidirectional(field.textProperty());
    showProblem(spinner, spinner.getEditor(), problem);
  }

  /**
   * Shows a field's problem on the field: a red border on {@code marked}, the message in a line under
   * {@code control} (in its grid cell) and as its tooltip.
   */
  private static void showProblem(Control control, Node marked, ObservableValue<String> problem) {
    Label message = new Label();
    message.getStyleClass().add("field-problem");
    message.setWrapText(true);
    message.setId(control.getId() == null ? null : control.getId() + "-problem");
    // The line holds the binding, and the binding its source: a binding is listened to weakly.
    message.textProperty().bind(Bindings.createStringBinding(() -> Objects.toString(problem.getValue(), ""), problem));
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(message.textProperty());
    Runnable mark = () -> {
      boolean bad = message.isVisible();
      marked.getStyleClass().remove("invalid");
      Tooltip.uninstall(marked, tip);
      if (bad) {
        marked.getStyleClass().add("invalid");
        Tooltip.install(marked, tip);
      }
    };
    message.visibleProperty().addListener((o, a, b) -> mark.run());
    mark.run();
    if (control.getParent() instanceof GridPane grid) {
      Integer row = GridPane.getRowIndex(control);
      Integer col = GridPane.getColumnIndex(control);
      int at = grid.getChildren().indexOf(control);
      VBox cell = new VBox(2);
      grid.getChildren().set(at, cell);
      cell.getChildren().addAll(control, message);
      GridPane.setConstraints(cell, col == null ? 0 : col, row == null ? 0 : row);
    }
  }
}
