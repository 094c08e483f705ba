package org.tunescope.ui.run;

import java.util.Optional;
import org.tunescope.engine.study.TestScore;
import org.tunescope.store.StudyStore;

/**
 * Where the run view keeps a study's held-out test score and finds it again: the study's store, so that the
 * score outlives the window, or nowhere. Both methods may do store work: the view model calls them on a
 * background thread, never on the JavaFX thread.
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
}
