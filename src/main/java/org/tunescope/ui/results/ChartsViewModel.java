package org.tunescope.ui.results;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.tunescope.app.IntermediateCurves;
import org.tunescope.app.ObjectivePlane;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.ParameterImportance;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.Throttle;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;
import org.tunescope.ui.space.SpaceViewModel;

/**
 * The Charts tab's state, from the run: its trials, space, metric and direction as the charts' plain
 * properties; the overfitting curve along a chosen parameter; the parameters' importance (a forest fitted on
 * the trials in the background); the selected trial's learning curve and score against trees.
 */
public final class ChartsViewModel {

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final SpaceViewModel space;
  private final Notifications notifications;
  private final ObjectProperty<List<Trial>> trials = new SimpleObjectProperty<>(this, "trials", List.of());
  private final ObservableList<String> curveParameters = FXCollections.observableArrayList();
  private final ObjectProperty<String> curveParameter = new SimpleObjectProperty<>(this, "curveParameter");
  /** The x axis last chosen: a study that searches it opens its curve on it (remembered between runs). */
  private final ObjectProperty<String> preferredCurveParameter = new SimpleObjectProperty<>(this, "preferredCurveParameter");
  private boolean offering;
  private final ReadOnlyObjectWrapper<ValidationCurveModel> curve = new ReadOnlyObjectWrapper<>(this, "curve");
  private final ReadOnlyObjectWrapper<Map<String, Double>> importance = new ReadOnlyObjectWrapper<>(this, "importance");
  private final ObjectBinding<SearchSpace> studySpace;
  private final ObjectBinding<Direction> direction;
  private final StringBinding metric;
  private final StringBinding yLabel;
  private final ObjectBinding<IntermediateCurves> intermediate;
  private final ObjectBinding<ObjectivePlane> objectives;
  private final StringBinding learningStatus;
  private final SelectedTrialCurveViewModel learning;
  private final SelectedTrialCurveViewModel trees;
  private boolean importancePending;
  private boolean importanceStale;

  /** {@code space} takes the ranges narrowed in the parallel coordinates, for the next search. */
  public ChartsViewModel(RunViewModel run, UiScheduler scheduler, SpaceViewModel space, Notifications notifications) {
    this.run = run;
    this.scheduler = scheduler;
    this.space = space;
    this.notifications = notifications;
    learning = SelectedTrialCurveViewModel.learningCurve(run, scheduler);
    trees = SelectedTrialCurveViewModel.treeCount(run, scheduler);
    var study = run.shownProperty();
    studySpace = Bindings.createObjectBinding(() -> study.get() == null ? null : study.get().space(), study);
    direction = Bindings.createObjectBinding(() -> study.get() == null ? Direction.MAXIMIZE
        : study.get().direction(), study);
    metric = Bindings.createStringBinding(() -> study.get() == null ? "" : study.get().metric(), study);
    yLabel = Bindings.createStringBinding(() -> study.get() == null ? ""
        : study.get().direction().label(study.get().metric()), study);
    // What an imported study recorded beyond its trials: its learning curves, its two objectives.
    intermediate = Bindings.createObjectBinding(() -> study.get() == null ? null
        : IntermediateCurves.of(study.get()).orElse(null), study);
    objectives = Bindings.createObjectBinding(() -> study.get() == null ? null
        : ObjectivePlane.of(study.get()).orElse(null), study);
    learningStatus = Bindings.createStringBinding(() -> intermediate.get() == null ? learning.statusProperty().get()
        : intermediateReading(study.get(), intermediate.get()), intermediate, learning.statusProperty());
    // The charts follow the trials a few times a second at most; the importance forest every two seconds.
    trials.set(List.copyOf(run.trials()));
    Throttle follow = new Throttle(Duration.millis(300), () -> {
      trials.set(List.copyOf(run.trials()));
      refreshCurve();
    });
    Throttle forest = new Throttle(Duration.seconds(2), this::refreshImportance);
    run.trials().addListener((ListChangeListener<Trial>) c -> {
      follow.request();
      forest.request();
    });
    study.addListener((o, a, s) -> {
      curveParameters(s);
      refreshImportance();
    });
    curveParameter.addListener((o, a, b) -> refreshCurve());
    curveParameter.addListener((o, a, b) -> {
      if (!offering && b != null) {
        preferredCurveParameter.set(b);
      }
    });
    curveParameters(study.get());
  }

