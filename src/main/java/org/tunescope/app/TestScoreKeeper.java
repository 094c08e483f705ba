package org.tunescope.app;

import java.util.Optional;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;

/**
 * Where a study's held-out test score is kept and found again: the study's store, so that the score
 * outlives the run, or nowhere. Every method may do store work or a refit: never on a UI thread.
 */
public interface TestScoreKeeper {

  /** Keeps nothing and has nothing: a study run without a store. */
  TestScoreKeeper NONE = new TestScoreKeeper() {
    @Override
    public Optional<TestScore> kept() {
      return Optional.empty();
    }

    @Override
    public void keep(TestScore score) {
    }
  };

  /** The score kept for the study, if any. */
  Optional<TestScore> kept();

  /** Keeps the score, replacing the one kept before. */
  void keep(TestScore score);

  /** The keeper of one study of a store. */
  static TestScoreKeeper of(StudyStore store, String study) {
    return new TestScoreKeeper() {
      @Override
      public Optional<TestScore> kept() {
        return store.testScore(study);
      }

      @Override
      public void keep(TestScore score) {
        store.saveTestScore(study, score);
      }
    };
  }

  /**
   * The score kept for {@code best}; empty when none is kept, when it is an earlier best's, or when the
   * store cannot be read (refitting gives the score all the same).
   */
  default Optional<TestScore> keptFor(Trial best) {
    try {
      return kept().filter(k -> k.trial() == best.number());
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  /**
   * Refits {@code best} on every tuning row, scores it once on the held-out rows and keeps the score;
   * empty when the study holds no rows out. A score that cannot be kept is still given, with the reason.
   *
   * @throws RuntimeException when the trial cannot be refitted
   */
  default Optional<Scored> score(PreparedStudy prepared, Trial best) {
    return prepared.heldOutCheck(best).map(score -> {
      try {
        keep(score);
        return new Scored(score, Optional.empty());
      } catch (StoreException e) {
        return new Scored(score, Optional.of(e.getMessage()));
      }
    });
  }

  /**
   * A held-out score just computed.
   *
   * @param notKept why the store did not keep it, when it did not
   */
  record Scored(TestScore score, Optional<String> notKept) {
  }
}
