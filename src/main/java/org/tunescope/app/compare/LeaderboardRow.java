package org.tunescope.app.compare;

import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * One line of a comparison's leaderboard: a study's best trial with its validation mean and spread, train
 * mean, gap (how much validation is worse than train) and cost.
 *
 * @param label the model (or study, when two share a model) as the views name it
 */
public record LeaderboardRow(String label, String study, String model, Trial trial, double validationMean,
                             double validationStd, double trainMean, double gap, double fitSeconds,
                             double megabytes) {

  static LeaderboardRow of(ComparedStudies.Compared c, Trial t, Direction d) {
    return new LeaderboardRow(c.label(), c.record().name(), c.record().info().model(), t, t.validation().mean(),
        t.validation().std(), t.train().mean(), t.gap(d), t.fitSeconds(), t.bytesAllocated() / 1e6);
  }
}
