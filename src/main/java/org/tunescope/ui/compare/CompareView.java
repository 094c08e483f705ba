package org.tunescope.ui.compare;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tunescope.app.compare.ComparedStudies;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.ui.TableNumbers;
import org.tunescope.ui.TableNumbers.Num;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.models.ModelSeries;
import org.tunescope.ui.charts.models.ModelsCostChart;
import org.tunescope.ui.charts.models.ModelsHistoryChart;

/**
 * The Compare window (CompareView.fxml): the leaderboard of the compared studies' best trials, their
 * histories overlaid, their cost with the Pareto front across models, each model's overfitting curve on one
 * shared scale, and the paired comparison of the two best in words. Handlers are one-line calls to the view
 * model.
 */
public final class CompareView {

  /** Small multiples per row of the overfitting tab. */
  private static final int CURVES_PER_ROW = 3;

  private final CompareViewModel vm;

  @FXML private BorderPane root;
  @FXML private Label statusLabel;
  @FXML private Label sentenceLabel;
  @FXML private TableView<LeaderboardRow> leaderboard;
  @FXML private CheckBox byTimeBox;
  @FXML private ModelsHistoryChart historyChart;
  @FXML private ModelsCostChart costChart;
  @FXML private GridPane curvesGrid;
  @FXML private Button saveButton;

  public CompareView(CompareViewModel vm) {
    this.vm = vm;
  }

  /**
   * Opens a Compare window over {@code owner} (with its stylesheets, so the theme reaches it) and starts
   * reading the named studies in the background.
   */
  public static Stage open(Window owner, CompareViewModel vm, List<String> studies) {
    Stage stage = show(owner, vm, "Compare " + String.join(", ", studies));
    vm.load(studies);
    return stage;
  }

  /** Opens a Compare window on the stored comparison of that name: its studies and its ensembles. */
  public static Stage openComparison(Window owner, CompareViewModel vm, String comparison) {
    Stage stage = show(owner, vm, "Comparison " + comparison);
    vm.loadComparison(comparison);
    return stage;
  }

  private static Stage show(Window owner, CompareViewModel vm, String title) {
    FXMLLoader loader = new FXMLLoader(CompareView.class.getResource("/org/tunescope/ui/compare/CompareView.fxml"));
    loader.setControllerFactory(type -> new CompareView(vm));
    Parent content;
    try {
      content = loader.load();
    } catch (IOException e) {
      throw new IllegalStateException("the Compare window's layout is missing from TuneScope's resources", e);
    }
    Scene scene = new Scene(content);
    Stage stage = new Stage();
    stage.setTitle(title);
    stage.setScene(scene);
    org.tunescope.ui.Windows.ownedBy(stage, owner);
    stage.show();
    return stage;
  }

  @FXML
  private void initialize() {
    statusLabel.textProperty().bind(vm.statusProperty());
    sentenceLabel.textProperty().bind(vm.sentenceProperty());
    saveButton.disableProperty().bind(vm.comparisonProperty().isNull());
    columns();
    leaderboard.setItems(vm.rows());
    historyChart.byTimeProperty().bind(byTimeBox.selectedProperty());
    historyChart.seriesProperty().bind(vm.seriesProperty());
    costChart.seriesProperty().bind(vm.seriesProperty());
    costChart.frontProperty().bind(vm.frontProperty());
    historyChart.ensemblesProperty().bind(vm.ensemblesProperty());
    costChart.ensemblesProperty().bind(vm.ensemblesProperty());
    vm.comparisonProperty().addListener((o, a, c) -> {
      if (c != null) {
        for (var chart : List.of(historyChart, costChart)) {
          chart.metricProperty().set(c.metric());
          chart.directionProperty().set(c.direction());
        }
      }
    });
    vm.curvesProperty().addListener((o, a, curves) -> curves(curves));
  }

