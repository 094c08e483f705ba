package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

class RandomSamplerTest {

  private static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("kernel", new Distribution.Choice(List.of("linear", "rbf"))),
      SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
      SearchParameter.of("alpha", new Distribution.FloatRange(-1, 1, false)),
      SearchParameter.of("trees", new Distribution.IntRange(10, 500, true)),
      SearchParameter.of("depth", new Distribution.IntRange(1, 4, false)),
      new SearchParameter("gamma", new Distribution.FloatRange(1e-4, 10, true),
          Optional.of(Condition.when("kernel", "rbf")))));

  private static List<Map<String, Object>> draw(long seed, int n) {
    RandomSampler sampler = new RandomSampler(SPACE, seed);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(sampler.sample(i, List.of()).orElseThrow());
    }
    return out;
  }

  @Test
  void sameSeedSameSequenceAndTrialsIndependentOfAskingOrder() {
    assertEquals(draw(7, 50), draw(7, 50));
    assertNotEquals(draw(7, 50), draw(8, 50));
    RandomSampler sampler = new RandomSampler(SPACE, 7);
    assertEquals(draw(7, 50).get(42), sampler.sample(42, List.of()).orElseThrow(), "trial 42 alone");
  }

  @Test
  void valuesStayInTheirRanges() {
    for (Map<String, Object> p : draw(1, 2000)) {
      double c = (Double) p.get("C");
      assertTrue(c >= 0.01 && c <= 1000, "C " + c);
      double alpha = (Double) p.get("alpha");
      assertTrue(alpha >= -1 && alpha <= 1);
      long trees = (Long) p.get("trees");
      assertTrue(trees >= 10 && trees <= 500);
      long depth = (Long) p.get("depth");
      assertTrue(depth >= 1 && depth <= 4);
      assertEquals("rbf".equals(p.get("kernel")), p.containsKey("gamma"));
    }
  }

  @Test
  void logRangesAreUniformInLogSpace() {
    // On [0.01, 1000] a log-uniform draw falls below 1 in 2 of 5 decades (40 %); a uniform one in 0.1 %.
    long belowOne = draw(3, 4000).stream().filter(p -> (Double) p.get("C") < 1).count();
    assertEquals(0.4, belowOne / 4000.0, 0.03);
    long smallTrees = draw(3, 4000).stream().filter(p -> (Long) p.get("trees") < 100).count();
    // log(100/10) / log(501/10) = 0.589
    assertEquals(0.589, smallTrees / 4000.0, 0.03);
  }

  @Test
  void linearRangesAreUniformAndIntegersHitBothEnds() {
    List<Map<String, Object>> draws = draw(5, 4000);
    long negative = draws.stream().filter(p -> (Double) p.get("alpha") < 0).count();
    assertEquals(0.5, negative / 4000.0, 0.03);
    for (long d = 1; d <= 4; d++) {
      final long depth = d;
      long count = draws.stream().filter(p -> (Long) p.get("depth") == depth).count();
      assertEquals(0.25, count / 4000.0, 0.03, "depth " + d);
    }
  }
}
