package org.tunescope.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionParserTest {

  private static final HyperParameter C = HyperParameter.floating("C", 0, true, Double.POSITIVE_INFINITY,
      0.01, 1000, true, 1, "penalty", Complexity.MORE_WHEN_RAISED);
  private static final HyperParameter DEPTH = HyperParameter.integer("max_depth", 1, 1000, 1, 20, false, 20,
      "depth", Complexity.MORE_WHEN_RAISED);
  private static final HyperParameter KERNEL = HyperParameter.categorical("kernel",
      List.of("linear", "rbf", "poly"), List.of("rbf"), "rbf", "kernel");

  @Test
  void readsRangesListsAndFixedValues() {
    assertEquals(new Distribution.FloatRange(0.01, 1000, true), DistributionParser.parse(C, "0.01:1000:log"));
    assertEquals(new Distribution.FloatRange(1, 2, false), DistributionParser.parse(C, "1:2"));
    assertEquals(new Distribution.IntRange(1, 20, false), DistributionParser.parse(DEPTH, "1:20"));
    assertEquals(new Distribution.Choice(List.of(2L, 4L, 8L)), DistributionParser.parse(DEPTH, "2,4,8"));
    assertEquals(new Distribution.Fixed(1.5), DistributionParser.parse(C, "1.5"));
    assertEquals(new Distribution.Fixed("rbf"), DistributionParser.parse(KERNEL, "rbf"));
    assertEquals(new Distribution.Choice(List.of("linear", "poly")), DistributionParser.parse(KERNEL, "linear,poly"));
  }

  @Test
  void formatIsTheInverseOfParse() {
    for (String text : List.of("0.01:1000.0:log", "1:20")) {
      HyperParameter p = text.contains("log") ? C : DEPTH;
      assertEquals(DistributionParser.parse(p, text), DistributionParser.parse(p, DistributionParser.format(
          DistributionParser.parse(p, text))));
    }
  }

  @Test
  void rangesOutsideTheDomainAreRefusedWithTheParameterNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, "0:10"));
    assertTrue(e.getMessage().contains("parameter C") && e.getMessage().contains("(0, inf)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, "-1"));
    assertTrue(e.getMessage().contains("parameter C"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(DEPTH, "0:5"));
    assertTrue(e.getMessage().contains("max_depth"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(KERNEL, "sigmoid"));
    assertTrue(e.getMessage().contains("one of linear, rbf, poly"), e.getMessage());
  }

  @Test
  void malformedTextIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(DEPTH, "1.5"));
    assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, "abc"));
    assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, "1:2:cubic"));
    assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, "10:1"));
    assertThrows(IllegalArgumentException.class, () -> DistributionParser.parse(C, ""));
  }
}
