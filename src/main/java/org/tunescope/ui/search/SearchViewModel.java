package org.tunescope.ui.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.Task;
import org.tunescope.ml.metrics.Metric;

/**
 * The search step: method, budget, folds, metric, seed and workers, with the size of the search. Each
 * number is an {@link IntField}: what the user types stays as typed, and a setting that is wrong says so
 * on its field and in {@link #problems()}, which keep a study from starting.
 */
public final class SearchViewModel {

  private final ObjectProperty<SearchMethod> method = new SimpleObjectProperty<>(this, "method", SearchMethod.RANDOM);
  private final IntField gridPoints = new IntField("Grid points", 1, 50, 5);
  private final IntField trials = new IntField("Max trials", 1, 100_000, 30);
  /** Ticked: at most that many trials. Unticked: no trial limit; the time limit or the grid's size ends the search. */
  private final BooleanProperty limitTrials = new SimpleBooleanProperty(this, "limitTrials", true);
  private final IntField minutes = new IntField("Time limit", 0, 10_000, 0);
  private final IntField folds = new IntField("Folds", 2, 20, 5);
  private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric");
  private final IntField seed = new IntField("Seed", 0, Integer.MAX_VALUE, 0);
  private final IntField testPercent = new IntField("Test split %", 0, 50, 0);
  private final IntField workers = new IntField("Workers", 1, 64, Math.min(64, Runtime.getRuntime().availableProcessors()));
  private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
  private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(this, "space");
  private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
  private final ReadOnlyStringWrapper limitProblem = new ReadOnlyStringWrapper(this, "limitProblem", "");
  private final ReadOnlyStringWrapper trialsRowProblem = new ReadOnlyStringWrapper(this, "trialsRowProblem", "");
  private final ReadOnlyStringWrapper gridProblem = new ReadOnlyStringWrapper(this, "gridProblem", "");
  /** The grid measured once per change of method, points or space (built on this thread: up to MAX_POINTS). */
  private final ObjectBinding<GridSize> grid = Bindings.createObjectBinding(this::measureGrid, method,
      gridPoints.valueProperty(), space);
  private final ObservableList<String> problems = FXCollections.observableArrayList();

  public SearchViewModel() {
    // A grid past GridSampler.MAX_POINTS must be said, not thrown out of a binding.
    gridProblem.bind(Bindings.createStringBinding(() -> grid.get().problem(), grid));
    size.bind(Bindings.createStringBinding(this::describeSize, grid, method, trials.valueProperty(), limitTrials,
        minutes.valueProperty(), space));
    limitProblem.bind(Bindings.createStringBinding(() -> limitTrials.get() || method.get() == SearchMethod.GRID
            || !minutes.isValid() || minutes.valueProperty().get() > 0 ? ""
            : "No limit: a " + method.get().id() + " search needs a trial limit (tick Max trials) or a time limit",
        limitTrials, method, minutes.valueProperty(), minutes.problemProperty()));
    // The trial limit's own problem counts only while the box is ticked; unticked, a search with no limit
    // at all is the problem, said on the same row.
    trialsRowProblem.bind(Bindings.createStringBinding(() -> limitTrials.get() && !trials.isValid()
        ? trials.problemProperty().get() : limitProblem.get(), limitTrials, trials.problemProperty(), limitProblem));
    for (javafx.beans.Observable o : List.of(method, limitTrials, limitProblem, gridProblem, gridPoints.problemProperty(),
        trials.problemProperty(), minutes.problemProperty(), folds.problemProperty(), seed.problemProperty(),
        testPercent.problemProperty(), workers.problemProperty())) {
      o.addListener(x -> refreshProblems());
    }
    refreshProblems();
  }

  /** The settings' problems that matter now (the grid points only for a grid, the trial limit only when ticked). */
  private void refreshProblems() {
    List<String> now = new ArrayList<>();
    for (IntField f : fields()) {
      boolean matters = (f != gridPoints || method.get() == SearchMethod.GRID) && (f != trials || limitTrials.get());
      if (matters && !f.isValid()) {
        now.add(f.problemProperty().get());
      }
    }
    for (String p : List.of(limitProblem.get(), gridProblem.get())) {
      if (!p.isEmpty()) {
        now.add(p);
      }
    }
    if (!now.equals(problems)) {
      problems.setAll(now);
    }
  }

  /** What keeps the settings from starting a study, in words, field by field; empty when they are valid. */
  public ObservableList<String> problems() {
    return problems;
  }

