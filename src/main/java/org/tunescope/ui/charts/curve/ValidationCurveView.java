package org.tunescope.ui.charts.curve;

import org.tunescope.ml.tuning.ValidationCurveModel;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ui.run.RunViewModel;

/** The overfitting-curve panel: which parameter goes on the x axis, the one-SE switch, and the chart. */
public final class ValidationCurveView extends BorderPane {

  private final RunViewModel run;
  private final ComboBox<String> parameter = new ComboBox<>();
  private final ValidationCurveChart chart = new ValidationCurveChart();

  public ValidationCurveView(RunViewModel run) {
    this.run = run;
    parameter.setId("curveParameter");
    chart.setId("validationCurve");
    CheckBox oneSe = new CheckBox("mark the simplest model within one standard error");
    oneSe.selectedProperty().bindBidirectional(chart.showOneStandardErrorProperty());
    HBox controls = new HBox(8, new Label("x axis"), parameter, oneSe);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(6));
    setTop(controls);
    setCenter(chart);
    chart.selectedTrialProperty().bindBidirectional(run.selectedTrialProperty());
    run.studyProperty().addListener((o, a, study) -> parameters(study));
    parameter.valueProperty().addListener((o, a, b) -> refresh());
    org.tunescope.ui.Throttle throttle = new org.tunescope.ui.Throttle(javafx.util.Duration.millis(300), this::refresh);
    run.trials().addListener((ListChangeListener<org.tunescope.engine.study.Trial>) c -> throttle.request());
    parameters(run.studyProperty().get());
  }

  /** Offers the searched parameters, the most "complexity-driving" first. */
  private void parameters(PreparedStudy study) {
    chart.yLabelProperty().set(study == null ? "" : study.study().direction().label(study.study().metric()));
    if (study == null) {
      parameter.getItems().clear();
      return;
    }
    List<String> names = study.study().space().parameters().stream()
        .filter(p -> !(p.distribution() instanceof Distribution.Fixed))
        .sorted(java.util.Comparator.comparing((SearchParameter p) -> complexity(study, p.name()) == Complexity.NONE))
        .map(SearchParameter::name).toList();
    parameter.getItems().setAll(names);
    parameter.setValue(names.isEmpty() ? null : names.get(0));
  }

  private static Complexity complexity(PreparedStudy study, String name) {
    return study.model().hyperParameter(name).map(HyperParameter::complexity).orElse(Complexity.NONE);
  }

  private void refresh() {
    PreparedStudy study = run.studyProperty().get();
    String name = parameter.getValue();
    if (study == null || name == null) {
      chart.setModel(null);
      return;
    }
    Distribution searched = study.study().space().parameter(name).map(SearchParameter::distribution).orElse(null);
    if (searched == null) {
      chart.setModel(null);
      return;
    }
    chart.setModel(ValidationCurveModel.of(List.copyOf(run.trials()), name, searched, complexity(study, name),
        study.study().direction()));
  }

  public ValidationCurveChart chart() {
    return chart;
  }
}
