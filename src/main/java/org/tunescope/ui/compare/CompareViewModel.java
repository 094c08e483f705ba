package org.tunescope.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import org.tunescope.app.ViewedStudy;
import org.tunescope.app.compare.ComparedStudies;
import org.tunescope.app.compare.ComparisonException;
import org.tunescope.app.compare.LeaderboardFile;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.app.compare.PairedFolds;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.models.EnsembleMark;
import org.tunescope.ui.charts.models.ModelSeries;

/**
 * Studies compared: loads them from the store in the background, checks they share data, target, metric and
 * folds, and exposes what the Compare window shows: the leaderboard, each model's trials in its colour, the
 * ensembles of a stored comparison as one more candidate each, the Pareto front across them all, each model's
 * overfitting curve on one shared scale, and the paired comparison of the two best candidates in words.
 */
public final class CompareViewModel {

  /**
   * One model's overfitting curve along its main complexity parameter.
   *
   * @param label  the model, as the leaderboard names it
   * @param curve  the curve; empty when the study searched no parameter
   */
  public record Curve(String label, Color colour, Optional<ValidationCurveModel> curve) {
  }

  private final StudyStore store;
  private final ModelCatalog catalog;
  private final UiScheduler scheduler;
  private final Notifications notifications;

  private final ReadOnlyObjectWrapper<ComparedStudies> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
  private final ObservableList<LeaderboardRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<List<ModelSeries>> series = new ReadOnlyObjectWrapper<>(this, "series", List.of());
  private final ReadOnlyObjectWrapper<List<Point2D>> front = new ReadOnlyObjectWrapper<>(this, "front", List.of());
  private final ReadOnlyObjectWrapper<List<EnsembleMark>> ensembles =
      new ReadOnlyObjectWrapper<>(this, "ensembles", List.of());
  private final ReadOnlyObjectWrapper<List<Curve>> curves = new ReadOnlyObjectWrapper<>(this, "curves", List.of());
  private final ReadOnlyObjectWrapper<double[]> curveRange = new ReadOnlyObjectWrapper<>(this, "curveRange");
  private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper(this, "sentence", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

  public CompareViewModel(StudyStore store, ModelCatalog catalog, UiScheduler scheduler, Notifications notifications) {
    this.store = store;
    this.catalog = catalog;
    this.scheduler = scheduler;
    this.notifications = notifications;
  }

  /** What a comparison shows, computed off the JavaFX thread. */
  private record Loaded(ComparedStudies comparison, List<LeaderboardRow> rows, List<ModelSeries> series,
                        List<Point2D> front, List<EnsembleMark> ensembles, List<Curve> curves, double[] range,
                        String sentence) {
  }

  /**
   * Reads the named studies in the background and shows them, with the ensembles of the stored comparison made
   * of exactly these studies if there is one; one sentence in the status when they cannot be compared.
   */
  public void load(List<String> names) {
    List<String> asked = List.copyOf(names);
    read("Reading " + asked.size() + " studies...", () -> {
      ComparedStudies c = ComparedStudies.load(store, catalog, asked);
      return ComparedStudies.stored(store, asked).map(c::withStored).orElse(c);
    });
  }

  /** Reads a stored comparison by its name, its studies and its ensembles, in the background, and shows it. */
  public void loadComparison(String name) {
    read("Reading comparison " + name + "...", () -> ComparedStudies.loadComparison(store, catalog, name));
  }

  private void read(String reading, java.util.function.Supplier<ComparedStudies> comparisonRead) {
    status.set(reading);
    scheduler.background(() -> {
      try {
        Loaded loaded = compute(comparisonRead.get());
        scheduler.ui(() -> show(loaded));
      } catch (ComparisonException | StoreException e) {
        scheduler.ui(() -> {
          status.set(e.getMessage());
          notifications.error(e.getMessage());
        });
      }
    });
  }

  private Loaded compute(ComparedStudies c) {
    List<ModelSeries> models = new ArrayList<>();
    List<Curve> perModel = new ArrayList<>();
    for (int i = 0; i < c.studies().size(); i++) {
      ComparedStudies.Compared s = c.studies().get(i);
      Color colour = ModelSeries.colour(i);
      models.add(new ModelSeries(s.label(), colour, s.viewed().trials()));
      perModel.add(new Curve(s.label(), colour, curve(s.viewed())));
    }
    List<ValidationCurveModel> drawn = perModel.stream().flatMap(m -> m.curve().stream()).toList();
    double[] range = drawn.isEmpty() ? null : ValidationCurveChart.yRangeOf(drawn);
    List<Point2D> paretoPoints = c.paretoFront().stream()
        .map(r -> new Point2D(r.fitSeconds(), r.validationMean())).toList();
    String words = c.pairedBest().map(PairedFolds::sentence)
        .orElse("The paired comparison needs two studies with finished trials.");
    return new Loaded(c, c.leaderboard(), models, paretoPoints, ensembleMarks(c), perModel, range, words);
  }

  /** Each ensemble as the charts draw it: its members' summed cost, its score, where its last member finished. */
  static List<EnsembleMark> ensembleMarks(ComparedStudies c) {
    return c.ensembleRows().stream().map(r -> {
      EnsembleRecord e = r.ensemble().orElseThrow();
      return new EnsembleMark(r.label(), r.fitSeconds(), r.validationMean(),
          c.lastMemberAt(e, false).orElse(Double.NaN), c.lastMemberAt(e, true).orElse(Double.NaN));
    }).toList();
  }

  /**
   * The curve along the study's main complexity parameter: the overfitting chart's first choice (the one its
   * model declares as driving complexity, else the first numeric one).
   */
  static Optional<ValidationCurveModel> curve(ViewedStudy study) {
    List<String> parameters = study.curveParameters();
    if (parameters.isEmpty()) {
      return Optional.empty();
    }
    String name = parameters.get(0);
    return study.space().parameter(name).map(SearchParameter::distribution).map(d ->
        ValidationCurveModel.of(study.trials(), name, d, study.complexity(name), study.direction()));
  }

  private void show(Loaded l) {
    comparison.set(l.comparison());
    rows.setAll(l.rows());
    series.set(l.series());
    front.set(l.front());
    ensembles.set(l.ensembles());
    curveRange.set(l.range());
    curves.set(l.curves());
    sentence.set(l.sentence());
    status.set(l.comparison().studies().size() + " studies on " + l.comparison().metric() + " ("
        + l.comparison().direction().better() + "), same data and folds."
        + l.comparison().stored().map(s -> " Comparison " + s.name() + (s.ensembles().isEmpty() ? "."
            : ", with " + s.ensembles().size() + " ensembles of its best trials.")).orElse(""));
  }

  /** Writes the leaderboard as CSV or JSON (by the file's extension) in the background. */
  public void save(Path file) {
    ComparedStudies c = comparison.get();
    if (c == null) {
      notifications.error("nothing to save yet: the comparison has not loaded");
      return;
    }
    scheduler.background(() -> {
      try {
        LeaderboardFile.write(file, c);
        scheduler.ui(() -> notifications.info("Saved the leaderboard of " + c.studies().size() + " studies to " + file));
      } catch (java.io.IOException | RuntimeException e) {
        scheduler.ui(() -> notifications.error("cannot save the leaderboard to " + file + ": " + e.getMessage()));
      }
    });
  }

  public ReadOnlyObjectProperty<ComparedStudies> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  public ObservableList<LeaderboardRow> rows() {
    return rows;
  }

  public ReadOnlyObjectProperty<List<ModelSeries>> seriesProperty() {
    return series.getReadOnlyProperty();
  }

  /** The Pareto front across every model's trials and the ensembles: (fit seconds, validation score), cheapest first. */
  public ReadOnlyObjectProperty<List<Point2D>> frontProperty() {
    return front.getReadOnlyProperty();
  }

  /** The ensembles of the stored comparison, as the history and cost views draw them. */
  public ReadOnlyObjectProperty<List<EnsembleMark>> ensemblesProperty() {
    return ensembles.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<Curve>> curvesProperty() {
    return curves.getReadOnlyProperty();
  }

  /** The one validation scale every model's curve is drawn on. */
  public ReadOnlyObjectProperty<double[]> curveRangeProperty() {
    return curveRange.getReadOnlyProperty();
  }

  /** The paired comparison of the two best models, in words. */
  public ReadOnlyStringProperty sentenceProperty() {
    return sentence.getReadOnlyProperty();
  }

  /** What the window says about the comparison: loading, what is compared, or why it cannot be. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

}
