package org.tunescope.app.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.app.StudyService;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.LinearModels;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyStore;

/**
 * A comparison through the application layer: studies on identical folds, fold predictions kept, and ensembles
 * whose fold scores are exactly what the stored predictions of their members give, recomputed here by hand.
 */
class ComparisonServiceTest {

  private static final Path DATA = Path.of("sample-datasets/breast_cancer.csv");

  private static ComparisonRequest request(boolean keep, String... models) {
    TuningRequest common = TuningRequest.builder("c", "target", models[0]).metric(Optional.of("accuracy"))
        .search(SearchMethod.RANDOM).budget(Budget.trials(3)).folds(4).seed(3).build();
    List<ComparisonRequest.ModelChoice> choices = new ArrayList<>();
    for (String m : models) {
      choices.add(new ComparisonRequest.ModelChoice(m, List.of()));
    }
    return new ComparisonRequest(Optional.empty(), DATA, common, choices, keep);
  }

  private record Ran(StudyStore store, ComparisonService service, ComparisonService.Planned planned,
      LoadedData loaded) {
  }

  private static Ran run(String... models) {
    StudyStore store = new InMemoryStudyStore();
    ComparisonService service = new ComparisonService(new StudyService(store, ModelCatalog.standard()),
        ModelCatalog.standard());
    LoadedData loaded = DataLoader.load(DATA);
    ComparisonService.Planned planned = service.create(request(true, models), loaded);
    List<ComparisonRun.Outcome> outcomes = service.start(planned, 1).run(r -> StudyListener.NONE);
    assertEquals(models.length, outcomes.size());
    return new Ran(store, service, planned, loaded);
  }

  @Test
  void everyStudyOfAComparisonIsScoredOnTheSameRowsInEveryFold() {
    Ran ran = run("logistic_regression", "lda", "knn");
    FoldPlan first = ran.planned().studies().get(0).objective().plan();
    for (PreparedStudy p : ran.planned().studies()) {
      FoldPlan plan = p.objective().plan();
      assertEquals(first.size(), plan.size());
      for (int f = 0; f < plan.size(); f++) {
        assertArrayEquals(first.folds().get(f).validation(), plan.folds().get(f).validation());
        assertArrayEquals(first.folds().get(f).train(), plan.folds().get(f).train());
      }
    }
    ComparisonRecord c = ran.store().findComparison("compare-breast_cancer").orElseThrow();
    assertEquals(List.of("logistic_regression-breast_cancer", "lda-breast_cancer", "knn-breast_cancer"), c.studies());
    assertEquals("stratified 4-fold", c.folds());
    assertEquals(ran.loaded().sha256(), c.sha256());
  }

  @Test
  void aTrialsKeptValidationPredictionsGiveItsFoldScores() {
    Ran ran = run("logistic_regression");
    String study = "logistic_regression-breast_cancer";
    PreparedStudy p = ran.planned().studies().get(0);
    LearningProblem problem = p.problem();
    for (Trial t : ran.store().trials(study)) {
      List<FoldPredictions> kept = ran.store().predictions(study, t.number()).orElseThrow();
      for (int f = 0; f < kept.size(); f++) {
        Fold fold = p.objective().plan().folds().get(f);
        assertEquals(t.folds().get(f).validation(), accuracy(kept.get(f).validationRowsAsDoubles(), problem,
            fold.validation()), 1e-12, "trial " + t.number() + " fold " + f);
        assertEquals(t.folds().get(f).train(), accuracy(kept.get(f).trainRowsAsDoubles(), problem, fold.train()),
            1e-12, "trial " + t.number() + " fold " + f);
      }
    }
  }

