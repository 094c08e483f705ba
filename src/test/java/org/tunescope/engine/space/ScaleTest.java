package org.tunescope.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

  @Test
  void ticksAreReadable() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Scale.linearTicks(0, 1, 5).stream()
        .map(v -> Math.round(v * 10) / 10.0).toList());
    assertEquals(List.of(0.01, 0.1, 1.0, 10.0, 100.0, 1000.0), Scale.decadeTicks(0.01, 1000).stream()
        .map(v -> Double.valueOf(Scale.label(v))).toList());
    assertEquals("1e-4", Scale.label(1e-4));
    assertEquals("0.25", Scale.label(0.25));
  }

  @Test
  void anAxisThroughZeroLabelsItZeroNotRoundingNoise() {
    assertEquals(List.of("-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"),
        new Scale.Numeric(-0.3, 0.3, false, false).ticks().stream().map(Scale.Tick::label).toList());
  }

  @Test
  void everyGridValueIsDrawnBackFromItsOwnPosition() {
    // Whole values and categories exactly (they sit in the middle of their bins); reals up to rounding.
    for (Distribution d : List.of(new Distribution.FloatRange(0.01, 1000, true), new Distribution.FloatRange(-1, 1, false),
        new Distribution.IntRange(10, 500, true), new Distribution.IntRange(1, 4, false),
        new Distribution.Choice(List.of("linear", "rbf", "poly")), new Distribution.Fixed(0.001))) {
      Scale s = Scale.of(d);
      for (Object v : s.grid(7)) {
        Object back = s.valueAt(s.unitOf(v));
        if (v instanceof Double x) {
          assertEquals(x, (Double) back, Math.abs(x) * 1e-12, d + " at " + v);
        } else {
          assertEquals(v, back, d + " at " + v);
        }
      }
    }
  }

  @Test
  void slidersMoveThroughDecadesOnLogScalesAndSnapIntegers() {
    assertEquals(-2.0, Scale.toSlider(0.01, true), 1e-12);
    assertEquals(0.01, Scale.fromSlider(-2, true, false), 1e-15);
    assertEquals(3.0, Scale.fromSlider(2.6, false, true));
  }

  @Test
  void theLabWritesWholeHundredsInFull() {
    assertEquals("100", Scale.text(100.0));
    assertEquals("20", Scale.text(20.0));
    assertEquals("12.5", Scale.text(12.5));
    assertEquals("7", Scale.text(7L));
  }
}
