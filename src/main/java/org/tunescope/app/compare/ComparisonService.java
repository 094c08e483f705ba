package org.tunescope.app.compare;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.ensemble.EnsembleScoring;
import org.tunescope.ml.ensemble.GreedySelection;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.HeldOutCheck;
import org.tunescope.ml.tuning.HeldOutRows;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;

/**
 * Comparisons' lives, for both front ends: {@link #create} one from a request (a study per model, all on the
 * same rows in every fold), {@link #start} running its studies one after another, {@link #addStudy} an
 * existing study of the same data and folds, {@link #buildEnsembles} of the best trials. The store keeps every
 * step. Every method does store work or fitting: never on a UI thread.
 *
 * <p>Folds are the same in every study of a comparison because they are made from the same things: the data
 * (its SHA-256), the target, the task, the number of folds, the repeats, the fold column and the seed (the
 * stratified and plain k-fold splits use no randomness; repeated k-fold and the held-out split draw from the
 * seed). {@link #buildEnsembles} checks it row for row before it combines any predictions.
 */
public final class ComparisonService {

  private final StudyService studies;
  private final StudyStore store;
  private final TuningSetup setup;

  public ComparisonService(StudyService studies, ModelCatalog catalog) {
    this.studies = studies;
    this.store = studies.store();
    this.setup = new TuningSetup(catalog);
  }

  /** A comparison's name when the user gives none: {@code compare-DATASET}. */
  public static String defaultName(Path data) {
    return StudyService.defaultName("compare", data);
  }

  /** {@code base}, or the first of {@code base-2}, {@code base-3}... that no comparison of the store has. */
  public String freshName(String base) {
    return StudyService.freshName(base, name -> store.findComparison(name).isPresent());
  }

  /**
   * A new comparison in the store: one new study per model (named {@code MODEL-DATASET}, numbered when taken),
   * every request checked before any study is kept, so that a mistyped parameter of the last model leaves
   * nothing behind.
   *
   * @return the comparison, ready to {@link #start}
   */
  public Planned create(ComparisonRequest request, LoadedData loaded) {
    LearningProblem problem = setup.problem(request.common(), loaded.table());
    List<TuningRequest> requests = new ArrayList<>();
    List<PreparedStudy> prepared = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (ComparisonRequest.ModelChoice choice : request.models()) {
      ModelSpec model = setup.findModel(choice.model(), problem.task());
      String name = freshStudyName(StudyService.defaultName(model.id(), request.data()), taken);
      taken.add(name);
      TuningRequest r = forModel(request.common(), name, model.id(), TuningSetup.ranges(model, choice.params()));
      PreparedStudy p = setup.prepare(r, problem, request.data(), loaded.sha256());
      if (!prepared.isEmpty()) {
        requireSameFolds(prepared.get(0).objective().plan(), p.objective().plan(), name);
      }
      requests.add(r);
      prepared.add(request.keepPredictions() ? p.keepingPredictions(keeper(name)) : p);
    }
    String name = request.name().orElseGet(() -> freshName(defaultName(request.data())));
    if (store.findComparison(name).isPresent()) {
      throw new IllegalArgumentException("a comparison named " + name + " exists already; give another name");
    }
    for (int i = 0; i < prepared.size(); i++) {
      studies.create(prepared.get(i), requests.get(i), request.data());
    }
    PreparedStudy first = prepared.get(0);
    ComparisonRecord record = new ComparisonRecord(name, Instant.now(), request.data().toAbsolutePath().toString(),
        loaded.sha256(), first.info().target(), first.metric().id(), first.info().foldMethod(),
        request.common().seed(), taken, List.of());
    store.saveComparison(record);
    return new Planned(record, prepared);
  }

  /**
   * A new comparison's studies, prepared: each keeps its trials' fold predictions when the request asked.
   */
  public record Planned(ComparisonRecord comparison, List<PreparedStudy> studies) {
  }

  /** A run of the comparison's studies one after another (see {@link ComparisonRun}). */
  public ComparisonRun start(Planned planned, int workers) {
    List<StudyRun> runs = planned.studies().stream().map(p -> studies.start(p, workers)).toList();
    return new ComparisonRun(planned.comparison(), runs);
  }

