package org.tunescope.store;

import java.util.List;
import java.util.OptionalDouble;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;

/**
 * An ensemble of trials, scored on its comparison's folds like a trial.
 *
 * @param kind    {@code vote} (soft voting) or {@code stack} (a meta-model on the members' predictions)
 * @param members the trials it combines
 * @param folds   its train and validation score on each fold
 * @param test    its score on the held-out test rows, when the studies hold some out
 */
public record EnsembleRecord(String kind, List<Member> members, List<FoldScore> folds, OptionalDouble test) {

  public EnsembleRecord {
    members = List.copyOf(members);
    folds = List.copyOf(folds);
  }

  /** One member: trial {@code trial} of study {@code study}. */
  public record Member(String study, int trial) {
  }

  public ScoreSummary train() {
    return ScoreSummary.of(folds.stream().map(FoldScore::train).toList());
  }

  public ScoreSummary validation() {
    return ScoreSummary.of(folds.stream().map(FoldScore::validation).toList());
  }
}
