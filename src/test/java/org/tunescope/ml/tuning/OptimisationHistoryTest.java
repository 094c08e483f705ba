package org.tunescope.ml.tuning;

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

class OptimisationHistoryTest {

  private static Trial trial(int n, TrialState state, double validation) {
    return new Trial(n, state, Map.of(), state == TrialState.COMPLETE ? List.of(new FoldScore(1, validation)) : List.of(),
        0, 1, 0, Optional.empty(), Instant.ofEpochSecond(n));
  }

  @Test
  void bestSoFarRisesStepwiseAndSkipsIncompleteTrials() {
    List<Trial> trials = List.of(trial(0, TrialState.COMPLETE, 0.5), trial(1, TrialState.COMPLETE, 0.4),
        trial(2, TrialState.FAILED, 0), trial(3, TrialState.COMPLETE, 0.7), trial(4, TrialState.COMPLETE, 0.6));
    List<double[]> best = OptimisationHistory.bestSoFar(trials, Direction.MAXIMIZE, false);
    assertEquals(4, best.size());
    assertEquals(List.of(0.5, 0.5, 0.7, 0.7), best.stream().map(p -> p[1]).toList());
    assertEquals(List.of(0.0, 1.0, 3.0, 4.0), best.stream().map(p -> p[0]).toList());
    assertEquals(List.of(0.5, 0.4, 0.4, 0.4), OptimisationHistory.bestSoFar(trials, Direction.MINIMIZE, false).stream()
        .map(p -> p[1]).toList());
    assertEquals(List.of(1.0, 2.0, 4.0, 5.0), OptimisationHistory.bestSoFar(trials, Direction.MAXIMIZE, true).stream()
        .map(p -> p[0]).toList(), "seconds from the first start to each trial's end");
  }
}
