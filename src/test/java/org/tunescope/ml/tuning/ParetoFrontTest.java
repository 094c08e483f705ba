package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  record P(String name, double seconds, double score) {
  }

  private static final ParetoFront.Objective<P> CHEAP = new ParetoFront.Objective<>(P::seconds, Direction.MINIMIZE);

  @Test
  void keepsThePointsNoOtherIsBothCheaperAndBetterThanCheapestFirst() {
    List<P> points = List.of(new P("slow best", 10, 0.97), new P("dominated", 5, 0.90), new P("cheap", 1, 0.91),
        new P("middle", 4, 0.95), new P("nan", 0.1, Double.NaN), new P("worse and dearer", 12, 0.96));
    List<P> front = ParetoFront.of(points, CHEAP, new ParetoFront.Objective<>(P::score, Direction.MAXIMIZE));
    assertEquals(List.of("cheap", "middle", "slow best"), front.stream().map(P::name).toList());
  }

  @Test
  void directionsTurnTheFrontAround() {
    List<P> points = List.of(new P("a", 1, 0.5), new P("b", 2, 0.3), new P("c", 3, 0.4));
    // rmse-like: lower score is better, so the cheap and low points win
    List<P> front = ParetoFront.of(points, CHEAP, new ParetoFront.Objective<>(P::score, Direction.MINIMIZE));
    assertEquals(List.of("a", "b"), front.stream().map(P::name).toList());
  }

  @Test
  void equalPointsDoNotDominateEachOther() {
    P a = new P("a", 1, 0.5);
    P b = new P("b", 1, 0.5);
    List<ParetoFront.Objective<P>> objectives = List.of(CHEAP,
        new ParetoFront.Objective<>(P::score, Direction.MAXIMIZE));
    assertFalse(ParetoFront.dominates(a, b, objectives));
    assertTrue(ParetoFront.dominates(a, new P("c", 1, 0.4), objectives));
    assertEquals(2, ParetoFront.of(List.of(a, b), objectives).size());
  }
}
