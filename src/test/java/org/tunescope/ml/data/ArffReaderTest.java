package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.Task;

/** ARFF as other tools write it: each case is a file in src/test/resources/arff. */
class ArffReaderTest {

  private static LoadedData load(String file) {
    return DataLoader.load(Path.of("src/test/resources/arff", file));
  }

  private static String refused(String file) {
    return assertThrows(DataException.class, () -> load(file)).getMessage();
  }

  private static double[] numbers(Table t, int column) {
    return assertInstanceOf(NumericColumn.class, t.columns().get(column)).values();
  }

  private static String[] categories(Table t, int column) {
    return assertInstanceOf(CategoricalColumn.class, t.columns().get(column)).values();
  }

  @Test
  void quotedNominalValuesKeepTheSpacesInsideTheirQuotes() {
    Table t = load("quoted-nominals.arff").table();
    assertArrayEquals(new String[] {"  yes", "no  ", "  yes", "no  "}, categories(t, 1));
    CategoricalColumn smoker = (CategoricalColumn) t.column("smoker").orElseThrow();
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(smoker));
    assertEquals(List.of("  yes", "no  "), smoker.levels());
  }

  @Test
  void aDateWithAPatternIsDaysSinceTheEpoch() {
    LoadedData d = load("date-pattern.arff");
    assertArrayEquals(new double[] {1, 18262, Double.NaN}, numbers(d.table(), 0));
    assertTrue(d.notes().contains("date column 'day' read as days since 1970-01-01"), d.notes().toString());
  }

  @Test
  void aQuotedDatePatternWithTimeCountsFractionsOfADay() {
    Table t = load("date-quoted-pattern.arff").table();
    assertEquals("seen at", t.names().get(0));
    assertArrayEquals(new double[] {0.5, 18262.25}, numbers(t, 0), 1e-12);
  }

  @Test
  void aPlainDateIsIso8601() {
    assertArrayEquals(new double[] {2, 0.75}, numbers(load("date-iso.arff").table(), 0), 1e-12);
  }

  @Test
  void sparseRowsLeaveOutZerosAndTheFirstNominal() {
    LoadedData d = load("sparse.arff");
    Table t = d.table();
    assertEquals(List.of("first x", "x2", "note", "class"), t.names());
    assertArrayEquals(new double[] {1.5, 0, 0, Double.NaN}, numbers(t, 0));
    assertArrayEquals(new double[] {0, 2, 0, Double.NaN}, numbers(t, 1));
    assertArrayEquals(new String[] {null, "hello, world", null, null}, categories(t, 2));
    assertArrayEquals(new String[] {"b", "b", "a", null}, categories(t, 3));
    assertEquals(List.of("ARFF relation: sparse one"), d.notes());
  }

  @Test
  void everyPlainKindWithCommentsEscapesMissingValuesAndAWeight() {
    Table t = load("kinds.arff").table();
    assertEquals(List.of("n", "r", "i", "s", "quoted name"), t.names());
    assertArrayEquals(new double[] {1, -25, Double.NaN}, numbers(t, 0));
    assertArrayEquals(new double[] {0.1, Double.NaN, 7}, numbers(t, 1));
    assertArrayEquals(new double[] {3, Double.NaN, 8}, numbers(t, 2));
    assertArrayEquals(new String[] {"a b", null, "100%"}, categories(t, 3));
    assertArrayEquals(new String[] {"it's", "two words", "plain"}, categories(t, 4));
  }

  @Test
  void aRelationalAttributeIsRefusedByName() {
    assertEquals("relational.arff: relational attribute 'bag' is not supported (line 3)", refused("relational.arff"));
  }

  @Test
  void aValueThatIsNotDeclaredIsNamed() {
    assertEquals("undeclared-value.arff is not a valid ARFF file: data row 2 has 'maybe' for attribute 'y', "
        + "which declares only yes, no", refused("undeclared-value.arff"));
  }

  @Test
  void aDateThatDoesNotFitItsPatternIsNamed() {
    assertEquals("bad-date.arff is not a valid ARFF file: data row 1 has '2020-13-45' for date attribute 'd', "
        + "which expects the format yyyy-MM-dd", refused("bad-date.arff"));
  }
}
