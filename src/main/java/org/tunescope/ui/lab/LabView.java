package org.tunescope.ui.lab;

import org.tunescope.ui.PngExport;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
import org.tunescope.ui.charts.curve.ValidationCurveChart;

/**
 * The overfitting lab tab: lesson picker, data controls, model and parameter pickers, the slider with
 * its value, Sweep and Export PNG; the decision regions (or fitted curve) beside the validation curve
 * with a marker at the slider; the three scores in the train and validation colours. Handlers are one
 * line calls into the {@link LabViewModel}.
 */
public final class LabView extends BorderPane {

  private final LabViewModel vm;
  private final Slider slider = new Slider();
  private final LabPlot plot = new LabPlot();
  private final ValidationCurveChart chart = new ValidationCurveChart();
  private Timeline sweep;

  public LabView(LabViewModel vm) {
    this.vm = vm;
    getStyleClass().add("lab");
    setId("lab");
    setTop(new VBox(6, lessonBar(), dataBar(), modelBar(), sliderBar()));
    BorderPane.setMargin(getTop(), new Insets(8));
    plot.setId("labPlot");
    chart.setId("labCurve");
    chart.setPrefSize(520, 360);
    chart.modelProperty().bind(vm.curveProperty());
    chart.markerProperty().bind(vm.markerProperty());
    chart.showOneStandardErrorProperty().set(false);
    Label zone = new Label();
    zone.setId("labZone");
    zone.getStyleClass().add("lab-zone");
    zone.setWrapText(true);
    zone.textProperty().bind(vm.zoneTextProperty());
    VBox right = new VBox(10, scores(), zone, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    HBox center = new HBox(12, plot, right);
    HBox.setHgrow(plot, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    setCenter(center);
    Label status = new Label();
    status.setId("labStatus");
    status.getStyleClass().add("muted");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    setBottom(status);
    BorderPane.setMargin(status, new Insets(0, 8, 8, 8));
    vm.fitProperty().addListener((o, a, f) -> plot.show(vm.dataProperty().get(), f));
    vm.dataProperty().addListener((o, a, d) -> plot.show(d, null));
  }

  private javafx.scene.layout.FlowPane lessonBar() {
    ComboBox<Lesson> lessons = new ComboBox<>();
    lessons.setId("labLesson");
    lessons.getItems().setAll(Lesson.values());
    lessons.setPromptText("Choose a lesson...");
    vm.lessonProperty().addListener((o, a, l) -> {
      if (l != null && lessons.getValue() != l) {
        lessons.setValue(l);
      }
    });
    lessons.setOnAction(e -> {
      if (lessons.getValue() != null && lessons.getValue() != vm.lessonProperty().get()) {
        vm.openLesson(lessons.getValue());
      }
    });
    Button export = new Button("Export PNG...");
    export.setId("labExport");
    export.setOnAction(e -> exportPng());
    return bar(new Label("Lesson"), lessons, export);
  }

  private javafx.scene.layout.FlowPane dataBar() {
    ComboBox<TeachingDataset> kind = new ComboBox<>();
    kind.setId("labKind");
    kind.getItems().setAll(TeachingDataset.values());
    kind.setValue(TeachingDataset.MOONS);
    Spinner<Integer> rows = new Spinner<>(10, 5000, 400, 50);
    rows.setId("labRows");
    Spinner<Double> noise = new Spinner<>(0.0, 2.0, 0.3, 0.05);
    noise.setId("labNoise");
    Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 0);
    seed.setId("labSeed");
    for (Spinner<?> s : List.of(rows, noise, seed)) {
      s.setEditable(true);
      s.setPrefWidth(90);
    }
    Button generate = new Button("Generate");
    generate.setId("labGenerate");
    generate.setOnAction(e -> vm.generate(kind.getValue(), rows.getValue(), noise.getValue(), seed.getValue()));
    MenuButton samples = new MenuButton("Sample (PCA)");
    samples.setId("labSamples");
    for (String name : SampleDatasets.NAMES) {
      MenuItem item = new MenuItem(SampleDatasets.describe(name));
      item.setOnAction(e -> vm.loadSample(name));
      samples.getItems().add(item);
    }
    // The controls show the data on show: a lesson's set (sine, 60 rows) or a sample, not what was typed last.
    vm.dataProperty().addListener((o, old, d) -> {
      if (d != null && d.choice() instanceof DatasetChoice.Generated g) {
        kind.setValue(g.kind());
        rows.getValueFactory().setValue(g.rows());
        noise.getValueFactory().setValue(g.noise());
        seed.getValueFactory().setValue((int) g.seed());
        samples.setText("Sample (PCA)");
      } else if (d != null && d.choice() instanceof DatasetChoice.Sample sample) {
        samples.setText(sample.name() + " (PCA)");
      }
    });
    return bar(new Label("Data"), kind, new Label("rows"), rows, new Label("noise"), noise,
        new Label("seed"), seed, generate, new Separator(javafx.geometry.Orientation.VERTICAL), samples);
  }

  private javafx.scene.layout.FlowPane modelBar() {
    ComboBox<ModelSpec> model = new ComboBox<>(vm.models());
    model.setId("labModel");
    model.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(ModelSpec m, boolean empty) {
        super.updateItem(m, empty);
        setText(empty || m == null ? null : m.name());
      }
    });
    model.setButtonCell(model.getCellFactory().call(null));
    model.valueProperty().bindBidirectional(vm.modelProperty());
    ComboBox<String> parameter = new ComboBox<>(vm.parameters());
    parameter.setId("labParameter");
    parameter.valueProperty().bindBidirectional(vm.parameterProperty());
    return bar(new Label("Model"), model, new Label("Parameter"), parameter);
  }

  private javafx.scene.layout.FlowPane sliderBar() {
    slider.setId("labSlider");
    slider.setPrefWidth(320);
    HBox.setHgrow(slider, Priority.ALWAYS);
    vm.axisProperty().addListener((o, a, axis) -> {
      if (axis != null) {
        slider.setMin(axis.sliderMin());
        slider.setMax(axis.sliderMax());
        slider.setValue(vm.sliderProperty().get());
      }
    });
    slider.valueProperty().bindBidirectional(vm.sliderProperty());
    Label value = new Label();
    value.setId("labValue");
    value.getStyleClass().add("lab-value");
    value.setMinWidth(60);
    value.textProperty().bind(vm.valueTextProperty());
    Label ends = new Label();
    ends.getStyleClass().add("muted");
    ends.textProperty().bind(Bindings.createStringBinding(() -> {
      ParameterAxis axis = vm.axisProperty().get();
      return axis == null ? "" : axis.simpleAtHigh() ? "complex ← → simple" : "simple ← → complex";
    }, vm.axisProperty()));
    Button sweepButton = new Button("Sweep");
    sweepButton.setId("labSweep");
    sweepButton.setOnAction(e -> sweep());
    return bar(new Label("Value"), slider, value, ends, sweepButton);
  }

  private javafx.scene.layout.FlowPane scores() {
    javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(10, 4, score("training", "train", vm.trainProperty()),
        score("validation (cross-validated)", "validation", vm.validationProperty()),
        score("held-out test", "test", vm.testProperty()));
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
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

  private void exportPng() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the lab as PNG");
    chooser.setInitialFileName("lab.png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
    File file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) {
      try {
        PngExport.write(this, file.toPath());
        vm.statusProperty().set("Exported the lab to " + file);
      } catch (IOException e) {
        vm.statusProperty().set("Cannot write " + file + ": " + e.getMessage());
      }
    }
  }

  /** The slider, for tests. */
  public Slider slider() {
    return slider;
  }

  public ValidationCurveChart chart() {
    return chart;
  }

  /**
   * A row of controls that wraps onto a second line when the window is narrow, instead of cutting its
   * labels and buttons to "...": every label and button keeps the width its text needs.
   */
  private static javafx.scene.layout.FlowPane bar(javafx.scene.Node... nodes) {
    for (javafx.scene.Node n : nodes) {
      if (n instanceof javafx.scene.control.Labeled || n instanceof ComboBox<?>) {
        ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, nodes);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }
}