  /**
   * Offers the searched parameters for the curve's x axis: the most "complexity-driving" first, then the
   * numeric ones (an imported study declares no complexity: a number makes a curve, a category only bars).
   */
  private void curveParameters(ViewedStudy study) {
    if (study == null) {
      curveParameters.clear();
      return;
    }
    List<String> names = study.curveParameters();
    offering = true;
    try {
      curveParameters.setAll(names);
      String preferred = preferredCurveParameter.get();
      curveParameter.set(names.isEmpty() ? null : names.contains(preferred) ? preferred : names.get(0));
    } finally {
      offering = false;
    }
  }

  public ObjectProperty<String> preferredCurveParameterProperty() {
    return preferredCurveParameter;
  }

  private void refreshCurve() {
    ViewedStudy study = run.shownProperty().get();
    String name = curveParameter.get();
    Distribution searched = study == null || name == null ? null
        : study.space().parameter(name).map(SearchParameter::distribution).orElse(null);
    curve.set(searched == null ? null : ValidationCurveModel.of(List.copyOf(run.trials()), name, searched,
        study.complexity(name), study.direction()));
  }

  private void refreshImportance() {
    ViewedStudy study = run.shownProperty().get();
    if (study == null) {
      return;
    }
    if (importancePending) {
      // One computation at a time; the trials that finish meanwhile are counted by one more afterwards.
      importanceStale = true;
      return;
    }
    importancePending = true;
    List<Trial> snapshot = List.copyOf(run.trials());
    scheduler.background(() -> {
      Map<String, Double> shares;
      try {
        shares = ParameterImportance.of(snapshot, study.space());
      } catch (RuntimeException e) {
        shares = Map.of();
      }
      Map<String, Double> result = shares;
      scheduler.ui(() -> {
        importancePending = false;
        importance.set(result);
        if (importanceStale) {
          importanceStale = false;
          refreshImportance();
        }
      });
    });
  }

  /** Writes ranges brushed in the parallel coordinates into the search space, for the next search. */
  public void narrow(Map<String, Distribution> ranges) {
    space.apply(ranges);
    notifications.info("Search space narrowed to the brushed ranges: " + String.join(", ", ranges.keySet()));
  }

  /** The run's trials as they come (the parallel coordinates draw each batch at once). */
  public ObservableList<Trial> liveTrials() {
    return run.trials();
  }

  /** The run's trials, a few times a second at most. */
  public ReadOnlyObjectProperty<List<Trial>> trialsProperty() {
    return trials;
  }

  /** The selected trial's number, shared with the trials table. */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return run.selectedTrialProperty();
  }

  /** The space of the study on show; null without one. */
  public ObjectBinding<SearchSpace> spaceProperty() {
    return studySpace;
  }

  public ObjectBinding<Direction> directionProperty() {
    return direction;
  }

  /** The name of the shown study's metric, for axis titles; empty without a study. */
  public StringBinding metricProperty() {
    return metric;
  }

  /** The score axis of the curves: the metric and which way is better; empty without a study. */
  public StringBinding yLabelProperty() {
    return yLabel;
  }

  public ObservableList<String> curveParameters() {
    return curveParameters;
  }

  /** The parameter on the overfitting curve's x axis. */
  public ObjectProperty<String> curveParameterProperty() {
    return curveParameter;
  }

  /** The overfitting curve along the chosen parameter; null without one. */
  public ReadOnlyObjectProperty<ValidationCurveModel> curveProperty() {
    return curve.getReadOnlyProperty();
  }

  /** Each searched parameter's share of the variation in validation score; null until first computed. */
  public ReadOnlyObjectProperty<Map<String, Double>> importanceProperty() {
    return importance.getReadOnlyProperty();
  }

  /** What the learning-curve tab shows of an imported study's intermediate values, in one line. */
  static String intermediateReading(ViewedStudy study, IntermediateCurves curves) {
    // Short: the line's length is the tab's preferred width.
    return "Each trial's curve as " + study.name() + " recorded it: " + curves.curves().size() + " trials, "
        + curves.prunedCount() + " pruned (ending where they stopped).";
  }

  /** The shown imported study's learning curves (each trial's intermediate values); null when it has none. */
  public ObjectBinding<IntermediateCurves> intermediateProperty() {
    return intermediate;
  }

  /** The shown imported study's first two objectives with their Pareto front; null unless it has two or more. */
  public ObjectBinding<ObjectivePlane> objectivesProperty() {
    return objectives;
  }

  /** The learning-curve tab's line: the computed curve's, or what an imported study's recorded curves show. */
  public StringBinding learningStatusProperty() {
    return learningStatus;
  }

  public SelectedTrialCurveViewModel learning() {
    return learning;
  }

  public SelectedTrialCurveViewModel trees() {
    return trees;
  }
}
