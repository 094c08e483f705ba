package org.tunescope.ui.data;

import java.io.File;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ui.TextConverter;

/** The data step (DataView.fxml): open a file or a sample, the target column and the task. */
public final class DataView {

  private final DataViewModel vm;
  private final Consumer<String> loadSample;

  @FXML private MenuButton samplesButton;
  @FXML private Label dataDescription;
  @FXML private ComboBox<String> targetBox;
  @FXML private ComboBox<Task> taskBox;
  @FXML private Label targetSummary;

  /** {@code loadSample} loads a bundled dataset by name (the window knows where samples are unpacked). */
  public DataView(DataViewModel vm, Consumer<String> loadSample) {
    this.vm = vm;
    this.loadSample = loadSample;
  }

  @FXML
  private void initialize() {
    for (String name : SampleDatasets.NAMES) {
      MenuItem item = new MenuItem(SampleDatasets.describe(name));
      item.setId("sample-" + name);
      item.setOnAction(e -> loadSample.accept(name));
      samplesButton.getItems().add(item);
    }
    dataDescription.textProperty().bind(vm.descriptionProperty());
    targetBox.setItems(vm.columns());
    targetBox.valueProperty().bindBidirectional(vm.targetProperty());
    taskBox.getItems().setAll(Task.values());
    taskBox.setConverter(new TextConverter<>(Task::id));
    taskBox.valueProperty().bindBidirectional(vm.taskProperty());
    targetSummary.textProperty().bind(vm.targetSummaryProperty());
  }

  private java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> initialFolder = java.util.Optional::empty;

  /** Where the open dialog starts (the folder of the last data file opened, remembered between runs). */
  public void setInitialFolder(java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> folder) {
    this.initialFolder = folder;
  }

  /** Asks for a data file and loads it (the Open button and File > Open). */
  @FXML
  public void openFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a data file");
    initialFolder.get().map(java.nio.file.Path::toFile).filter(java.io.File::isDirectory)
        .ifPresent(chooser::setInitialDirectory);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Data files", "*.csv", "*.tsv", "*.txt", "*.data", "*.arff", "*.libsvm",
            "*.svm", "*.svmlight"),
        new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(samplesButton.getScene().getWindow());
    if (file != null) {
      vm.load(file.toPath());
    }
  }
}
