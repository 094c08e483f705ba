package org.tunescope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void ticksAreReadable() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.linear(0, 1, 5).stream()
        .map(v -> Math.round(v * 10) / 10.0).toList());
    assertEquals(List.of(0.01, 0.1, 1.0, 10.0, 100.0, 1000.0), Ticks.log(0.01, 1000).stream()
        .map(v -> Double.valueOf(Ticks.label(v))).toList());
    assertEquals("1e-4", Ticks.label(1e-4));
    assertEquals("0.25", Ticks.label(0.25));
  }
}
