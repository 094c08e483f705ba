package org.tunescope.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The New comparison dialog (a small form, built here rather than in FXML): the models to tick, the trials per
 * model, the ensembles and their size, a progress line, Run and Cancel. Every action is a call to the view
 * model; the work runs in the background.
 */
public final class NewComparisonDialog {

  private NewComparisonDialog() {
  }

  /** Opens the dialog over {@code owner}, with its stylesheets so the theme reaches it. */
  public static Stage open(Window owner, NewComparisonViewModel vm) {
    FlowPane models = new FlowPane(12, 6);
    models.setPrefWrapLength(520);
    for (NewComparisonViewModel.Choice c : vm.choices()) {
      CheckBox box = new CheckBox(c.model().name());
      box.setId("compareModel-" + c.model().id());
      box.selectedProperty().bindBidirectional(c.ticked());
      models.getChildren().add(box);
    }
    Spinner<Integer> trials = new Spinner<>(1, 10_000, vm.trialsProperty().get());
    trials.setId("newComparisonTrials");
    trials.setEditable(true);
    trials.valueProperty().addListener((o, a, v) -> vm.trialsProperty().set(v));
    ChoiceBox<String> ensembles = new ChoiceBox<>(FXCollections.observableArrayList("none", "vote", "stack", "greedy",
        "both", "vote,stack,greedy"));
    ensembles.setId("newComparisonEnsembles");
    ensembles.valueProperty().bindBidirectional(vm.ensemblesProperty());
    Spinner<Integer> top = new Spinner<>(1, 100, vm.topProperty().get());
    top.setId("newComparisonTop");
    top.setEditable(true);
    top.valueProperty().addListener((o, a, v) -> vm.topProperty().set(v));
    top.setTooltip(new javafx.scene.control.Tooltip("Voting and stacking combine the K best trials; greedy selection"
        + " picks, with repeats, from the " + org.tunescope.app.compare.ComparisonService.GREEDY_POOL_PER_MEMBER
        + "K best"));

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Trials per model"), trials);
    form.addRow(1, new Label("Ensembles of the best trials"), ensembles);
    form.addRow(2, new Label("Trials in each ensemble (top K)"), top);
    form.disableProperty().bind(vm.runningProperty());
    models.disableProperty().bind(vm.runningProperty());

    Label progress = new Label();
    progress.setId("newComparisonProgress");
    progress.setWrapText(true);
    progress.textProperty().bind(vm.progressProperty());
    Button run = new Button("Run comparison");
    run.setId("runComparisonButton");
    run.setDefaultButton(true);
    run.disableProperty().bind(vm.runningProperty());
    run.setOnAction(e -> vm.start());
    Button cancel = new Button();
    cancel.setId("cancelComparisonButton");
    cancel.textProperty().bind(Bindings.when(vm.runningProperty()).then("Cancel run").otherwise("Close"));

    VBox content = new VBox(10, new Label("Tune each ticked model on " + vm.setupText() + ", one after another:"),
        new ScrollPane(models), form, progress, new HBox(8, run, cancel));
    content.setPadding(new Insets(12));
    Stage stage = new Stage();
    stage.setTitle("New comparison");
    stage.setScene(new Scene(content));
    cancel.setOnAction(e -> {
      if (vm.runningProperty().get()) {
        vm.cancel();
      } else {
        stage.close();
      }
    });
    // Closing the window while it runs cancels the run: nothing should tune unseen.
    stage.setOnHidden(e -> vm.cancel());
    org.tunescope.ui.Windows.ownedBy(stage, owner);
    stage.show();
    return stage;
  }
}
