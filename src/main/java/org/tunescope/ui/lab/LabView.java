package org.tunescope.ui.lab;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ml.lab.DatasetChoice;
import org.tunescope.ml.lab.Lesson;
import org.tunescope.ml.lab.ParameterAxis;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ui.PngExport;
import org.tunescope.ui.TextConverter;
import org.tunescope.ui.charts.curve.ValidationCurveChart;

/**
 * The overfitting lab tab (LabView.fxml): lesson picker, data controls, model and parameter pickers, the
 * slider with its value, Sweep and Export PNG; the decision regions (or fitted curve) beside the validation
 * curve with a marker at the slider; the three scores in the train and validation colours. Handlers are one
 * line calls into the {@link LabViewModel}.
 */
public final class LabView {

  private final LabViewModel vm;
  private Timeline sweep;

  @FXML private BorderPane lab;
  @FXML private VBox bars;
  @FXML private ComboBox<Lesson> labLesson;
  @FXML private ComboBox<TeachingDataset> labKind;
  @FXML private Spinner<Integer> labRows;
  @FXML private Spinner<Double> labNoise;
  @FXML private Spinner<Integer> labSeed;
  @FXML private MenuButton labSamples;
  @FXML private ComboBox<ModelSpec> labModel;
  @FXML private ComboBox<String> labParameter;
  @FXML private Slider labSlider;
  @FXML private Label labValue;
  @FXML private Label ends;
  @FXML private LabPlot labPlot;
  @FXML private FlowPane scores;
  @FXML private Label labZone;
  @FXML private ValidationCurveChart labCurve;
  @FXML private Label labStatus;

  public LabView(LabViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    // Every label, button and combo box keeps the width its text needs: a narrow window wraps a row instead
    // of cutting them to "...".
    bars.getChildren().forEach(bar -> ((Pane) bar).getChildren().stream()
        .filter(n -> n instanceof Labeled || n instanceof ComboBox<?>)
        .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE)));
    labCurve.modelProperty().bind(vm.curveProperty());
    labCurve.markerProperty().bind(vm.markerProperty());
    labCurve.showOneStandardErrorProperty().set(false);
    labZone.textProperty().bind(vm.zoneTextProperty());
    scores.getChildren().setAll(score("training", "train", vm.trainProperty()),
        score("validation (cross-validated)", "validation", vm.validationProperty()),
        score("held-out test", "test", vm.testProperty()));
    labStatus.textProperty().bind(vm.statusProperty());
    vm.fitProperty().addListener((o, a, f) -> labPlot.show(vm.dataProperty().get(), f));
    vm.dataProperty().addListener((o, a, d) -> labPlot.show(d, null));
    lessons();
    data();
    models();
    slider();
  }

  private void lessons() {
    labLesson.getItems().setAll(Lesson.values());
    vm.lessonProperty().addListener((o, a, l) -> {
      if (l != null && labLesson.getValue() != l) {
        labLesson.setValue(l);
      }
    });
    labLesson.setOnAction(e -> {
      if (labLesson.getValue() != null && labLesson.getValue() != vm.lessonProperty().get()) {
        vm.openLesson(labLesson.getValue());
      }
    });
  }

  private void data() {
    labKind.getItems().setAll(TeachingDataset.values());
    labKind.setValue(TeachingDataset.MOONS);
    for (String name : SampleDatasets.NAMES) {
      MenuItem item = new MenuItem(SampleDatasets.describe(name));
      item.setOnAction(e -> vm.loadSample(name));
      labSamples.getItems().add(item);
    }
    // The controls show the data on show: a lesson's set (sine, 60 rows) or a sample, not what was typed last.
    vm.dataProperty().addListener((o, old, d) -> {
      if (d != null && d.choice() instanceof DatasetChoice.Generated g) {
        labKind.setValue(g.kind());
        labRows.getValueFactory().setValue(g.rows());
        labNoise.getValueFactory().setValue(g.noise());
        labSeed.getValueFactory().setValue((int) g.seed());
        labSamples.setText("Sample (PCA)");
      } else if (d != null && d.choice() instanceof DatasetChoice.Sample sample) {
        labSamples.setText(sample.name() + " (PCA)");
      }
    });
  }

  @FXML
  private void generate() {
    vm.generate(labKind.getValue(), labRows.getValue(), labNoise.getValue(), labSeed.getValue());
  }

  private void models() {
    labModel.setItems(vm.models());
    labModel.setConverter(new TextConverter<>(ModelSpec::name));
    labModel.valueProperty().bindBidirectional(vm.modelProperty());
    labParameter.setItems(vm.parameters());
    labParameter.valueProperty().bindBidirectional(vm.parameterProperty());
  }

  private void slider() {
    vm.axisProperty().addListener((o, a, axis) -> {
      if (axis != null) {
        labSlider.setMin(axis.sliderMin());
        labSlider.setMax(axis.sliderMax());
        labSlider.setValue(vm.sliderProperty().get());
      }
    });
    labSlider.valueProperty().bindBidirectional(vm.sliderProperty());
    labValue.textProperty().bind(vm.valueTextProperty());
    ends.textProperty().bind(Bindings.createStringBinding(() -> {
      ParameterAxis axis = vm.axisProperty().get();
      return axis == null ? "" : axis.simpleAtHigh() ? "complex ← → simple" : "simple ← → complex";
    }, vm.axisProperty()));
  }

  private VBox score(String caption, String kind, javafx.beans.property.DoubleProperty value) {
    Label number = new Label();
    number.setId("lab-score-" + kind);
    number.getStyleClass().addAll("lab-score", "lab-score-" + kind);
    number.textProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(value.get()) ? "..."
        : String.format(Locale.ROOT, "%.3f", value.get()), value));
    Label label = new Label();
    label.getStyleClass().add("muted");
    label.textProperty().bind(Bindings.createStringBinding(() -> caption + " " + vm.metricName(), value,
        vm.axisProperty()));
    number.setMinWidth(Region.USE_PREF_SIZE);
    // The caption may wrap; the number never shrinks.
    label.setWrapText(true);
    VBox box = new VBox(2, number, label);
    box.getStyleClass().add("lab-score-box");
    return box;
  }

  /** Animates the slider from the simplest model to the most complex. */
  @FXML
  private void sweep() {
    if (sweep != null) {
      sweep.stop();
    }
    List<Double> positions = vm.sweepPositions(20);
    sweep = new Timeline();
    for (int i = 0; i < positions.size(); i++) {
      double p = positions.get(i);
      sweep.getKeyFrames().add(new KeyFrame(Duration.millis(450.0 * i), e -> vm.sliderProperty().set(p)));
    }
    sweep.play();
  }

  @FXML
  private void exportPng() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the lab as PNG");
    chooser.setInitialFileName("lab.png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
    File file = chooser.showSaveDialog(lab.getScene().getWindow());
    if (file != null) {
      try {
        PngExport.write(lab, file.toPath());
        vm.statusProperty().set("Exported the lab to " + file);
      } catch (IOException e) {
        vm.statusProperty().set("Cannot write " + file + ": " + e.getMessage());
      }
    }
  }
}