  /** The problem shown on the trial limit's row: its own while ticked, else why no limit ends the search. */
  public ReadOnlyStringProperty trialsRowProblemProperty() {
    return trialsRowProblem.getReadOnlyProperty();
  }

  public IntField trialsField() {
    return trials;
  }

  /** The whole-number settings as shown: grid points, trials, minutes, folds, seed, test %, workers. */
  public List<IntField> fields() {
    return List.of(gridPoints, trials, minutes, folds, seed, testPercent, workers);
  }

  public IntField foldsField() {
    return folds;
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

  /**
   * The budget the settings describe: the trial limit only when "Max trials" is ticked. Without either
   * limit only a grid ends by itself; {@link #problems()} says so for the other methods.
   */
  public Budget budget() {
    int max = trials.valueProperty().get();
    OptionalInt maxTrials = limitTrials.get() && max >= 1 ? OptionalInt.of(max) : OptionalInt.empty();
    int m = minutes.valueProperty().get();
    Optional<Duration> time = m > 0 ? Optional.of(Duration.ofMinutes(m)) : Optional.empty();
    return new Budget(maxTrials, time);
  }

  /** How many trials the search runs, when known. */
  public OptionalInt plannedTrials() {
    Budget b = budget();
    OptionalInt points = grid.get().points();
    if (points.isPresent()) {
      int g = points.getAsInt();
      return OptionalInt.of(b.maxTrials().isPresent() ? Math.min(g, b.maxTrials().getAsInt()) : g);
    }
    return b.maxTrials();
  }

  /** A grid's size, or why it cannot be built (too many points); neither for the other methods. */
  private record GridSize(OptionalInt points, String problem) {
  }

  private GridSize measureGrid() {
    SearchSpace s = space.get();
    if (method.get() != SearchMethod.GRID || s == null) {
      return new GridSize(OptionalInt.empty(), "");
    }
    try {
      return new GridSize(new GridSampler(s, Math.max(1, gridPoints.valueProperty().get())).size(), "");
    } catch (IllegalArgumentException e) {
      String why = e.getMessage();
      return new GridSize(OptionalInt.empty(), why.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + why.substring(1));
    }
  }

  private String describeSize() {
    SearchSpace s = space.get();
    if (s == null) {
      return "";
    }
    int m = minutes.valueProperty().get();
    String time = m > 0 ? ", at most " + m + " min" : "";
    if (method.get() == SearchMethod.GRID) {
      if (grid.get().points().isEmpty()) {
        return "grid too large (more than " + GridSampler.MAX_POINTS + " points)";
      }
      int g = grid.get().points().getAsInt();
      OptionalInt planned = plannedTrials();
      return "grid of " + g + " points" + (planned.getAsInt() < g ? ", running " + planned.getAsInt()
          + " (Max trials)" : "") + time;
    }
    OptionalInt planned = plannedTrials();
    if (planned.isPresent()) {
      return planned.getAsInt() + " trials" + time;
    }
    return m > 0 ? "trials until the time is up" + time : "";
  }

  public ObjectProperty<SearchMethod> methodProperty() {
    return method;
  }

  public IntegerProperty gridPointsProperty() {
    return gridPoints.valueProperty();
  }

  public IntegerProperty trialsProperty() {
    return trials.valueProperty();
  }

  public BooleanProperty limitTrialsProperty() {
    return limitTrials;
  }

  public IntegerProperty minutesProperty() {
    return minutes.valueProperty();
  }

  /**
   * The percentage of rows held out as a test split that tuning never sees (stratified, seeded by the
   * seed); the best trial is scored on them once when the study ends. 0 holds nothing out.
   */
  public IntegerProperty testPercentProperty() {
    return testPercent.valueProperty();
  }

  /** The held-out share of rows, empty when none. */
  public java.util.OptionalDouble testFraction() {
    int p = testPercent.valueProperty().get();
    return p > 0 && p < 100 ? java.util.OptionalDouble.of(p / 100.0) : java.util.OptionalDouble.empty();
  }

  public IntegerProperty foldsProperty() {
    return folds.valueProperty();
  }

  public ObjectProperty<Metric> metricProperty() {
    return metric;
  }

  public IntegerProperty seedProperty() {
    return seed.valueProperty();
  }

  public IntegerProperty workersProperty() {
    return workers.valueProperty();
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
