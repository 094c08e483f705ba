package org.tunescope.ml.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.Column;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.tuning.HoldOutSplit;
import smile.feature.extraction.PCA;

/**
 * The lab's data, ready to fit: a problem with one feature (regression, drawn as a curve) or two
 * (classification, drawn as decision regions), its held-out test split, and the cross-validation folds
 * of the tuning rows.
 *
 * @param choice  where the data came from
 * @param problem every row, with the plotted feature columns only
 * @param split   tuning rows and held-out test rows
 * @param tuning  the problem restricted to the tuning rows
 * @param folds   cross-validation folds over {@code tuning}'s rows
 */
public record LabData(DatasetChoice choice, LearningProblem problem, HoldOutSplit split, LearningProblem tuning,
    FoldPlan folds) {

  /** Share of rows held out as the test split. */
  public static final double TEST_FRACTION = 0.2;
  /** Cross-validation folds over the tuning rows. */
  public static final int FOLDS = 5;
  /** Rounds of shuffled k-fold. */
  public static final int REPEATS = 3;

  /** Prepares a dataset choice; samples are read from (or copied to) {@code samplesFolder}. */
  public static LabData of(DatasetChoice choice, Path samplesFolder) {
    LearningProblem problem;
    if (choice instanceof DatasetChoice.Generated g) {
      Task task = g.kind().isClassification() ? Task.CLASSIFICATION : Task.REGRESSION;
      problem = LearningProblem.of(g.kind().table(g.rows(), g.noise(), g.seed()), "target", Optional.of(task),
          Optional.empty());
    } else {
      DatasetChoice.Sample s = (DatasetChoice.Sample) choice;
      problem = project(LearningProblem.of(DataLoader.load(SampleDatasets.file(s.name(), samplesFolder)).table(),
          "target", Optional.empty(), Optional.empty()), s.features());
    }
    long seed = choice instanceof DatasetChoice.Generated g ? g.seed() : 0;
    HoldOutSplit split = HoldOutSplit.of(problem, TEST_FRACTION, seed);
    LearningProblem tuning = problem.select(split.tuning());
    // Repeated: a teaching curve should not wobble with one particular assignment of rows to folds.
    FoldPlan folds = FoldPlan.repeated(tuning.rows(), tuning.task() == Task.CLASSIFICATION ? tuning.labels() : null,
        tuning.numClasses(), FOLDS, REPEATS, seed);
    return new LabData(choice, problem, split, tuning, folds);
  }

  /** Two axes for classification, one for regression: the named columns, or principal components. */
  static LearningProblem project(LearningProblem full, List<String> features) {
    int axes = full.task() == Task.CLASSIFICATION ? 2 : 1;
    List<Column> columns = new ArrayList<>();
    if (!features.isEmpty()) {
      if (features.size() != axes) {
        throw new DataException("the lab plots " + axes + " feature" + (axes == 1 ? "" : "s") + " for "
            + full.task().id() + ", got " + features.size());
      }
      for (String name : features) {
        Column c = full.features().column(name).orElseThrow(() -> new DataException("no feature column '" + name
            + "'; the features are: " + String.join(", ", full.features().names())));
        if (!(c instanceof NumericColumn)) {
          throw new DataException("feature " + name + " is not numeric, so it cannot be an axis");
        }
        columns.add(c);
      }
    } else {
      List<NumericColumn> numeric = full.features().columns().stream().filter(c -> c instanceof NumericColumn)
          .map(c -> (NumericColumn) c).toList();
      if (numeric.size() <= axes) {
        columns.addAll(numeric);
      } else {
        double[][] x = new double[full.rows()][numeric.size()];
        for (int j = 0; j < numeric.size(); j++) {
          double[] v = numeric.get(j).values();
          double mean = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).average().orElse(0);
          for (int i = 0; i < x.length; i++) {
            x[i][j] = Double.isNaN(v[i]) ? mean : v[i];
          }
        }
        // On the correlation matrix: features in different units weigh alike.
        double[][] projected = PCA.cor(x).getProjection(axes).apply(x);
        for (int a = 0; a < axes; a++) {
          double[] values = new double[projected.length];
          for (int i = 0; i < values.length; i++) {
            values[i] = projected[i][a];
          }
          columns.add(new NumericColumn("PC" + (a + 1), values));
        }
      }
    }
    return new LearningProblem(new Table(columns), full.targetName(), full.task(), full.y(), full.classes(),
        Optional.empty(), full.droppedRows());
  }

  public boolean isClassification() {
    return problem.task() == Task.CLASSIFICATION;
  }

  /** The plotted feature names: x (and y) axis. */
  public List<String> axes() {
    return problem.features().names();
  }

  /** The raw values of feature {@code index} for every row. */
  public double[] feature(int index) {
    return ((NumericColumn) problem.features().columns().get(index)).values();
  }
}
