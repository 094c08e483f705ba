package org.tunescope.ui.run;

import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ui.TableNumbers;
import org.tunescope.ui.TableNumbers.Num;

/**
 * The live, sortable trials table: number, state, one column per searched parameter, train mean,
 * validation mean (headed with the study's metric), gap (how much worse validation is than train, positive
 * whichever way the metric is better), fit time and error. Selecting a row selects that trial everywhere.
 * The controller of TrialsView.fxml.
 */
public final class TrialsTable {

  private final RunViewModel vm;
  @FXML private TableView<Trial> table;

  public TrialsTable(RunViewModel vm) {
    this.vm = vm;
  }

  /** Binds a table of one's own (tests). */
  public TrialsTable(TableView<Trial> table, RunViewModel vm) {
    this(vm);
    this.table = table;
    initialize();
  }

  @FXML
  private void initialize() {
    table.setPlaceholder(new Label("No trials yet: choose data, a model and a search, then press Start (Ctrl+R)."));
    SortedList<Trial> sorted = new SortedList<>(vm.trials());
    // Unsorted, the table lists trials by number: trials finish out of order (workers, pruning), and a
    // table in finish order showed trial 1 above trial 0.
    sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> table.getComparator() == null
        ? Comparator.comparingInt(Trial::number) : table.getComparator(), table.comparatorProperty()));
    table.setItems(sorted);
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    vm.shownProperty().addListener((o, a, study) -> columns(study));
    columns(null);
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(Trial trial, boolean empty) {
        super.updateItem(trial, empty);
        getStyleClass().removeAll("trial-running", "trial-failed", "trial-pruned", "trial-interrupted");
        setTooltip(null);
        if (!empty && trial != null && trial.state() != TrialState.COMPLETE) {
          getStyleClass().add("trial-" + trial.state().id());
          trial.error().ifPresent(e -> setTooltip(new Tooltip(e)));
        }
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, trial) -> {
      if (trial != null) {
        vm.selectedTrialProperty().set(trial.number());
      }
    });
    vm.selectedTrialProperty().addListener((o, a, number) -> {
      Trial current = table.getSelectionModel().getSelectedItem();
      if (number != null && (current == null || current.number() != number)) {
        table.getItems().stream().filter(t -> t.number() == number).findFirst().ifPresent(t -> {
          table.getSelectionModel().select(t);
          table.scrollTo(t);
        });
      }
    });
  }

  private void columns(ViewedStudy study) {
    table.getColumns().clear();
    table.getColumns().add(column("#", 50, t -> t.number()));
    table.getColumns().add(column("state", 85, t -> t.state().id()));
    if (study != null) {
      for (SearchParameter p : study.space().parameters()) {
        if (!(p.distribution() instanceof org.tunescope.engine.space.Distribution.Fixed)) {
          table.getColumns().add(column(p.name(), 90, t -> value(t.params().get(p.name()))));
        }
      }
    }
    // The headers name the metric, and the gap is "validation worse than train" in its direction, so an
    // error metric such as rmse does not read backwards.
    String metric = study == null ? "" : " " + study.metric();
    Direction direction = study == null ? Direction.MAXIMIZE : study.direction();
    TableColumn<Trial, Object> train = column("train" + metric, 90, t -> score(t.train().mean(), t));
    train.getStyleClass().add("train-column");
    TableColumn<Trial, Object> validation = column("validation" + metric, 110, t -> score(t.validation().mean(), t));
    validation.getStyleClass().add("validation-column");
    table.getColumns().addAll(List.of(train, validation,
        column("gap", 75, t -> score(t.gap(direction), t)),
        column("fit s", 70, t -> t.state() == TrialState.RUNNING ? null : Num.of(t.fitSeconds(), "%.2f")),
        column("error", 260, t -> t.error().orElse(""))));
    if (study != null && stopsEarly(study)) {
      // the round early stopping chose, before the error column
      String round = org.tunescope.ml.tuning.CrossValidatedObjective.BEST_ROUND;
      table.getColumns().add(table.getColumns().size() - 1, column(round, 80,
          t -> t.attributes().containsKey(round) ? Num.of(t.attributes().get(round), "%.0f") : null));
    }
  }

  /** The study may stop early: its space has early_stopping_rounds, other than fixed at 0 (off). */
  private static boolean stopsEarly(ViewedStudy study) {
    return study.space().parameters().stream()
        .filter(p -> p.name().equals(org.tunescope.ml.models.EarlyStoppingTrainer.PATIENCE))
        .anyMatch(p -> !(p.distribution() instanceof org.tunescope.engine.space.Distribution.Fixed f
            && f.value() instanceof Number n && n.doubleValue() == 0));
  }

  private static Object value(Object v) {
    if (v instanceof Double d) {
      return Num.of(d, "%.4g");
    }
    return v;
  }

  private static Object score(double v, Trial t) {
    return t.folds().isEmpty() || Double.isNaN(v) ? null : Num.of(v, "%.4f");
  }

  private static TableColumn<Trial, Object> column(String title, double width,
      java.util.function.Function<Trial, Object> value) {
    TableColumn<Trial, Object> c = new TableColumn<>(title);
    // At least as wide as its title: "validation accuracy" or "min_samples_leaf" must not read "validation a...".
    c.setPrefWidth(Math.max(width, org.tunescope.ui.ColumnHeaders.width(title)));
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setComparator(TableNumbers.blanksLast());
    return c;
  }
}
