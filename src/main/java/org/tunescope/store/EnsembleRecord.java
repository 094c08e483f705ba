package org.tunescope.store;

import java.util.List;
import java.util.OptionalDouble;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;

/**
 * An ensemble of trials, scored on its comparison's folds like a trial.
 *
 * @param kind    {@code vote} (soft voting), {@code stack} (a meta-model on the members' predictions) or
 *                {@code greedy} (Caruana's greedy selection: a soft vote weighted by the members' counts)
 * @param members the trials it combines, each once, with its weight
 * @param folds   its train and validation score on each fold
 * @param test    its score on the held-out test rows, when the studies hold some out
 */
public record EnsembleRecord(String kind, List<Member> members, List<FoldScore> folds, OptionalDouble test) {

  public EnsembleRecord {
    members = List.copyOf(members);
    folds = List.copyOf(folds);
  }

  /**
   * One member: trial {@code trial} of study {@code study}, counted {@code weight} times in the ensemble's
   * average (greedy selection adds a trial again and again; the other kinds count each member once).
   */
  public record Member(String study, int trial, int weight) {

    public Member {
      if (weight < 1) {
        throw new IllegalArgumentException("a member's weight is at least 1, got " + weight);
      }
    }

    /** A member counted once. */
    /** "svm-iris #3", or "svm-iris #3 (x2)" for a member counted twice. */
    public String label() {
      return study + " #" + trial + (weight > 1 ? " (x" + weight + ")" : "");
    }

    public Member(String study, int trial) {
      this(study, trial, 1);
    }
  }

  public ScoreSummary train() {
    return ScoreSummary.of(folds.stream().map(FoldScore::train).toList());
  }

  public ScoreSummary validation() {
    return ScoreSummary.of(folds.stream().map(FoldScore::validation).toList());
  }
}
