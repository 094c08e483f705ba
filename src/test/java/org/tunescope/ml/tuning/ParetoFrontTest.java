package org.tunescope.ml.tuning;

import org.tunescope.ml.tuning.ParetoFront;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

class ParetoFrontTest {

  private static Trial trial(int n, double seconds, double score) {
    return new Trial(n, TrialState.COMPLETE, Map.of(), List.of(new FoldScore(1, score)), 0, seconds, 0,
        Optional.empty(), Instant.EPOCH);
  }

  @Test
  void keepsOnlyTrialsNoOtherBeatsOnBothScoreAndCost() {
    List<Trial> trials = List.of(trial(0, 1.0, 0.90), trial(1, 0.5, 0.85), trial(2, 2.0, 0.89), trial(3, 3.0, 0.95),
        trial(4, 0.5, 0.80));
    assertEquals(List.of(1, 0, 3), ParetoFront.of(trials, Direction.MAXIMIZE, Trial::fitSeconds).stream()
        .map(Trial::number).toList());
    assertEquals(List.of(4), ParetoFront.of(trials, Direction.MINIMIZE, Trial::fitSeconds).stream()
        .map(Trial::number).toList());
  }
}
