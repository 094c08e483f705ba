package org.tunescope.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.ParamType;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialCancelledException;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ml.lab.DatasetChoice;
import org.tunescope.ml.lab.LabData;
import org.tunescope.ml.lab.LabEngine;
import org.tunescope.ml.lab.LabFit;
import org.tunescope.ml.lab.LabSetup;
import org.tunescope.ml.lab.Lesson;
import org.tunescope.ml.lab.ParameterAxis;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ml.tuning.ValidationCurveModel;

/**
 * The overfitting lab's state: a dataset, a model, one hyperparameter and the slider along its range.
 * Moving the slider refits in the background (debounced while dragging; a newer move makes older fits
 * stop or be ignored) and publishes the decision regions or fitted curve with the training, validation
 * and held-out test scores. The validation curve of the parameter over its whole range is computed once
 * per dataset, model and parameter.
 */
public final class LabViewModel {

  /** While the slider moves faster than this, fits wait this long for it to settle. */
  public static final long DEBOUNCE_MILLIS = 100;

  private final UiScheduler scheduler;
  private final ModelCatalog catalog;
  private final Path samplesFolder;
  private final long debounceMillis;
  private final AtomicLong fitGeneration = new AtomicLong();
  private final AtomicLong curveGeneration = new AtomicLong();
  private volatile long lastRequestNanos;
  private volatile ValidationCurveModel currentCurve;
  private StudyRunner curveRunner;
  private LabSetup setup;
  private Map<String, Object> fixed = Map.of();
  private boolean applying;

