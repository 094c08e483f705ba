package org.tunescope.ml.tuning;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/**
 * Checks a {@link TuningRequest} against the data and the model catalog and builds the study. Every
 * problem a user can cause is reported as an {@link IllegalArgumentException} or {@link DataException}
 * whose message is one readable sentence.
 */
public final class TuningSetup {

  /** Trials a random search runs when the user sets neither a trial nor a time budget. */
  public static final int DEFAULT_RANDOM_TRIALS = 50;

  private final ModelCatalog catalog;

  public TuningSetup(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Builds a study of {@code request} on a loaded table.
   *
   * @param dataPath the file the table came from, for the study's record
   * @param sha256   the file's SHA-256
   */
  public PreparedStudy prepare(TuningRequest request, Table table, Path dataPath, String sha256) {
    return prepare(request, problem(request, table), dataPath, sha256);
  }

  /** The request's target, task and fold column applied to a table. */
  public LearningProblem problem(TuningRequest request, Table table) {
    return LearningProblem.of(table, request.target(), request.task(), request.foldColumn());
  }

  /**
   * Builds a study of {@code request} on a problem already made from the request's table; when the
   * request holds out a test fraction, the study tunes on the other rows only.
   */
  public PreparedStudy prepare(TuningRequest request, LearningProblem all, Path dataPath, String sha256) {
    Optional<HeldOutRows> heldOut = request.testFraction().isPresent()
        ? Optional.of(new HeldOutRows(all, HoldOutSplit.of(all, request.testFraction().getAsDouble(), request.seed())))
        : Optional.empty();
    LearningProblem problem = heldOut.map(h -> all.select(h.split().tuning())).orElse(all);
    ModelSpec model = findModel(request.model(), problem.task());
    Metric metric = request.metric()
        .map(id -> Metric.find(id).orElseThrow(() -> new IllegalArgumentException("unknown metric '" + id
            + "'; for " + problem.task().id() + " use one of " + metricIds(problem.task()))))
        .orElse(Metric.defaultFor(problem.task()));
    metric.unfitFor(problem.task(), problem.numClasses()).ifPresent(reason -> {
      throw new IllegalArgumentException(reason + "; use one of " + metricIds(problem.task()));
    });
    SearchSpace space = space(model, request.ranges(), request.fixOthers());
    FoldPlan plan = folds(problem, request);
    Budget budget = request.budget();
    if (request.search() != org.tunescope.engine.sampler.SearchMethod.GRID
        && budget.maxTrials().isEmpty() && budget.maxTime().isEmpty()) {
      budget = Budget.trials(DEFAULT_RANDOM_TRIALS);
    }
    Study study = new Study(request.name(), metric.id(), metric.direction(), space,
        request.search().sampler(space, metric.direction(), request.seed(), request.gridPoints()), budget, request.seed());
    Map<String, String> spaceText = new LinkedHashMap<>();
    space.parameters().forEach(p -> spaceText.put(p.name(), DistributionParser.format(p.distribution())));
    StudyInfo info = new StudyInfo(request.name(), model.id(), problem.task().id(), metric.id(),
        metric.direction().id(), request.search().id(), request.gridPoints(), plan.size(), plan.description(),
        request.seed(), dataPath.toString(), sha256, problem.rows(), problem.features().columnCount(),
        problem.targetName(), spaceText);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, metric, plan);
    if (study.sampler() instanceof GridSampler grid) {
      objective = objective.sharingEnsembleFits(grid.points(), request.seed());
    }
    return new PreparedStudy(study, objective, info, problem, model, metric, heldOut);
  }

  /** The model of that id for the task, or a message saying which models there are. */
  public ModelSpec findModel(String id, Task task) {
    return catalog.find(id, task).orElseThrow(() -> new IllegalArgumentException(catalog.knows(id)
        ? "model " + id + " is not available for " + task.id() + "; models for " + task.id() + ": " + modelIds(task)
        : "unknown model '" + id + "'; models for " + task.id() + ": " + modelIds(task)));
  }

