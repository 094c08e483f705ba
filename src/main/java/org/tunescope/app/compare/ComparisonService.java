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
    String name = base;
    for (int n = 2; store.findComparison(name).isPresent(); n++) {
      name = base + "-" + n;
    }
    return name;
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
   * Builds and keeps the ensembles of the comparison's {@code top} best complete trials (across all its
   * studies, by mean validation score) that have kept fold predictions, each scored on the comparison's folds
   * from those predictions; replaces the ensembles of the same kinds built before. When the studies hold rows
   * out, each ensemble is also scored once on them, as a study's best trial is: its members refitted on every
   * tuning row, the stacking meta-model fitted on the out-of-fold predictions of every tuning row.
   *
   * @param loaded the comparison's data file, loaded (its rows' targets, its folds)
   * @param notes  told which trials had no predictions kept and were passed over
   * @return the comparison as kept
   * @throws IllegalArgumentException when the data changed, the studies' folds differ, or no trial has
   *     predictions kept
   */
  public ComparisonRecord buildEnsembles(String comparison, Set<EnsembleKind> kinds, int top, LoadedData loaded,
      Consumer<String> notes) {
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
      PreparedStudy p = studies.reopen(store.get(study), loaded, false, notes).prepared();
      reopened.put(study, p);
      if (reference == null) {
        reference = p;
      } else {
        requireSameFolds(reference.objective().plan(), p.objective().plan(), study);
      }
    }
    Direction direction = reference.study().direction();
    List<Candidate> candidates = new ArrayList<>();
    for (String study : c.studies()) {
      for (Trial t : StudyResult.ranked(store.trials(study), direction)) {
        candidates.add(new Candidate(study, t));
      }
    }
    Comparator<Candidate> best = Comparator.comparingDouble(k -> k.trial().validation().mean());
    candidates.sort(direction == Direction.MAXIMIZE ? best.reversed() : best);
    List<EnsembleRecord.Member> members = new ArrayList<>();
    List<Candidate> chosen = new ArrayList<>();
    List<List<FoldPredictions>> predictions = new ArrayList<>();
    int passedOver = 0;
    for (Candidate k : candidates) {
      if (members.size() == top) {
        break;
      }
      Optional<List<FoldPredictions>> kept = store.predictions(k.study(), k.trial().number());
      if (kept.isEmpty()) {
        passedOver++;
        continue;
      }
      members.add(new EnsembleRecord.Member(k.study(), k.trial().number()));
      chosen.add(k);
      predictions.add(kept.get());
    }
    if (passedOver > 0) {
      notes.accept(passedOver + " better trials have no fold predictions kept (run before predictions were"
          + " kept) and are not in the ensembles");
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no trial of comparison " + comparison + " has fold predictions kept:"
          + " ensembles are built from them (compare keeps them)");
    }
    LearningProblem problem = reference.problem();
    EnsembleScoring scoring = new EnsembleScoring(reference.objective().plan(), problem.y(), problem.numClasses(),
        reference.metric());
    List<EnsembleRecord> ensembles = new ArrayList<>(c.ensembles().stream()
        .filter(e -> kinds.stream().noneMatch(k -> k.id().equals(e.kind()))).toList());
    Optional<HeldOut> heldOut = reference.heldOut().map(h -> heldOut(h, chosen, reopened));
    for (EnsembleKind kind : EnsembleKind.values()) {
      if (kinds.contains(kind)) {
        List<FoldScore> folds = kind == EnsembleKind.VOTE ? scoring.vote(predictions) : scoring.stack(predictions);
        OptionalDouble test = heldOut.map(h -> OptionalDouble.of(kind == EnsembleKind.VOTE
            ? scoring.voteTest(h.predictions(), h.y()) : scoring.stackTest(predictions, h.predictions(), h.y())))
            .orElse(OptionalDouble.empty());
        ensembles.add(new EnsembleRecord(kind.id(), members, folds, test));
      }
    }
    ComparisonRecord built = c.withEnsembles(ensembles);
    store.saveComparison(built);
    return built;
  }

  private record Candidate(String study, Trial trial) {
  }

  /** The held-out test rows' targets and each member's predictions of them. */
  private record HeldOut(List<double[][]> predictions, double[] y) {
  }

  /**
   * Each member refitted on every tuning row (as the held-out check refits a study's best trial), predicting the
   * test rows once.
   */
  private static HeldOut heldOut(HeldOutRows rows, List<Candidate> members, Map<String, PreparedStudy> studies) {
    int[] test = rows.split().test();
    List<double[][]> predictions = new ArrayList<>();
    for (Candidate m : members) {
      HeldOutCheck.Refit refit = HeldOutCheck.refit(rows.all(), rows.split().tuning(), studies.get(m.study()).model(),
          m.trial().params(), m.trial().seed());
      try (org.tunescope.ml.models.FittedModel fitted = refit.model()) {
        predictions.add(refit.predictionRows(rows.all(), test));
      }
    }
    return new HeldOut(predictions, Arrays.stream(test).mapToDouble(r -> rows.all().y()[r]).toArray());
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
    String name = base;
    for (int n = 2; store.find(name).isPresent() || taken.contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** The common choices of a comparison, for one of its models. */
  static TuningRequest forModel(TuningRequest common, String name, String model,
      Map<String, org.tunescope.engine.space.Distribution> ranges) {
    return TuningRequest.builder(name, common.target(), model).task(common.task()).ranges(ranges)
        .fixOthers(common.fixOthers()).metric(common.metric()).search(common.search()).gridPoints(common.gridPoints())
        .budget(common.budget()).folds(common.folds()).repeats(common.repeats()).foldColumn(common.foldColumn())
        .seed(common.seed()).testFraction(common.testFraction()).build();
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
