package org.tunescope.ui.charts.curve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The points of a computed curve as trials, so that the overfitting-curve chart draws them with their bands. */
public final class CurvePoints {

  private CurvePoints() {
  }

  /** Point {@code index} at {@code x} on the axis {@code name}, its folds those of the two summaries. */
  public static Trial trial(int index, String name, long x, ScoreSummary train, ScoreSummary validation) {
    List<FoldScore> folds = new ArrayList<>();
    for (int f = 0; f < train.folds().size(); f++) {
      folds.add(new FoldScore(train.folds().get(f), validation.folds().get(f)));
    }
    return new Trial(index, TrialState.COMPLETE, Map.of(name, x), folds, 0, 0, 0, Optional.empty(), Instant.EPOCH);
  }
}
