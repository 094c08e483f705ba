package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files large enough to be read in parts on several cores must give what a single pass gives. */
class CsvLargeFileTest {

  private static final int ROWS = 120_000;

  @TempDir
  Path dir;

  /**
   * Columns: id; early (text only in the first rows); late (text only in the last row); sparse (missing
   * except a few numbers); code (text throughout).
   */
  private Path bigFile(String extraLastLine) throws IOException {
    StringBuilder sb = new StringBuilder("id,early,late,sparse,code\n");
    for (int i = 0; i < ROWS; i++) {
      sb.append(i).append(',')
          .append(i < 3 ? "e" + i : Integer.toString(i % 7)).append(',')
          .append(i == ROWS - 1 ? "last" : i % 5 + ".50").append(',')
          .append(i % 50_000 == 7 ? "1.5" : "").append(',')
          .append(i % 2 == 0 ? "even" : "odd").append('\n');
    }
    sb.append(extraLastLine);
    Path file = dir.resolve("big.csv");
    Files.writeString(file, sb);
    assertTrue(Files.size(file) > 2 << 20, "file must be large enough to be split");
    return file;
  }

  @Test
  void partsAgreeWithOnePass() throws IOException {
    Table t = DataLoader.load(bigFile("")).table();
    assertEquals(ROWS, t.rowCount());
    double[] id = assertInstanceOf(NumericColumn.class, t.column("id").orElseThrow()).values();
    for (int i = 0; i < ROWS; i++) {
      assertEquals(i, id[i]);
    }
    String[] early = assertInstanceOf(CategoricalColumn.class, t.column("early").orElseThrow()).values();
    assertEquals("e0", early[0]);
    assertEquals("3", early[3]);
    assertEquals(Integer.toString((ROWS - 1) % 7), early[ROWS - 1]);
    String[] late = assertInstanceOf(CategoricalColumn.class, t.column("late").orElseThrow()).values();
    assertEquals("0.50", late[0]);
    assertEquals("last", late[ROWS - 1]);
    for (int i = 0; i < ROWS - 1; i++) {
      assertEquals(i % 5 + ".50", late[i]);
    }
    double[] sparse = assertInstanceOf(NumericColumn.class, t.column("sparse").orElseThrow()).values();
    assertEquals(1.5, sparse[50_007]);
    assertTrue(Double.isNaN(sparse[50_008]));
    assertEquals(ROWS - 3, t.column("sparse").orElseThrow().missingCount());
    String[] code = assertInstanceOf(CategoricalColumn.class, t.column("code").orElseThrow()).values();
    assertArrayEquals(new String[] {"even", "odd"}, new String[] {code[ROWS - 2], code[ROWS - 1]});
  }

  @Test
  void raggedLineNearTheEndIsNamedExactly() throws IOException {
    Path file = bigFile("1,2,3\n");
    assertEquals("line " + (ROWS + 2) + " of big.csv has 3 fields where 5 were expected (as on line 1)",
        assertThrows(DataException.class, () -> DataLoader.load(file)).getMessage());
  }
}
