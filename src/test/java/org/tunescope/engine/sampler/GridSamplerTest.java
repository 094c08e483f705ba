package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

class GridSamplerTest {

  private static SearchSpace svmSpace() {
    return new SearchSpace(List.of(
        SearchParameter.of("kernel", new Distribution.Choice(List.of("linear", "rbf", "poly"))),
        SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
        new SearchParameter("gamma", new Distribution.FloatRange(1e-4, 10, true),
            Optional.of(Condition.when("kernel", "rbf"))),
        new SearchParameter("degree", new Distribution.IntRange(2, 4, false),
            Optional.of(Condition.when("kernel", "poly")))));
  }

  @Test
  void gridSizeIsKnownAndCoversEveryCombinationOnce() {
    GridSampler grid = new GridSampler(svmSpace(), 10);
    // linear: 10 C; rbf: 10 C x 10 gamma; poly: 10 C x 3 degrees
    assertEquals(10 + 100 + 30, grid.size().getAsInt());
    assertEquals(grid.size().getAsInt(), new HashSet<>(grid.points()).size(), "no point twice");
    assertTrue(grid.sample(140, List.of()).isEmpty(), "exhausted after its size");
  }

  @Test
  void conditionalParametersOnlyAppearWhenTheyApply() {
    for (Map<String, Object> p : new GridSampler(svmSpace(), 3).points()) {
      assertEquals("rbf".equals(p.get("kernel")), p.containsKey("gamma"), p.toString());
      assertEquals("poly".equals(p.get("kernel")), p.containsKey("degree"), p.toString());
    }
  }

  @Test
  void logRangesAreLogSpacedAndIncludeBothEnds() {
    List<Object> values = GridSampler.values(new Distribution.FloatRange(0.01, 1000, true), 6);
    double[] expected = {0.01, 0.1, 1, 10, 100, 1000};
    assertEquals(6, values.size());
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], (Double) values.get(i), expected[i] * 1e-9);
    }
  }

  @Test
  void linearRangesAreEvenlySpaced() {
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), GridSampler.values(new Distribution.FloatRange(0, 1, false), 5));
  }

  @Test
  void smallIntegerRangesGiveEveryInteger() {
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), GridSampler.values(new Distribution.IntRange(1, 5, false), 10));
    List<Object> wide = GridSampler.values(new Distribution.IntRange(1, 1000, true), 4);
    assertEquals(List.of(1L, 10L, 100L, 1000L), wide);
  }

  @Test
  void orderIsDeterministicWithTheLastParameterFastest() {
    SearchSpace space = new SearchSpace(List.of(
        SearchParameter.of("a", new Distribution.Choice(List.of("x", "y"))),
        SearchParameter.of("b", new Distribution.IntRange(1, 3, false))));
    List<Map<String, Object>> points = new GridSampler(space, 5).points();
    assertEquals(List.of(
        Map.of("a", "x", "b", 1L), Map.of("a", "x", "b", 2L), Map.of("a", "x", "b", 3L),
        Map.of("a", "y", "b", 1L), Map.of("a", "y", "b", 2L), Map.of("a", "y", "b", 3L)), points);
    assertEquals(points, new GridSampler(space, 5).points());
  }

  @Test
  void fixedValuesAreNotVaried() {
    SearchSpace space = new SearchSpace(List.of(
        SearchParameter.of("kernel", new Distribution.Fixed("rbf")),
        SearchParameter.of("C", new Distribution.FloatRange(1, 10, false))));
    List<Map<String, Object>> points = new GridSampler(space, 4).points();
    assertEquals(4, points.size());
    assertTrue(points.stream().allMatch(p -> p.get("kernel").equals("rbf")));
  }

  @Test
  void rejectsZeroPoints() {
    assertThrows(IllegalArgumentException.class, () -> new GridSampler(svmSpace(), 0));
    assertFalse(new GridSampler(svmSpace(), 1).points().isEmpty());
  }
}
