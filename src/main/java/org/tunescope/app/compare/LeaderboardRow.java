package org.tunescope.app.compare;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.EnsembleRecord;

/**
 * One candidate of a comparison: a study's trial with its validation mean and spread, train mean, gap (how much
 * validation is worse than train) and cost; or one of the comparison's ensembles, scored on the same folds, whose
 * cost is the sum of its members' (what fitting them all again costs: the ensemble's own combining is cheap
 * beside them). The leaderboard is made of these, as are the points of the cost view.
 *
 * @param label      the model (or study, when two share a model) as the views name it; "vote of 5" for an
 *                   ensemble
 * @param study      the trial's study; the comparison's name for an ensemble
 * @param model      the trial's model; the ensemble's label for an ensemble
 * @param trial      the trial; empty for an ensemble
 * @param ensemble   the ensemble; empty for a trial
 * @param folds      the train and validation score on each fold, in the folds' order (the same for every
 *                   candidate of a comparison, so that two candidates can be compared fold by fold)
 * @param fitSeconds the trial's fit seconds (all folds); an ensemble's members' summed, NaN when a member is
 *                   not among the compared studies' trials
 * @param megabytes  memory allocated while fitting, summed the same way for an ensemble
 * @param test       the score on the held-out test rows, when the studies hold some out and this candidate was
 *                   scored on them (a study's best trial, each ensemble)
 */
public record LeaderboardRow(String label, String study, String model, Optional<Trial> trial,
                             Optional<EnsembleRecord> ensemble, List<FoldScore> folds, double validationMean,
                             double validationStd, double trainMean, double gap, double fitSeconds,
                             double megabytes, OptionalDouble test) {

  public LeaderboardRow {
    folds = List.copyOf(folds);
  }

  static LeaderboardRow of(ComparedStudies.Compared c, Trial t, Direction d) {
    return new LeaderboardRow(c.label(), c.record().name(), c.record().info().model(), Optional.of(t),
        Optional.empty(), t.folds(), t.validation().mean(), t.validation().std(), t.train().mean(), t.gap(d),
        t.fitSeconds(), t.bytesAllocated() / 1e6, c.testOf(t));
  }

  /**
   * An ensemble of comparison {@code comparison}, as one more candidate: "vote of 5", "stack of 5".
   *
   * @param members its member trials as found among the compared studies; when one is missing its cost is NaN
   */
  static LeaderboardRow ensemble(String comparison, EnsembleRecord e, List<Trial> members, Direction d) {
    String label = label(e);
    double train = e.train().mean();
    double validation = e.validation().mean();
    boolean all = members.size() == e.members().size();
    double seconds = all ? members.stream().mapToDouble(Trial::fitSeconds).sum() : Double.NaN;
    double megabytes = all ? members.stream().mapToDouble(t -> t.bytesAllocated() / 1e6).sum() : Double.NaN;
    return new LeaderboardRow(label, comparison, label, Optional.empty(), Optional.of(e), e.folds(), validation,
        e.validation().std(), train, d.gap(train, validation), seconds, megabytes, e.test());
  }

  /** How the views name an ensemble: its kind and its number of members, "vote of 5". */
  public static String label(EnsembleRecord e) {
    return e.kind() + " of " + e.members().size();
  }

  /** Whether this line is an ensemble rather than a study's trial. */
  public boolean isEnsemble() {
    return ensemble.isPresent();
  }

  /** The validation score on each fold, in the folds' order. */
  public List<Double> validationFolds() {
    return folds.stream().map(FoldScore::validation).toList();
  }

  /** A cost as the views print it: an ensemble's marked "Σ " (what refitting its members takes), "" when unknown. */
  public String costText(String format, double cost) {
    return Double.isNaN(cost) ? "" : (isEnsemble() ? "Σ " : "") + String.format(java.util.Locale.ROOT, format, cost);
  }

  /** "trial 12 of svm-iris", or the ensemble's members as "svm-iris #3, knn-iris #7 (x2)". */
  public String what() {
    return trial.map(t -> "trial " + t.number() + " of " + study).orElseGet(() -> String.join(", ",
        ensemble.orElseThrow().members().stream().map(EnsembleRecord.Member::label).toList()));
  }
}