  /**
   * The space of a study: the user's ranges, and for every other parameter its default range, or its
   * default value when {@code fixOthers}.
   */
  public static SearchSpace space(ModelSpec model, Map<String, Distribution> ranges, boolean fixOthers) {
    for (Map.Entry<String, Distribution> e : ranges.entrySet()) {
      HyperParameter hp = model.hyperParameter(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "model " + model.id() + " has no parameter '" + e.getKey() + "'; its parameters are: "
              + String.join(", ", model.hyperParameters().stream().map(HyperParameter::name).toList())));
      hp.check(e.getValue()).ifPresent(problem -> {
        throw new IllegalArgumentException(problem);
      });
    }
    if (fixOthers) {
      return model.spaceSearchingOnly(ranges);
    }
    SearchSpace space = model.defaultSpace();
    for (Map.Entry<String, Distribution> e : ranges.entrySet()) {
      space = space.with(e.getKey(), e.getValue());
    }
    return space;
  }

  /**
   * Reads {@code NAME=LOW:HIGH[:log]}, {@code NAME=a,b,c} or {@code NAME=VALUE} texts (the command line's
   * {@code --param}) against the model's declarations.
   */
  public static Map<String, Distribution> ranges(ModelSpec model, java.util.List<String> params) {
    Map<String, Distribution> ranges = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--param '" + p + "' should be NAME=LOW:HIGH[:log], NAME=a,b,c or NAME=VALUE");
      }
      String paramName = p.substring(0, eq).trim();
      HyperParameter hp = model.hyperParameter(paramName).orElseThrow(() -> new IllegalArgumentException(
          "model " + model.id() + " has no parameter '" + paramName + "'; its parameters are: "
              + String.join(", ", model.hyperParameters().stream().map(HyperParameter::name).toList())));
      ranges.put(paramName, DistributionParser.parse(hp, p.substring(eq + 1)));
    }
    return ranges;
  }

  private static FoldPlan folds(LearningProblem problem, TuningRequest request) {
    if (problem.groups().isPresent()) {
      return FoldPlan.byGroup(problem.groups().get(), request.foldColumn().orElseThrow());
    }
    int k = request.folds();
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
    }
    if (k > problem.rows()) {
      throw new IllegalArgumentException("cannot make " + k + " folds from " + problem.rows() + " rows");
    }
    boolean classification = problem.task() == Task.CLASSIFICATION;
    if (classification) {
      checkClassSizes(problem, k);
    }
    if (request.repeats() > 1) {
      return FoldPlan.repeated(problem.rows(), classification ? problem.labels() : null, problem.numClasses(), k,
          request.repeats(), request.seed());
    }
    return classification ? FoldPlan.stratified(problem.labels(), problem.numClasses(), k)
        : FoldPlan.kFold(problem.rows(), k);
  }

  /**
   * Refuses folds that a class cannot fill: with fewer rows than folds, a class is missing from some training
   * or validation folds and every trial would fail or score nothing, so it is said before anything runs.
   */
  private static void checkClassSizes(LearningProblem problem, int k) {
    int[] counts = new int[problem.numClasses()];
    for (int label : problem.labels()) {
      counts[label]++;
    }
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0 && counts[c] < k) {
        throw new IllegalArgumentException("class '" + problem.classes().get(c) + "' of column '"
            + problem.targetName() + "' has " + counts[c] + (counts[c] == 1 ? " row" : " rows") + ", fewer than the "
            + k + " folds: " + (counts[c] >= 2 ? "use at most " + counts[c] + " folds, or more rows of that class"
            : "cross-validation needs at least 2 rows of every class"));
      }
    }
  }

  private String modelIds(Task task) {
    return String.join(", ", catalog.forTask(task).stream().map(ModelSpec::id).toList());
  }

  private static String metricIds(Task task) {
    return String.join(", ", java.util.Arrays.stream(Metric.values()).filter(m -> m.task() == task)
        .map(Metric::id).toList());
  }
}