  @Test
  void ensembleFoldScoresAreComputedFromTheStoredPredictionsOfExactlyTheTopTrials() throws Exception {
    Ran ran = run("logistic_regression", "lda", "knn");
    ComparisonRecord c = ran.service().buildEnsembles("compare-breast_cancer", EnumSet.allOf(EnsembleKind.class), 4,
        ran.loaded(), note -> { });
    assertEquals(c, ran.store().findComparison(c.name()).orElseThrow());
    EnsembleRecord vote = c.ensembles().get(0);
    EnsembleRecord stack = c.ensembles().get(1);
    assertEquals("vote", vote.kind());
    assertEquals("stack", stack.kind());

    // The members: the 4 best complete trials across the three studies, by mean validation accuracy.
    List<EnsembleRecord.Member> best = new ArrayList<>();
    List<Trial> trials = new ArrayList<>();
    for (String study : c.studies()) {
      for (Trial t : ran.store().trials(study)) {
        best.add(new EnsembleRecord.Member(study, t.number()));
        trials.add(t);
      }
    }
    List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, best.size()).boxed().toList());
    order.sort(Comparator.comparingDouble((Integer i) -> -trials.get(i).validation().mean()));
    List<Double> memberScores = vote.members().stream().map(m -> trials.get(best.indexOf(m)).validation().mean())
        .toList();
    assertEquals(4, vote.members().size());
    assertEquals(trials.get(order.get(3)).validation().mean(), memberScores.get(3), 1e-12);
    assertEquals(vote.members(), stack.members());

    List<List<FoldPredictions>> kept = vote.members().stream()
        .map(m -> ran.store().predictions(m.study(), m.trial()).orElseThrow()).toList();
    PreparedStudy p = ran.planned().studies().get(0);
    LearningProblem problem = p.problem();
    FoldPlan plan = p.objective().plan();
    for (int f = 0; f < plan.size(); f++) {
      Fold fold = plan.folds().get(f);
      // Soft voting: the mean of the members' stored probabilities, row by row.
      assertEquals(accuracy(meanOf(kept, f, false), problem, fold.validation()), vote.folds().get(f).validation(),
          1e-12);
      assertEquals(accuracy(meanOf(kept, f, true), problem, fold.train()), vote.folds().get(f).train(), 1e-12);
      // Stacking: a logistic regression on the members' class-1 probabilities of the other folds' validation rows.
      List<double[]> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int g = 0; g < plan.size(); g++) {
        if (g == f) {
          continue;
        }
        double[][] features = classOne(kept, g, false);
        int[] rows = plan.folds().get(g).validation();
        for (int i = 0; i < rows.length; i++) {
          x.add(features[i]);
          y.add(problem.y()[rows[i]]);
        }
      }
      ModelSpec logistic = LinearModels.logisticRegression();
      try (FittedModel meta = logistic.trainer().fit(new TrainingData(x.toArray(double[][]::new),
          y.stream().mapToDouble(Double::doubleValue).toArray(), 2, List.of("a", "b", "c", "d"), 0),
          logistic.withDefaults(Map.of()))) {
        double[][] validation = meta.probabilities(classOne(kept, f, false)).orElseThrow();
        double[][] train = meta.probabilities(classOne(kept, f, true)).orElseThrow();
        assertEquals(accuracy(validation, problem, fold.validation()), stack.folds().get(f).validation(), 1e-12);
        assertEquals(accuracy(train, problem, fold.train()), stack.folds().get(f).train(), 1e-12);
      }
    }
    assertTrue(vote.validation().mean() > 0.9, "vote " + vote.validation().mean());
  }

  @Test
  void greedyFoldScoresAreTheWeightedVotesOfSelectionsMadeByHandOnTheOtherFolds() {
    Ran ran = run("logistic_regression", "lda", "knn");
    int top = 2;
    ComparisonRecord c = ran.service().buildEnsembles("compare-breast_cancer", EnumSet.of(EnsembleKind.GREEDY), top,
        ran.loaded(), note -> { });
    EnsembleRecord greedy = c.ensembles().get(0);
    assertEquals("greedy", greedy.kind());
    assertEquals(c, ran.store().findComparison(c.name()).orElseThrow());

    // The pool: the 4 x 2 best complete trials across the three studies, by mean validation accuracy.
    List<EnsembleRecord.Member> all = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    for (String study : c.studies()) {
      for (Trial t : ran.store().trials(study)) {
        all.add(new EnsembleRecord.Member(study, t.number()));
        means.add(t.validation().mean());
      }
    }
    List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, all.size()).boxed().toList());
    order.sort(Comparator.comparingDouble((Integer i) -> -means.get(i)));
    int poolSize = ComparisonService.GREEDY_POOL_PER_MEMBER * top;
    List<EnsembleRecord.Member> pool = order.subList(0, poolSize).stream().map(all::get).toList();
    List<List<FoldPredictions>> kept = pool.stream()
        .map(m -> ran.store().predictions(m.study(), m.trial()).orElseThrow()).toList();
    PreparedStudy p = ran.planned().studies().get(0);
    LearningProblem problem = p.problem();
    FoldPlan plan = p.objective().plan();
    List<Integer> every = java.util.stream.IntStream.range(0, plan.size()).boxed().toList();

    // The kept members and weights: the selection on every fold.
    int[] counts = greedyByHand(kept, every, poolSize, problem, plan);
    List<EnsembleRecord.Member> expected = new ArrayList<>();
    for (int i = 0; i < poolSize; i++) {
      if (counts[i] > 0) {
        expected.add(new EnsembleRecord.Member(pool.get(i).study(), pool.get(i).trial(), counts[i]));
      }
    }
    assertEquals(expected, greedy.members());
    assertTrue(greedy.members().stream().mapToInt(EnsembleRecord.Member::weight).sum() <= poolSize);

    // Each fold: the weighted vote of the stored predictions of the members selected on the other folds.
    for (int f = 0; f < plan.size(); f++) {
      final int held = f;
      int[] fold = greedyByHand(kept, every.stream().filter(g -> g != held).toList(), poolSize, problem, plan);
      assertEquals(accuracy(weightedMean(kept, fold, f, false), problem, plan.folds().get(f).validation()),
          greedy.folds().get(f).validation(), 1e-12, "fold " + f);
      assertEquals(accuracy(weightedMean(kept, fold, f, true), problem, plan.folds().get(f).train()),
          greedy.folds().get(f).train(), 1e-12, "fold " + f);
    }
    // Never worse on its selection data than the best trial.
    assertTrue(selectionScore(kept, counts, every, problem, plan) >= means.get(order.get(0)) - 1e-12);
  }

  /**
   * Greedy selection written out plainly: each round adds the first candidate whose addition gives the best mean
   * validation accuracy of the weighted vote on these folds; the counts of the best round are kept.
   */
  private static int[] greedyByHand(List<List<FoldPredictions>> pool, List<Integer> folds, int rounds,
      LearningProblem problem, FoldPlan plan) {
    int[] counts = new int[pool.size()];
    int[] best = null;
    double bestScore = -1;
    for (int round = 0; round < rounds; round++) {
      int chosen = -1;
      double chosenScore = -1;
      for (int c = 0; c < pool.size(); c++) {
        counts[c]++;
        double score = selectionScore(pool, counts, folds, problem, plan);
        counts[c]--;
        if (score > chosenScore) {
          chosen = c;
          chosenScore = score;
        }
      }
      counts[chosen]++;
      if (chosenScore > bestScore) {
        best = counts.clone();
        bestScore = chosenScore;
      }
    }
    return best;
  }

  private static double selectionScore(List<List<FoldPredictions>> pool, int[] counts, List<Integer> folds,
      LearningProblem problem, FoldPlan plan) {
    return folds.stream().mapToDouble(g -> accuracy(weightedMean(pool, counts, g, false), problem,
        plan.folds().get(g).validation())).average().orElseThrow();
  }

  private static double[][] weightedMean(List<List<FoldPredictions>> kept, int[] counts, int f, boolean train) {
    int total = java.util.Arrays.stream(counts).sum();
    double[][] sum = null;
    for (int m = 0; m < kept.size(); m++) {
      double[][] rows = train ? kept.get(m).get(f).trainRowsAsDoubles() : kept.get(m).get(f).validationRowsAsDoubles();
      if (sum == null) {
        sum = new double[rows.length][rows[0].length];
      }
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows[i].length; j++) {
          sum[i][j] += counts[m] * rows[i][j] / total;
        }
      }
    }
    return sum;
  }

  @Test
  void aStudyOnOtherFoldsCannotJoin() {
    Ran ran = run("lda");
    assertThrows(IllegalArgumentException.class, () -> ComparisonService.requireSameFolds(
        FoldPlan.kFold(10, 2), FoldPlan.kFold(10, 5), "other"));
    // A study of another seed's folds is refused with what differs.
    StudyStore store = ran.store();
    ComparisonService other = new ComparisonService(new StudyService(store, ModelCatalog.standard()),
        ModelCatalog.standard());
    TuningRequest common = TuningRequest.builder("c", "target", "lda").metric(Optional.of("accuracy"))
        .search(SearchMethod.RANDOM).budget(Budget.trials(1)).folds(5).seed(3).build();
    other.create(new ComparisonRequest(Optional.of("five folds"), DATA, common,
        List.of(new ComparisonRequest.ModelChoice("lda", List.of())), false), ran.loaded());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ran.service().addStudy("compare-breast_cancer", "lda-breast_cancer-2"));
    assertTrue(refused.getMessage().contains("folds"), refused.getMessage());
  }

  @Test
  void withHeldOutRowsTheEnsemblesAreScoredOnceOnThemFromTheRefittedMembers() {
    StudyStore store = new InMemoryStudyStore();
    ComparisonService service = new ComparisonService(new StudyService(store, ModelCatalog.standard()),
        ModelCatalog.standard());
    LoadedData loaded = DataLoader.load(DATA);
    TuningRequest common = TuningRequest.builder("c", "target", "lda").metric(Optional.of("accuracy"))
        .search(SearchMethod.RANDOM).budget(Budget.trials(2)).folds(3).seed(5)
        .testFraction(java.util.OptionalDouble.of(0.25)).build();
    ComparisonService.Planned planned = service.create(new ComparisonRequest(Optional.of("held"), DATA, common,
        List.of(new ComparisonRequest.ModelChoice("lda", List.of()),
            new ComparisonRequest.ModelChoice("logistic_regression", List.of())), true), loaded);
    List<ComparisonRun.Outcome> outcomes = service.start(planned, 1).run(r -> StudyListener.NONE);
    assertTrue(outcomes.stream().allMatch(o -> o.test().isPresent()), "each study's best trial is tested");
    ComparisonRecord c = service.buildEnsembles("held", EnumSet.allOf(EnsembleKind.class), 3, loaded, n -> { });
    EnsembleRecord vote = c.ensembles().get(0);
    assertTrue(c.ensembles().get(1).test().isPresent());

    // By hand: each member refitted on the tuning rows, its test-row probabilities averaged.
    org.tunescope.ml.tuning.HeldOutRows rows = planned.studies().get(0).heldOut().orElseThrow();
    int[] test = rows.split().test();
    double[][] mean = new double[test.length][2];
    for (EnsembleRecord.Member m : vote.members()) {
      Trial t = store.trials(m.study()).get(m.trial());
      String model = store.get(m.study()).info().model();
      ModelSpec spec = ModelCatalog.standard().find(model, org.tunescope.ml.Task.CLASSIFICATION).orElseThrow();
      double[][] p = org.tunescope.ml.tuning.HeldOutCheck.refit(rows.all(), rows.split().tuning(), spec, t.params(),
          t.seed()).predictionRows(rows.all(), test);
      for (int i = 0; i < test.length; i++) {
        mean[i][0] += p[i][0] / vote.members().size();
        mean[i][1] += p[i][1] / vote.members().size();
      }
    }
    assertEquals(accuracy(mean, rows.all(), test), vote.test().getAsDouble(), 1e-12);

    // Greedy: the refitted members' test-row probabilities averaged with the members' weights.
    EnsembleRecord greedy = c.ensembles().get(2);
    assertEquals("greedy", greedy.kind());
    int total = greedy.members().stream().mapToInt(EnsembleRecord.Member::weight).sum();
    double[][] weighted = new double[test.length][2];
    for (EnsembleRecord.Member m : greedy.members()) {
      Trial t = store.trials(m.study()).get(m.trial());
      ModelSpec spec = ModelCatalog.standard().find(store.get(m.study()).info().model(),
          org.tunescope.ml.Task.CLASSIFICATION).orElseThrow();
      double[][] p = org.tunescope.ml.tuning.HeldOutCheck.refit(rows.all(), rows.split().tuning(), spec, t.params(),
          t.seed()).predictionRows(rows.all(), test);
      for (int i = 0; i < test.length; i++) {
        weighted[i][0] += m.weight() * p[i][0] / total;
        weighted[i][1] += m.weight() * p[i][1] / total;
      }
    }
    assertEquals(accuracy(weighted, rows.all(), test), greedy.test().getAsDouble(), 1e-12);
  }

  @Test
  void aHeldOutScoreTheStoreDidNotKeepIsToldWithItsStudy() {
    StudyStore store = new InMemoryStudyStore();
    ComparisonService service = new ComparisonService(new StudyService(store, ModelCatalog.standard()),
        ModelCatalog.standard());
    TuningRequest common = TuningRequest.builder("c", "target", "lda").metric(Optional.of("accuracy"))
        .search(SearchMethod.RANDOM).budget(Budget.trials(1)).folds(3).seed(5)
        .testFraction(java.util.OptionalDouble.of(0.25)).build();
    ComparisonService.Planned planned = service.create(new ComparisonRequest(Optional.of("full disk"), DATA, common,
        List.of(new ComparisonRequest.ModelChoice("lda", List.of())), false), DataLoader.load(DATA));
    org.tunescope.app.TestScoreKeeper full = new org.tunescope.app.TestScoreKeeper() {
      @Override
      public Optional<org.tunescope.engine.study.TestScore> kept() {
        return Optional.empty();
      }

      @Override
      public void keep(org.tunescope.engine.study.TestScore score) {
        throw new org.tunescope.store.StoreException("the disk is full");
      }
    };
    ComparisonRun run = new ComparisonRun(planned.comparison(), List.of(org.tunescope.app.StudyRun.inMemory(
        planned.studies().get(0), 1, List.of(), full)));
    ComparisonRun.Outcome outcome = run.run(r -> StudyListener.NONE).get(0);
    assertTrue(outcome.test().isPresent(), "the score is still given");
    assertEquals(Optional.of("the disk is full"), outcome.notKept());
  }

  @Test
  void storedStudiesOfTheSameFoldsMakeAComparisonAndItsEnsembles() {
    Ran ran = run("lda", "logistic_regression");
    ComparisonRecord c = ran.service().createOf("again", List.of("lda-breast_cancer",
        "logistic_regression-breast_cancer"));
    assertEquals(2, c.studies().size());
    ComparisonRecord built = ran.service().buildEnsembles("again", EnumSet.of(EnsembleKind.VOTE), 2, ran.loaded(),
        n -> { });
    EnsembleRecord original = ran.service().buildEnsembles("compare-breast_cancer", EnumSet.of(EnsembleKind.VOTE), 2,
        ran.loaded(), n -> { }).ensembles().get(0);
    assertEquals(original.folds(), built.ensembles().get(0).folds());
    // Built from the studies as create prepared them, the same ensemble as from the studies reopened.
    EnsembleRecord planned = ran.service().buildEnsembles(ran.planned(), EnumSet.of(EnsembleKind.VOTE), 2,
        ran.loaded(), n -> { }).ensembles().get(0);
    assertEquals(original, planned);
    assertThrows(IllegalArgumentException.class, () -> ran.service().createOf("again", List.of("lda-breast_cancer")));
  }

  /** Accuracy of the most probable class on the given rows. */
  private static double accuracy(double[][] probabilities, LearningProblem problem, int[] rows) {
    int right = 0;
    for (int i = 0; i < rows.length; i++) {
      int best = 0;
      for (int j = 1; j < probabilities[i].length; j++) {
        if (probabilities[i][j] > probabilities[i][best]) {
          best = j;
        }
      }
      right += best == (int) problem.y()[rows[i]] ? 1 : 0;
    }
    return (double) right / rows.length;
  }

  private static double[][] meanOf(List<List<FoldPredictions>> kept, int f, boolean train) {
    double[][] sum = null;
    for (List<FoldPredictions> member : kept) {
      double[][] rows = train ? member.get(f).trainRowsAsDoubles() : member.get(f).validationRowsAsDoubles();
      if (sum == null) {
        sum = new double[rows.length][rows[0].length];
      }
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows[i].length; j++) {
          sum[i][j] += rows[i][j] / kept.size();
        }
      }
    }
    return sum;
  }

  private static double[][] classOne(List<List<FoldPredictions>> kept, int f, boolean train) {
    int rows = train ? kept.get(0).get(f).trainRows() : kept.get(0).get(f).validationRows();
    double[][] out = new double[rows][kept.size()];
    for (int m = 0; m < kept.size(); m++) {
      double[][] p = train ? kept.get(m).get(f).trainRowsAsDoubles() : kept.get(m).get(f).validationRowsAsDoubles();
      for (int i = 0; i < rows; i++) {
        out[i][m] = p[i][1];
      }
    }
    return out;
  }
}
