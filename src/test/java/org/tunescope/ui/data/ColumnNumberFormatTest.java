package org.tunescope.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A column's numbers, written one way: the places its values need, integers bare, the extremes scientific. */
class ColumnNumberFormatTest {

  private static String[] written(double... values) {
    ColumnNumberFormat f = ColumnNumberFormat.of(values);
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = f.format(values[i]);
    }
    return out;
  }

  @Test
  void decimalsAreAsManyAsTheColumnNeedsInEveryRow() {
    assertEquals(java.util.List.of("14.230", "1.710", "127.000", "0.125"),
        java.util.List.of(written(14.23, 1.71, 127, 0.125)));
    assertEquals(java.util.List.of("127", "-3", ""), java.util.List.of(written(127, -3, Double.NaN)));
    assertEquals(java.util.List.of("4.8598", "3.8900"), java.util.List.of(written(4.8598, 3.89)));
  }

  @Test
  void longDecimalsAreCutToSixSignificantDigitsOfTheLargest() {
    assertEquals(java.util.List.of("3.14159", "0.33333"), java.util.List.of(written(Math.PI, 1.0 / 3)));
    assertEquals(java.util.List.of("1234.57", "0.33"), java.util.List.of(written(1234.56789123, 1.0 / 3)));
  }

  @Test
  void hugeOrTinyValuesAreScientific() {
    assertEquals(java.util.List.of("1.00000e+20", "2.50000e+00"), java.util.List.of(written(1e20, 2.5)));
    assertEquals(java.util.List.of("1.23457e-08", "3.00000e-07"),
        java.util.List.of(written(1.234567891e-8, 3.0000001e-7)));
  }
}
