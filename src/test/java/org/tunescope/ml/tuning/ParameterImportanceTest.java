package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

class ParameterImportanceTest {

  @Test
  void theParameterThatDrivesTheScoreComesFirst() {
    SearchSpace space = new SearchSpace(List.of(
        SearchParameter.of("C", new Distribution.FloatRange(0.01, 100, true)),
        SearchParameter.of("noise", new Distribution.FloatRange(0, 1, false)),
        SearchParameter.of("tol", new Distribution.Fixed(0.001))));
    SplittableRandom random = new SplittableRandom(1);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      double c = Math.pow(10, -2 + 4 * random.nextDouble());
      double noise = random.nextDouble();
      double score = 0.9 - 0.05 * Math.abs(Math.log10(c) - 1) + 0.002 * noise;
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("C", c, "noise", noise, "tol", 0.001),
          List.of(new FoldScore(1, score)), 0, 0, 0, Optional.empty(), Instant.EPOCH));
    }
    Map<String, Double> importance = ParameterImportance.of(trials, space);
    assertEquals(List.of("C", "noise"), List.copyOf(importance.keySet()), "fixed parameters are left out");
    assertTrue(importance.get("C") > 0.8, importance.toString());
    assertEquals(1.0, importance.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertEquals(importance, ParameterImportance.of(trials, space), "the same trials give the same bars");
    assertTrue(ParameterImportance.of(trials.subList(0, 5), space).isEmpty(), "too few trials say nothing");
  }
}
