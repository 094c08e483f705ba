package org.tunescope.ui.search;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.Task;
import org.tunescope.ml.metrics.Metric;

/** The search step: method, budget, folds, metric, seed and workers, with the size of the search. */
public final class SearchViewModel {

  private final ObjectProperty<SearchMethod> method = new SimpleObjectProperty<>(this, "method", SearchMethod.RANDOM);
  private final IntegerProperty gridPoints = new SimpleIntegerProperty(this, "gridPoints", 5);
  private final IntegerProperty trials = new SimpleIntegerProperty(this, "trials", 30);
  private final BooleanProperty limitTrials = new SimpleBooleanProperty(this, "limitTrials", false);
  private final IntegerProperty minutes = new SimpleIntegerProperty(this, "minutes", 0);
  private final IntegerProperty folds = new SimpleIntegerProperty(this, "folds", 5);
  private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric");
  private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 0);
  private final IntegerProperty testPercent = new SimpleIntegerProperty(this, "testPercent", 0);
  private final IntegerProperty workers = new SimpleIntegerProperty(this, "workers",
      Runtime.getRuntime().availableProcessors());
  private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
  private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(this, "space");
  private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");

  public SearchViewModel() {
    size.bind(Bindings.createStringBinding(this::describeSize, method, gridPoints, trials, limitTrials, minutes, space));
  }

  /** Offers the metrics of a task and picks its default. */
  public void setTask(Task task) {
    if (task == null) {
      metrics.clear();
      metric.set(null);
      return;
    }
    metrics.setAll(Arrays.stream(Metric.values()).filter(m -> m.task() == task).toList());
    if (metric.get() == null || metric.get().task() != task) {
      metric.set(Metric.defaultFor(task));
    }
  }

  /** The budget the settings describe. */
  public Budget budget() {
    OptionalInt max = limitTrials.get() || (method.get() != SearchMethod.GRID && minutes.get() <= 0)
        ? OptionalInt.of(Math.max(1, trials.get())) : OptionalInt.empty();
    Optional<Duration> time = minutes.get() > 0 ? Optional.of(Duration.ofMinutes(minutes.get())) : Optional.empty();
    return new Budget(max, time);
  }

  /** How many trials the search runs, when known. */
  public OptionalInt plannedTrials() {
    SearchSpace s = space.get();
    Budget b = budget();
    if (method.get() == SearchMethod.GRID && s != null) {
      int grid = new GridSampler(s, Math.max(1, gridPoints.get())).size().getAsInt();
      return OptionalInt.of(b.maxTrials().isPresent() ? Math.min(grid, b.maxTrials().getAsInt()) : grid);
    }
    return b.maxTrials();
  }

  private String describeSize() {
    SearchSpace s = space.get();
    if (s == null) {
      return "";
    }
    String time = minutes.get() > 0 ? ", at most " + minutes.get() + " min" : "";
    if (method.get() == SearchMethod.GRID) {
      int grid = new GridSampler(s, Math.max(1, gridPoints.get())).size().getAsInt();
      OptionalInt planned = plannedTrials();
      return "grid of " + grid + " points" + (planned.getAsInt() < grid ? ", running " + planned.getAsInt() : "") + time;
    }
    OptionalInt planned = plannedTrials();
    return (planned.isPresent() ? planned.getAsInt() + " trials" : "trials until the time is up") + time;
  }

  public ObjectProperty<SearchMethod> methodProperty() {
    return method;
  }

  public IntegerProperty gridPointsProperty() {
    return gridPoints;
  }

  public IntegerProperty trialsProperty() {
    return trials;
  }

  public BooleanProperty limitTrialsProperty() {
    return limitTrials;
  }

  public IntegerProperty minutesProperty() {
    return minutes;
  }

  /**
   * The percentage of rows held out as a test split that tuning never sees (stratified, seeded by the
   * seed); the best trial is scored on them once when the study ends. 0 holds nothing out.
   */
  public IntegerProperty testPercentProperty() {
    return testPercent;
  }

  /** The held-out share of rows, empty when none. */
  public java.util.OptionalDouble testFraction() {
    int p = testPercent.get();
    return p > 0 && p < 100 ? java.util.OptionalDouble.of(p / 100.0) : java.util.OptionalDouble.empty();
  }

  public IntegerProperty foldsProperty() {
    return folds;
  }

  public ObjectProperty<Metric> metricProperty() {
    return metric;
  }

  public IntegerProperty seedProperty() {
    return seed;
  }

  public IntegerProperty workersProperty() {
    return workers;
  }

  public ObservableList<Metric> metrics() {
    return metrics;
  }

  public ObjectProperty<SearchSpace> spaceProperty() {
    return space;
  }

  public ReadOnlyStringProperty sizeProperty() {
    return size.getReadOnlyProperty();
  }
}