  private void columns() {
    TableColumn<LeaderboardRow, LeaderboardRow> model = new TableColumn<>("Model");
    model.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    model.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(LeaderboardRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(empty || row == null ? null : row.label());
        // A model's swatch in its charts' colour; an ensemble's diamond, as the charts mark it.
        setGraphic(empty || row == null ? null : row.isEnsemble()
            ? new javafx.scene.shape.Polygon(5, 0, 10, 5, 5, 10, 0, 5) : new Rectangle(10, 10, colour(row)));
      }
    });
    model.setComparator(java.util.Comparator.comparing(LeaderboardRow::label));
    leaderboard.getColumns().add(model);
    leaderboard.getColumns().add(column("Study", LeaderboardRow::study));
    // Numbers sort as numbers (a click on a header), blanks last, as in the Trials table.
    leaderboard.getColumns().add(column("Trial", r -> r.trial().map(t -> new Num(t.number(), "#" + t.number()))
        .orElse(null)));
    leaderboard.getColumns().add(column("Validation", r -> new Num(r.validationMean(),
        number(r.validationMean()) + " ± " + number(r.validationStd()))));
    leaderboard.getColumns().add(column("Train", r -> Num.of(r.trainMean(), "%.4f")));
    leaderboard.getColumns().add(column("Gap", r -> Num.of(r.gap(), "%.4f")));
    // An ensemble's cost is its members' summed: what fitting them all again takes.
    leaderboard.getColumns().add(column("Fit s", r -> cost("%.2f", r.fitSeconds(), r)));
    leaderboard.getColumns().add(column("MB", r -> cost("%.1f", r.megabytes(), r)));
  }

  /** The model's colour in the charts, so that a row and its dots read together. */
  private Color colour(LeaderboardRow row) {
    return vm.seriesProperty().get().stream().filter(s -> s.label().equals(row.label())).map(ModelSeries::color)
        .findFirst().orElse(Color.GRAY);
  }

  private static TableColumn<LeaderboardRow, Object> column(String title, Function<LeaderboardRow, Object> value) {
    TableColumn<LeaderboardRow, Object> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setComparator(TableNumbers.blanksLast());
    return column;
  }

  /** A cost cell: an ensemble's is marked as a sum of its members'; unknown is blank. */
  private static Num cost(String format, double v, LeaderboardRow r) {
    return Double.isNaN(v) ? null : new Num(v, r.costText(format, v));
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** One small overfitting curve per model, all on the view model's shared validation scale. */
  private void curves(List<CompareViewModel.Curve> curves) {
    curvesGrid.getChildren().clear();
    ComparedStudies c = vm.comparisonProperty().get();
    for (int i = 0; i < curves.size(); i++) {
      CompareViewModel.Curve curve = curves.get(i);
      Label title = new Label(curve.label());
      title.getStyleClass().add("model-name");
      title.setTextFill(curve.colour());
      ValidationCurveChart chart = new ValidationCurveChart();
      chart.setPrefSize(420, 320);
      chart.showOneStandardErrorProperty().set(false);
      chart.sharedYRangeProperty().set(vm.curveRangeProperty().get());
      chart.placeholderProperty().set("This study searched no parameter: no curve.");
      if (c != null) {
        chart.yLabelProperty().set(c.direction().label(c.metric()));
      }
      curve.curve().ifPresent(chart.modelProperty()::set);
      VBox cell = new VBox(2, title, chart);
      cell.getStyleClass().add("compare-curve");
      curvesGrid.add(cell, i % CURVES_PER_ROW, i / CURVES_PER_ROW);
    }
  }

  @FXML
  private void save() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the leaderboard");
    chooser.setInitialFileName("leaderboard.csv");
    chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
        new FileChooser.ExtensionFilter("JSON", "*.json"));
    File file = chooser.showSaveDialog(root.getScene().getWindow());
    if (file != null) {
      vm.save(file.toPath());
    }
  }

  @FXML
  private void close() {
    ((Stage) root.getScene().getWindow()).close();
  }
}
