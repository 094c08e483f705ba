package org.tunescope.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.StudyStore;

/**
 * Small real studies of several models on iris, run through the app layer into a store: what the
 * comparison tests (and the Compare window's test) compare.
 */
public final class CompareFixtures {

  public static final Path IRIS = Path.of("sample-datasets/iris.csv");

  private CompareFixtures() {
  }

  /** Runs three small studies on iris, 3 folds, accuracy: knn over k, a decision tree over depth, logistic regression. */
  public static List<String> threeModels(StudyStore store) {
    LoadedData iris = DataLoader.load(IRIS);
    StudyService service = new StudyService(store, ModelCatalog.standard());
    run(service, iris, "knn-iris", "knn", Map.of("k", new Distribution.Choice(List.of(1L, 5L, 15L, 40L))), 4);
    run(service, iris, "tree-iris", "decision_tree",
        Map.of("max_depth", new Distribution.Choice(List.of(1L, 2L, 4L, 8L))), 4);
    run(service, iris, "logistic-iris", "logistic_regression", Map.of(), 3);
    return List.of("knn-iris", "tree-iris", "logistic-iris");
  }

  /**
   * Stores comparison {@code name} of the named studies with one ensemble of {@code kind} whose members are the
   * first trial of each study and whose every fold scores {@code validation} (train 1.0), on the studies' folds:
   * a candidate the views must show beside the studies' trials.
   */
  public static ComparisonRecord withEnsemble(StudyStore store, String name, List<String> studies, String kind,
      double validation) {
    ComparisonRecord c = new ComparisonService(new StudyService(store, ModelCatalog.standard()),
        ModelCatalog.standard()).createOf(name, studies);
    int folds = store.trials(studies.get(0)).get(0).folds().size();
    List<FoldScore> scores = java.util.Collections.nCopies(folds, new FoldScore(1.0, validation));
    List<EnsembleRecord.Member> members = studies.stream().map(s -> new EnsembleRecord.Member(s,
        store.trials(s).get(0).number())).toList();
    ComparisonRecord with = c.withEnsembles(List.of(new EnsembleRecord(kind, members, scores, OptionalDouble.empty())));
    store.saveComparison(with);
    return with;
  }

  /** Runs one finished study of {@code trials} trials. */
  public static void run(StudyService service, LoadedData data, String name, String model,
      Map<String, Distribution> ranges, int trials) {
    run(service, data, TuningRequest.builder(name, "target", model).ranges(ranges).fixOthers(!ranges.isEmpty())
        .metric(Optional.of("accuracy")).folds(3).budget(new Budget(OptionalInt.of(trials), Optional.empty())).build());
  }

  /** Runs one request to its end and keeps it. */
  public static void run(StudyService service, LoadedData data, TuningRequest request) {
    PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, data.table(), data.file(),
        data.sha256());
    service.create(prepared, request, data.file());
    StudyRun run = service.start(prepared, 1);
    StudyResult result = run.run(e -> { });
    run.finish(result);
  }
}
