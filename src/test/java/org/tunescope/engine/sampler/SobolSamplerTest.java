package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

class SobolSamplerTest {

  @Test
  void sameSeedSameSequenceOtherSeedOtherPoints() {
    List<Map<String, Object>> a = Samplers.run(new SobolSampler(Samplers.MIXED, 4), 30, p -> 0).stream()
        .map(t -> t.params()).toList();
    List<Map<String, Object>> b = Samplers.run(new SobolSampler(Samplers.MIXED, 4), 30, p -> 0).stream()
        .map(t -> t.params()).toList();
    List<Map<String, Object>> c = Samplers.run(new SobolSampler(Samplers.MIXED, 5), 30, p -> 0).stream()
        .map(t -> t.params()).toList();
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(a.get(17), new SobolSampler(Samplers.MIXED, 4).sample(17, List.of()).orElseThrow(), "trial 17 alone");
  }

  @Test
  void valuesStayInTheirRangesAndConditionsHold() {
    SobolSampler sampler = new SobolSampler(Samplers.MIXED, 1);
    for (int i = 0; i < 1000; i++) {
      Samplers.assertInSpace(Samplers.MIXED, sampler.sample(i, List.of()).orElseThrow());
    }
  }

  @Test
  void pointsAreSpreadEvenlyInLogSpace() {
    // 63 rotated Sobol points (the origin skipped) on a log range fall in 63 distinct of 64 equal log bins;
    // independent draws would leave about a third of the bins empty.
    SearchSpace space = new SearchSpace(List.of(SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
        SearchParameter.of("depth", new Distribution.IntRange(1, 4, false))));
    SobolSampler sampler = new SobolSampler(space, 9);
    Set<Integer> bins = new HashSet<>();
    int[] depths = new int[5];
    for (int i = 0; i < 64; i++) {
      Map<String, Object> p = sampler.sample(i, List.of()).orElseThrow();
      if (i < 63) {
        bins.add((int) Math.floor((Math.log10((Double) p.get("C")) + 2) / 5 * 64));
      }
      depths[(int) (long) (Long) p.get("depth")]++;
    }
    assertEquals(63, bins.size());
    for (int d = 1; d <= 4; d++) {
      assertEquals(16, depths[d], 1, "depth " + d + " gets a quarter of the points");
    }
  }
}