  private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
  private final ObjectProperty<LabData> data = new SimpleObjectProperty<>(this, "data");
  private final ObservableList<ModelSpec> models = FXCollections.observableArrayList();
  private final ObjectProperty<ModelSpec> model = new SimpleObjectProperty<>(this, "model");
  private final ObservableList<String> parameters = FXCollections.observableArrayList();
  private final ObjectProperty<String> parameter = new SimpleObjectProperty<>(this, "parameter");
  private final ObjectProperty<ParameterAxis> axis = new SimpleObjectProperty<>(this, "axis");
  private final DoubleProperty slider = new SimpleDoubleProperty(this, "slider");
  private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
  private final StringProperty valueText = new SimpleStringProperty(this, "valueText", "");
  private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);
  private final ObjectProperty<LabFit> fit = new SimpleObjectProperty<>(this, "fit");
  private final DoubleProperty train = new SimpleDoubleProperty(this, "train", Double.NaN);
  private final DoubleProperty validation = new SimpleDoubleProperty(this, "validation", Double.NaN);
  private final DoubleProperty test = new SimpleDoubleProperty(this, "test", Double.NaN);
  private final ObjectProperty<ValidationCurveModel> curve = new SimpleObjectProperty<>(this, "curve");
  private final ObjectProperty<ValidationCurveModel.Zone> zone = new SimpleObjectProperty<>(this, "zone");
  private final StringProperty zoneText = new SimpleStringProperty(this, "zoneText", "");
  private final StringProperty status = new SimpleStringProperty(this, "status", "Pick a lesson, or generate data.");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

  /** The app's lab: fits wait {@value #DEBOUNCE_MILLIS} ms while the slider is being dragged. */
  public LabViewModel(UiScheduler scheduler, ModelCatalog catalog, Path samplesFolder) {
    this(scheduler, catalog, samplesFolder, DEBOUNCE_MILLIS);
  }

  /** @param debounceMillis 0 in tests that run everything on the calling thread */
  public LabViewModel(UiScheduler scheduler, ModelCatalog catalog, Path samplesFolder, long debounceMillis) {
    this.scheduler = scheduler;
    this.catalog = catalog;
    this.samplesFolder = samplesFolder;
    this.debounceMillis = debounceMillis;
    model.addListener((o, a, m) -> {
      if (!applying && m != null) {
        fixed = Map.of();
        lesson.set(null);
        refreshParameters();
        applying = true;
        parameter.set(parameters.isEmpty() ? null : parameters.get(0));
        applying = false;
        configure(null, null);
      }
    });
    parameter.addListener((o, a, p) -> {
      if (!applying && p != null) {
        configure(null, null);
      }
    });
    slider.addListener((o, a, v) -> {
      if (!applying) {
        updateValue();
        requestFit();
      }
    });
  }

  // --- actions

  /** Opens a lesson: its data, model, parameter, range and starting value. */
  public void openLesson(Lesson l) {
    load(l.dataset(), () -> {
      ModelSpec spec = catalog.find(l.model(), data.get().problem().task()).orElseThrow();
      applying = true;
      lesson.set(l);
      model.set(spec);
      fixed = l.fixed();
      refreshParameters();
      parameter.set(l.parameter());
      applying = false;
      configure(l.range(), l.start());
    });
  }

  /** Generates a teaching set and keeps the model if it suits the task. */
  public void generate(TeachingDataset kind, int rows, double noise, long seed) {
    load(new DatasetChoice.Generated(kind, rows, noise, seed), this::keepOrDefaultModel);
  }

  /** Loads a bundled sample, projected on its first principal components. */
  public void loadSample(String name) {
    load(new DatasetChoice.Sample(name, List.of()), this::keepOrDefaultModel);
  }

  /** Slider positions from the simplest model to the most complex, for the sweep. */
  public List<Double> sweepPositions(int steps) {
    return axis.get() == null ? List.of() : axis.get().sweep(steps);
  }

  // --- the work

  private void load(DatasetChoice choice, Runnable then) {
    status.set("Loading " + choice.label() + "...");
    busy.set(true);
    scheduler.background(() -> {
      LabData loaded;
      try {
        loaded = LabData.of(choice, samplesFolder);
      } catch (RuntimeException e) {
        scheduler.ui(() -> {
          status.set("Cannot load " + choice.label() + ": " + e.getMessage());
          busy.set(false);
        });
        return;
      }
      scheduler.ui(() -> {
        applying = true;
        data.set(loaded);
        models.setAll(catalog.forTask(loaded.problem().task()).stream()
            .filter(m -> m.hyperParameters().stream().anyMatch(LabViewModel::slidable)).toList());
        applying = false;
        then.run();
      });
    });
  }

  private void keepOrDefaultModel() {
    Task task = data.get().problem().task();
    ModelSpec previous = model.get();
    ModelSpec next = previous != null && previous.task() == task ? previous
        : catalog.find(task == Task.CLASSIFICATION ? "decision_tree" : "polynomial", task).orElse(models.get(0));
    String keepParameter = parameter.get();
    applying = true;
    lesson.set(null);
    if (next != previous) {
      fixed = Map.of();
    }
    model.set(next);
    refreshParameters();
    parameter.set(parameters.contains(keepParameter) && next == previous ? keepParameter
        : parameters.isEmpty() ? null : parameters.get(0));
    applying = false;
    configure(null, null);
  }

  private void refreshParameters() {
    ModelSpec m = model.get();
    parameters.setAll(m == null ? List.of() : m.hyperParameters().stream().filter(LabViewModel::slidable)
        .map(HyperParameter::name).toList());
  }

  /** A numeric parameter with a direction of complexity. */
  static boolean slidable(HyperParameter h) {
    return h.type() != ParamType.CATEGORICAL && h.complexity() != Complexity.NONE
        && (h.defaultSearch() instanceof Distribution.IntRange || h.defaultSearch() instanceof Distribution.FloatRange);
  }

  /** A new setup: the axis, the slider's start, the validation curve and the first fit. */
  private void configure(Distribution range, Object start) {
    LabData d = data.get();
    ModelSpec m = model.get();
    String name = parameter.get();
    if (d == null || m == null || name == null) {
      busy.set(false);
      return;
    }
    HyperParameter hp = m.hyperParameter(name).orElseThrow();
    ParameterAxis a = new ParameterAxis(hp, range != null ? range : hp.defaultSearch());
    setup = new LabSetup(d, m, fixed, a);
    applying = true;
    axis.set(a);
    slider.set(a.sliderAt(ParameterAxis.toDouble(start != null ? start : hp.defaultValue())));
    applying = false;
    status.set((lesson.get() != null ? lesson.get().story() + "  " : "") + d.choice().label() + "; "
        + d.split().tuning().length + " rows to train and validate, " + d.split().test().length + " held out.");
    updateValue();
    startCurve();
    lastRequestNanos = 0;
    requestFit();
  }

  private void updateValue() {
    if (axis.get() == null) {
      return;
    }
    Object v = axis.get().valueAt(slider.get());
    value.set(v);
    valueText.set(ParameterAxis.format(v));
    marker.set(ParameterAxis.toDouble(v));
    updateZone();
  }

  private void updateZone() {
    ValidationCurveModel c = curve.get();
    Optional<ValidationCurveModel.Zone> z = c == null || value.get() == null ? Optional.empty()
        : LabEngine.zoneAt(c, ParameterAxis.toDouble(value.get()));
    zone.set(z.orElse(null));
    zoneText.set(c != null && value.get() != null ? LabEngine.verdict(c, ParameterAxis.toDouble(value.get()))
        : setup != null ? "Computing the validation curve over the whole range..." : "");
  }

  private void startCurve() {
    long generation = curveGeneration.incrementAndGet();
    if (curveRunner != null) {
      curveRunner.cancel();
    }
    StudyRunner runner = new StudyRunner(2);
    curveRunner = runner;
    currentCurve = null;
    curve.set(null);
    updateZone();
    LabSetup s = setup;
    scheduler.background(() -> {
      ValidationCurveModel m;
      try {
        m = LabEngine.curve(s, runner);
      } catch (RuntimeException e) {
        scheduler.ui(() -> zoneText.set("The validation curve failed: " + e.getMessage()));
        return;
      }
      if (generation != curveGeneration.get() || runner.isCancelled()) {
        return;
      }
      currentCurve = m;
      scheduler.ui(() -> {
        if (generation == curveGeneration.get()) {
          curve.set(m);
          updateZone();
          if (Double.isNaN(validation.get()) && value.get() != null) {
            cvFromCurve(m, s, value.get()).ifPresent(validation::set);
          }
        }
      });
    });
  }

  /** Refits at the slider's value; a later request makes this one stop at its next check. */
  private void requestFit() {
    LabSetup s = setup;
    Object v = value.get();
    if (s == null || v == null) {
      return;
    }
    long generation = fitGeneration.incrementAndGet();
    long now = System.nanoTime();
    boolean dragging = now - lastRequestNanos < debounceMillis * 1_000_000L;
    lastRequestNanos = now;
    long delay = dragging ? debounceMillis : 0;
    BooleanSupplier stale = () -> generation != fitGeneration.get();
    busy.set(true);
    scheduler.background(() -> {
      try {
        if (delay > 0) {
          Thread.sleep(delay);
        }
        if (stale.getAsBoolean()) {
          return;
        }
        LabFit f = LabEngine.fit(s, v);
        if (stale.getAsBoolean()) {
          return;
        }
        Optional<Double> known = Optional.ofNullable(currentCurve).flatMap(c -> cvFromCurve(c, s, v));
        scheduler.ui(() -> {
          if (!stale.getAsBoolean()) {
            fit.set(f);
            train.set(f.train());
            test.set(f.test());
            validation.set(known.orElse(Double.NaN));
          }
        });
        double cv = known.isPresent() ? known.get() : LabEngine.crossValidate(s, v, stale)[1].mean();
        scheduler.ui(() -> {
          if (!stale.getAsBoolean()) {
            validation.set(cv);
            busy.set(false);
          }
        });
      } catch (TrialCancelledException | InterruptedException e) {
        // A newer slider position took over.
      } catch (Exception e) {
        scheduler.ui(() -> {
          if (!stale.getAsBoolean()) {
            status.set("Fitting " + s.model().id() + " at " + ParameterAxis.format(v) + " failed: " + e.getMessage());
            busy.set(false);
          }
        });
      }
    });
  }

  /** The validation score the curve's grid study already has for exactly this value. */
  private static Optional<Double> cvFromCurve(ValidationCurveModel c, LabSetup s, Object v) {
    if (c.allTrials().isEmpty() || s != null && !c.parameter().equals(s.axis().parameter().name())) {
      return Optional.empty();
    }
    return c.allTrials().stream().filter(t -> v.equals(t.params().get(c.parameter()))).findFirst()
        .map(Trial::validation).map(ScoreSummary::mean);
  }

  // --- properties

  public ObjectProperty<Lesson> lessonProperty() {
    return lesson;
  }

  public ObjectProperty<LabData> dataProperty() {
    return data;
  }

  public ObservableList<ModelSpec> models() {
    return models;
  }

  public ObjectProperty<ModelSpec> modelProperty() {
    return model;
  }

  public ObservableList<String> parameters() {
    return parameters;
  }

  public ObjectProperty<String> parameterProperty() {
    return parameter;
  }

  public ObjectProperty<ParameterAxis> axisProperty() {
    return axis;
  }

  /** The slider's position (log10 of the value on a log axis). */
  public DoubleProperty sliderProperty() {
    return slider;
  }

  /** The parameter's value at the slider: a {@code Long} or a {@code Double}. */
  public ObjectProperty<Object> valueProperty() {
    return value;
  }

  public StringProperty valueTextProperty() {
    return valueText;
  }

  /** Where the validation curve's marker goes: the value as a number. */
  public DoubleProperty markerProperty() {
    return marker;
  }

  public ObjectProperty<LabFit> fitProperty() {
    return fit;
  }

  public DoubleProperty trainProperty() {
    return train;
  }

  /** The cross-validated validation score at the slider; NaN while it is computed. */
  public DoubleProperty validationProperty() {
    return validation;
  }

  public DoubleProperty testProperty() {
    return test;
  }

  public ObjectProperty<ValidationCurveModel> curveProperty() {
    return curve;
  }

  public ObjectProperty<ValidationCurveModel.Zone> zoneProperty() {
    return zone;
  }

  public StringProperty zoneTextProperty() {
    return zoneText;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** The metric's name, for the score labels. */
  public String metricName() {
    return setup == null ? "" : setup.metric().id();
  }
}
