package org.tunescope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;

class ParetoFrontTest {

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