  /**
   * A new comparison of studies already in the store (none is run): they must share the data, target, metric,
   * folds, seed and held-out fraction.
   *
   * @throws IllegalArgumentException saying what differs, or when the name is taken
   */
  public ComparisonRecord createOf(String name, List<String> studyNames) {
    if (studyNames.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one study");
    }
    if (store.findComparison(name).isPresent()) {
      throw new IllegalArgumentException("a comparison named " + name + " exists already; give another name");
    }
    StudyRecord first = store.get(studyNames.get(0));
    ComparisonRecord c = new ComparisonRecord(name, Instant.now(), first.info().dataset(), first.info().sha256(),
        first.info().target(), first.info().metric(), first.info().foldMethod(), first.info().seed(),
        List.of(first.name()), List.of());
    for (String study : studyNames.subList(1, studyNames.size())) {
      refuseDifferent(c, store.get(study));
      c = c.withStudy(study);
    }
    store.saveComparison(c);
    return c;
  }

  /**
   * Adds a stored study to a comparison, when it was made on the same data, target, metric and folds.
   *
   * @throws IllegalArgumentException saying what differs, when something does
   */
  public ComparisonRecord addStudy(String comparison, String study) {
    ComparisonRecord c = get(comparison);
    refuseDifferent(c, store.get(study));
    ComparisonRecord added = c.withStudy(study);
    store.saveComparison(added);
    return added;
  }

  /**
   * Refuses a study that was not made on the comparison's data, target, metric, folds and held-out rows: the
   * rule of {@link ComparedStudies#difference}, against the comparison's first study.
   */
  private void refuseDifferent(ComparisonRecord c, StudyRecord s) {
    StudyRecord reference = store.get(c.studies().get(0));
    ComparedStudies.difference(reference, s).ifPresent(d -> {
      throw new IllegalArgumentException("study " + s.name() + " cannot join comparison " + c.name() + ": its "
          + d + " differs");
    });
  }

  /**
   * The greedy ensemble's candidate pool is this many times {@code top} best trials (20 for the default top 5):
   * a pool much larger than the ensemble gives selection something to choose from (complementary trials further
   * down the ranking), while keeping the selection's cost, pool x rounds x folds scorings, small.
   */
  public static final int GREEDY_POOL_PER_MEMBER = 4;

  /**
   * Builds and keeps the ensembles of the comparison's best complete trials (across all its studies, by mean
   * validation score) that have kept fold predictions, each scored on the comparison's folds from those
   * predictions; replaces the ensembles of the same kinds built before. Voting and stacking combine the
   * {@code top} best; greedy selection ({@link GreedySelection}) picks, in as many rounds as its pool is large,
   * from the {@link #GREEDY_POOL_PER_MEMBER} x {@code top} best, each fold scored by a selection made on the other
   * folds, its members and weights those of a selection on every fold. When the studies hold rows out, each
   * ensemble is also scored once on them, as a study's best trial is: its members refitted on every tuning row,
   * the stacking meta-model fitted on the out-of-fold predictions of every tuning row.
   *
   * @param loaded the comparison's data file, loaded (its rows' targets, its folds)
   * @param notes  told which trials had no predictions kept and were passed over
   * @return the comparison as kept
   * @throws IllegalArgumentException when the data changed, the studies' folds differ, or no trial has
   *     predictions kept
   */
  public ComparisonRecord buildEnsembles(String comparison, Set<EnsembleKind> kinds, int top, LoadedData loaded,
      Consumer<String> notes) {
    return buildEnsembles(comparison, Map.of(), kinds, top, loaded, notes);
  }

  /**
   * {@link #buildEnsembles(String, Set, int, LoadedData, Consumer)} of a comparison just {@link #create}d and run:
   * its studies as they were prepared then, rather than prepared again from the store.
   */
  public ComparisonRecord buildEnsembles(Planned planned, Set<EnsembleKind> kinds, int top, LoadedData loaded,
      Consumer<String> notes) {
    Map<String, PreparedStudy> prepared = new java.util.HashMap<>();
    planned.studies().forEach(p -> prepared.put(p.study().name(), p));
    return buildEnsembles(planned.comparison().name(), prepared, kinds, top, loaded, notes);
  }

