package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.data.ColumnSummary.ColumnType;
import org.tunescope.ml.data.ColumnSummary.LevelCount;

class ColumnSummaryTest {

  @Test
  void numeric() {
    ColumnSummary s = ColumnSummary.of(new NumericColumn("x", new double[] {1, 3, Double.NaN, 3, -0.0, 0.0}));
    assertEquals("x", s.name());
    assertEquals(ColumnType.NUMERIC, s.type());
    assertEquals(6, s.rows());
    assertEquals(1, s.missing());
    assertEquals(3, s.distinct());
    assertEquals(-0.0, s.min().getAsDouble());
    assertEquals(3.0, s.max().getAsDouble());
    assertEquals(1.4, s.mean().getAsDouble(), 1e-12);
    assertEquals(List.of(), s.topLevels());
  }

  @Test
  void numericAllMissing() {
    ColumnSummary s = ColumnSummary.of(new NumericColumn("x", new double[] {Double.NaN}));
    assertEquals(1, s.missing());
    assertEquals(0, s.distinct());
    assertTrue(s.min().isEmpty() && s.max().isEmpty() && s.mean().isEmpty());
  }

  @Test
  void categoricalTopLevels() {
    String[] v = {"b", "a", "c", "a", null, "b", "a", "d", "e", "f"};
    ColumnSummary s = ColumnSummary.of(new CategoricalColumn("c", v));
    assertEquals(ColumnType.CATEGORICAL, s.type());
    assertEquals(10, s.rows());
    assertEquals(1, s.missing());
    assertEquals(6, s.distinct());
    assertTrue(s.mean().isEmpty());
    assertEquals(List.of(new LevelCount("a", 3), new LevelCount("b", 2), new LevelCount("c", 1),
        new LevelCount("d", 1), new LevelCount("e", 1)), s.topLevels());
    assertEquals(List.of(new LevelCount("a", 3)), ColumnSummary.of(new CategoricalColumn("c", v), 1).topLevels());
  }
}
