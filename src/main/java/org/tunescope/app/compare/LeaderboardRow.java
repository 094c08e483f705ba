package org.tunescope.app.compare;

import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.EnsembleRecord;

/**
 * One line of a comparison's leaderboard: a study's best trial with its validation mean and spread, train
 * mean, gap (how much validation is worse than train) and cost; or one of the comparison's ensembles, scored on
 * the same folds, with no trial and no cost of its own (its members were paid for already).
 *
 * @param label the model (or study, when two share a model) as the views name it; "vote of 5" for an ensemble
 * @param trial the best trial; null for an ensemble
 */
public record LeaderboardRow(String label, String study, String model, Trial trial, double validationMean,
                             double validationStd, double trainMean, double gap, double fitSeconds,
                             double megabytes) {

  static LeaderboardRow of(ComparedStudies.Compared c, Trial t, Direction d) {
    return new LeaderboardRow(c.label(), c.record().name(), c.record().info().model(), t, t.validation().mean(),
        t.validation().std(), t.train().mean(), t.gap(d), t.fitSeconds(), t.bytesAllocated() / 1e6);
  }

  /** An ensemble of comparison {@code comparison}, as one more candidate: "vote of 5", "stack of 5". */
  public static LeaderboardRow ensemble(String comparison, EnsembleRecord e, Direction d) {
    String kind = e.kind() + " of " + e.members().size();
    double train = e.train().mean();
    double validation = e.validation().mean();
    return new LeaderboardRow(kind, comparison, kind, null, validation, e.validation().std(), train,
        d.gap(train, validation), Double.NaN, Double.NaN);
  }

  /** Whether this line is an ensemble rather than a study's best trial. */
  public boolean isEnsemble() {
    return trial == null;
  }
}