  /** @param prepared studies of the comparison already prepared, by name; the others are reopened */
  private ComparisonRecord buildEnsembles(String comparison, Map<String, PreparedStudy> prepared,
      Set<EnsembleKind> kinds, int top, LoadedData loaded, Consumer<String> notes) {
    if (top < 1) {
      throw new IllegalArgumentException("an ensemble needs at least 1 member, got --top " + top);
    }
    ComparisonRecord c = get(comparison);
    if (c.studies().isEmpty()) {
      throw new IllegalArgumentException("comparison " + comparison + " has no study");
    }
    PreparedStudy reference = null;
    Map<String, PreparedStudy> reopened = new java.util.HashMap<>();
    for (String study : c.studies()) {
      PreparedStudy p = prepared.containsKey(study) ? prepared.get(study)
          : studies.reopen(store.get(study), loaded, false, notes).prepared();
      reopened.put(study, p);
      if (reference == null) {
        reference = p;
      } else {
        requireSameFolds(reference.objective().plan(), p.objective().plan(), study);
      }
    }
    Direction direction = reference.study().direction();
    List<Candidate> ranked = new ArrayList<>();
    for (String study : c.studies()) {
      for (Trial t : StudyResult.ranked(store.trials(study), direction)) {
        ranked.add(new Candidate(study, t));
      }
    }
    Comparator<Candidate> best = Comparator.comparingDouble(k -> k.trial().validation().mean());
    ranked.sort(direction == Direction.MAXIMIZE ? best.reversed() : best);
    int poolSize = kinds.contains(EnsembleKind.GREEDY) ? GREEDY_POOL_PER_MEMBER * top : top;
    List<Candidate> pool = new ArrayList<>();
    List<List<FoldPredictions>> predictions = new ArrayList<>();
    int passedOver = 0;
    for (Candidate k : ranked) {
      if (pool.size() == poolSize) {
        break;
      }
      Optional<List<FoldPredictions>> kept = store.predictions(k.study(), k.trial().number());
      if (kept.isEmpty()) {
        passedOver++;
        continue;
      }
      pool.add(k);
      predictions.add(kept.get());
    }
    if (passedOver > 0) {
      notes.accept(passedOver + " better trials have no fold predictions kept (run before predictions were"
          + " kept) and are not in the ensembles");
    }
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("no trial of comparison " + comparison + " has fold predictions kept:"
          + " ensembles are built from them (compare keeps them)");
    }
    int topCount = Math.min(top, pool.size());
    List<Candidate> chosen = pool.subList(0, topCount);
    List<List<FoldPredictions>> topPredictions = predictions.subList(0, topCount);
    List<EnsembleRecord.Member> members = chosen.stream().map(k -> new EnsembleRecord.Member(k.study(),
        k.trial().number())).toList();
    LearningProblem problem = reference.problem();
    EnsembleScoring scoring = new EnsembleScoring(reference.objective().plan(), problem.y(), problem.numClasses(),
        reference.metric());
    List<EnsembleRecord> ensembles = new ArrayList<>(c.ensembles().stream()
        .filter(e -> kinds.stream().noneMatch(k -> k.id().equals(e.kind()))).toList());
    Optional<HeldOut> heldOut = reference.heldOut().map(h -> new HeldOut(h, reopened));
    if (kinds.contains(EnsembleKind.VOTE)) {
      ensembles.add(new EnsembleRecord(EnsembleKind.VOTE.id(), members, scoring.vote(topPredictions),
          test(heldOut, h -> scoring.voteTest(h.predictions(chosen), h.y()))));
    }
    if (kinds.contains(EnsembleKind.STACK)) {
      ensembles.add(new EnsembleRecord(EnsembleKind.STACK.id(), members, scoring.stack(topPredictions),
          test(heldOut, h -> scoring.stackTest(topPredictions, h.predictions(chosen), h.y()))));
    }
    if (kinds.contains(EnsembleKind.GREEDY)) {
      ensembles.add(greedy(scoring, pool, predictions, heldOut));
    }
    ComparisonRecord built = c.withEnsembles(ensembles);
    store.saveComparison(built);
    return built;
  }

  /**
   * The greedy ensemble of the pool: fold scores of selections made without each fold, members and weights (and
   * the held-out score) of the selection made on every fold.
   */
  private static EnsembleRecord greedy(EnsembleScoring scoring, List<Candidate> pool,
      List<List<FoldPredictions>> predictions, Optional<HeldOut> heldOut) {
    GreedySelection greedy = new GreedySelection(scoring, pool.size());
    List<FoldScore> folds = greedy.foldScores(predictions).folds();
    GreedySelection.Selection kept = greedy.select(predictions);
    List<Candidate> chosen = new ArrayList<>();
    List<EnsembleRecord.Member> members = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      if (kept.counts()[i] > 0) {
        Candidate k = pool.get(i);
        chosen.add(k);
        members.add(new EnsembleRecord.Member(k.study(), k.trial().number(), kept.counts()[i]));
        weights.add((double) kept.counts()[i]);
      }
    }
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    return new EnsembleRecord(EnsembleKind.GREEDY.id(), members, folds,
        test(heldOut, h -> scoring.voteTest(h.predictions(chosen), w, h.y())));
  }

  private static OptionalDouble test(Optional<HeldOut> heldOut, java.util.function.ToDoubleFunction<HeldOut> score) {
    return heldOut.map(h -> OptionalDouble.of(score.applyAsDouble(h))).orElse(OptionalDouble.empty());
  }

  private record Candidate(String study, Trial trial) {
  }

  /**
   * The held-out test rows: each candidate refitted on every tuning row (as the held-out check refits a study's
   * best trial) predicts them once, when an ensemble first needs it (the kinds share members).
   */
  private static final class HeldOut {

    private final HeldOutRows rows;
    private final Map<String, PreparedStudy> studies;
    private final Map<String, double[][]> refitted = new java.util.HashMap<>();

    HeldOut(HeldOutRows rows, Map<String, PreparedStudy> studies) {
      this.rows = rows;
      this.studies = studies;
    }

    /** The test rows' targets. */
    double[] y() {
      return Arrays.stream(rows.split().test()).mapToDouble(r -> rows.all().y()[r]).toArray();
    }

    /** Each member's predictions of the test rows, in the members' order. */
    List<double[][]> predictions(List<Candidate> members) {
      return members.stream().map(m -> refitted.computeIfAbsent(m.study() + "#" + m.trial().number(),
          key -> refit(m))).toList();
    }

    private double[][] refit(Candidate m) {
      HeldOutCheck.Refit refit = HeldOutCheck.refit(rows.all(), rows.split().tuning(),
          studies.get(m.study()).model(), m.trial().params(), m.trial().seed());
      try (org.tunescope.ml.models.FittedModel fitted = refit.model()) {
        return refit.predictionRows(rows.all(), rows.split().test());
      }
    }
  }

  private ComparisonRecord get(String comparison) {
    return store.findComparison(comparison).orElseThrow(() -> new StoreException("no comparison named "
        + comparison + " in the store"));
  }

  /** Keeps a trial's fold predictions in the store, from the worker that evaluated it. */
  private org.tunescope.ml.tuning.PredictionSink keeper(String study) {
    return (trial, folds) -> store.savePredictions(study, trial, folds);
  }

  /** A name no stored study has and none of this comparison's new ones takes. */
  private String freshStudyName(String base, List<String> taken) {
    return StudyService.freshName(base, name -> store.find(name).isPresent() || taken.contains(name));
  }

  /** The common choices of a comparison, for one of its models. */
  static TuningRequest forModel(TuningRequest common, String name, String model,
      Map<String, org.tunescope.engine.space.Distribution> ranges) {
    return common.toBuilder().name(name).model(model).ranges(ranges).build();
  }

  /** Refuses a study whose folds are not the reference's, row for row. */
  static void requireSameFolds(FoldPlan reference, FoldPlan plan, String study) {
    boolean same = reference.size() == plan.size();
    for (int f = 0; same && f < plan.size(); f++) {
      Fold a = reference.folds().get(f);
      Fold b = plan.folds().get(f);
      same = Arrays.equals(a.train(), b.train()) && Arrays.equals(a.validation(), b.validation());
    }
    if (!same) {
      throw new IllegalArgumentException("study " + study + " was cross-validated on other folds than the"
          + " comparison's other studies (" + plan.description() + " against " + reference.description() + ")");
    }
  }
}
