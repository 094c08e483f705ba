package org.tunescope.ml.tuning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/**
 * Resident memory over 1,000 quick XGBoost trials (docs/benchmarks.md (e)). On request:
 * {@code mvn -B -o test -Dtunescope.excludedGroups=none -Dgroups=benchmark -Dtest=XGBoostMemoryBenchmark
 * -Dbench.data=/tmp/boost20k.csv} (the data: {@code docs/sklearn_boosting_grid.py --make-data}).
 */
@Tag("benchmark")
class XGBoostMemoryBenchmark {

  @Test
  void residentMemoryStaysFlatOverAThousandTrials() throws Exception {
    LearningProblem problem = LearningProblem.of(
        DataLoader.load(Path.of(System.getProperty("bench.data", "sample-datasets/breast_cancer.csv"))).table(),
        "target", Optional.empty(), Optional.empty());
    ModelSpec model = ModelCatalog.standard().find("xgboost", Task.CLASSIFICATION).orElseThrow();
    SearchSpace space = model.spaceSearchingOnly(Map.of("trees", new Distribution.IntRange(5, 20, false),
        "max_depth", new Distribution.IntRange(2, 4, false),
        "learning_rate", new Distribution.FloatRange(0.05, 0.3, true)));
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan)
        .forWorkers(2);
    int done = 0;
    long seed = 1;
    for (int batch : new int[] {100, 300, 300, 300}) {
      Study study = new Study("memory", "accuracy", Metric.ACCURACY.direction(), space,
          new RandomSampler(space, seed), Budget.trials(batch), seed++);
      done += new StudyRunner(2).run(study, objective, StudyListener.NONE).trials().size();
      System.gc();
      System.out.printf("after %d trials: RSS %d MB%n", done, residentKb() / 1024);
    }
    objective.close();
    System.gc();
    System.out.printf("after close: RSS %d MB%n", residentKb() / 1024);
  }

  private static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }
}
