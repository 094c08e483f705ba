package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private LoadedData load(String name, String content) throws IOException {
    return DataLoader.load(write(name, content));
  }

  private static double[] numbers(Table t, String column) {
    return assertInstanceOf(NumericColumn.class, t.column(column).orElseThrow()).values();
  }

  private static String[] texts(Table t, String column) {
    return assertInstanceOf(CategoricalColumn.class, t.column(column).orElseThrow()).values();
  }

  private static DataException fails(Path file) {
    return assertThrows(DataException.class, () -> DataLoader.load(file));
  }

  // --- delimiters and quotes

  @Test
  void semicolon() throws IOException {
    LoadedData d = load("a.csv", "x;y;label\n1;2.5;a\n3;-4;b\n");
    Table t = d.table();
    assertEquals(List.of("x", "y", "label"), t.names());
    assertArrayEquals(new double[] {1, 3}, numbers(t, "x"));
    assertArrayEquals(new double[] {2.5, -4}, numbers(t, "y"));
    assertArrayEquals(new String[] {"a", "b"}, texts(t, "label"));
    assertEquals("delimiter: semicolon", d.notes().get(0));
  }

  @Test
  void tab() throws IOException {
    LoadedData d = load("a.tsv", "x\ty\n1\t\n2\t3\n");
    assertArrayEquals(new double[] {1, 2}, numbers(d.table(), "x"));
    assertArrayEquals(new double[] {Double.NaN, 3}, numbers(d.table(), "y"));
    assertEquals("delimiter: tab", d.notes().get(0));
  }

  @Test
  void pipe() throws IOException {
    Table t = load("a.txt", "a|b\n1|2\n3|4\n").table();
    assertArrayEquals(new double[] {2, 4}, numbers(t, "b"));
  }

  @Test
  void commaInsideQuotesDoesNotSplit() throws IOException {
    Table t = load("q.csv", "name,score\n\"Smith, John\",1\n \"Doe, \"\"Jane\"\"\" , 2\n").table();
    assertArrayEquals(new String[] {"Smith, John", "Doe, \"Jane\""}, texts(t, "name"));
    assertArrayEquals(new double[] {1, 2}, numbers(t, "score"));
  }

  @Test
  void semicolonsWithCommasInsideTextStillPickSemicolon() throws IOException {
    LoadedData d = load("s.csv", "city;note\nParis;big, old\nRome;old, warm\nOslo;cold\n");
    assertEquals("delimiter: semicolon", d.notes().get(0));
    assertArrayEquals(new String[] {"big, old", "old, warm", "cold"}, texts(d.table(), "note"));
  }

  @Test
  void quotedFieldMayHoldANewline() throws IOException {
    Table t = load("n.csv", "id,text\n1,\"two\nlines\"\n2,plain\n").table();
    assertArrayEquals(new String[] {"two\nlines", "plain"}, texts(t, "text"));
  }

  // --- header

  @Test
  void noHeaderNamesColumnsV1ToVn() throws IOException {
    LoadedData d = load("n.csv", "1,2,a\n3,4,b\n5,6,a\n");
    Table t = d.table();
    assertEquals(List.of("V1", "V2", "V3"), t.names());
    assertEquals(3, t.rowCount());
    assertArrayEquals(new double[] {1, 3, 5}, numbers(t, "V1"));
    assertArrayEquals(new String[] {"a", "b", "a"}, texts(t, "V3"));
    assertTrue(d.notes().contains("no header line: columns are named V1..V3"));
  }

  @Test
  void headerOfTextOnlyFile() throws IOException {
    Table t = load("c.csv", "colour,size\nred,big\nblue,small\nred,small\n").table();
    assertEquals(List.of("colour", "size"), t.names());
    assertEquals(3, t.rowCount());
  }

  @Test
  void textOnlyFileWithoutHeaderWhenFirstRowRecurs() throws IOException {
    Table t = load("c.csv", "red,big\nblue,small\nred,big\n").table();
    assertEquals(List.of("V1", "V2"), t.names());
    assertArrayEquals(new String[] {"red", "blue", "red"}, texts(t, "V1"));
  }

  @Test
  void duplicateAndBlankHeaderNamesAreMadeUnique() throws IOException {
    LoadedData d = load("d.csv", "a,a,,b,a\n1,2,3,4,5\n6,7,8,9,10\n");
    assertEquals(List.of("a", "a_2", "V3", "b", "a_3"), d.table().names());
    assertArrayEquals(new double[] {3, 8}, numbers(d.table(), "V3"));
    assertTrue(d.notes().contains("column 2 repeats the name 'a': renamed to 'a_2'"), d.notes().toString());
    assertTrue(d.notes().contains("column 3 has no name: named 'V3'"), d.notes().toString());
  }

  @Test
  void generatedNameDoesNotTakeAGivenName() throws IOException {
    assertEquals(List.of("x", "V2_2", "V2"), load("g.csv", "x,,V2\n1,2,3\n").table().names());
  }

  // --- cells

  @Test
  void everyMissingTokenIsMissing() throws IOException {
    Table t = load("m.csv", "x,y\n1,\n2,NA\n3,n/a\n4,?\n5,NaN\n6,null\n7,NULL\n8,na\n9,\"\"\n10,2.5\n").table();
    double[] y = numbers(t, "y");
    assertEquals(10, y.length);
    for (int i = 0; i < 9; i++) {
      assertTrue(Double.isNaN(y[i]), "row " + i);
    }
    assertEquals(2.5, y[9]);
    assertEquals(9, t.column("y").orElseThrow().missingCount());
  }

  @Test
  void missingTokensInACategoricalColumnAreNull() throws IOException {
    Table t = load("m.csv", "x,c\n1,red\n2,NA\n3,?\n4,blue\n").table();
    assertArrayEquals(new String[] {"red", null, null, "blue"}, texts(t, "c"));
    assertEquals(List.of("blue", "red"), ((CategoricalColumn) t.column("c").orElseThrow()).levels());
  }

  @Test
  void numberFormats() throws IOException {
    Table t = load("f.csv", "x,y\n1e-3,+2\n-2.5,.5\n  7  ,1E2\n").table();
    assertArrayEquals(new double[] {0.001, -2.5, 7}, numbers(t, "x"));
    assertArrayEquals(new double[] {2, 0.5, 100}, numbers(t, "y"));
  }

  @Test
  void javaNumberSuffixesAreText() throws IOException {
    Table t = load("f.csv", "code,v\n1f,1\n2d,2\n").table();
    assertArrayEquals(new String[] {"1f", "2d"}, texts(t, "code"));
  }

  @Test
  void categoricalFeatureKeepsItsStringsEvenAfterManyNumbers() throws IOException {
    StringBuilder sb = new StringBuilder("id,code,y\n");
    for (int i = 0; i < 3000; i++) {
      sb.append(i).append(',').append(i % 3 == 0 ? "1.50" : "007").append(',').append(i % 2).append('\n');
    }
    sb.append("3000,x7,1\n");
    Table t = load("c.csv", sb.toString()).table();
    String[] code = texts(t, "code");
    assertEquals(3001, code.length);
    assertEquals("1.50", code[0]);
    assertEquals("007", code[1]);
    assertEquals("x7", code[3000]);
    assertEquals(List.of("007", "1.50", "x7"), ((CategoricalColumn) t.column("code").orElseThrow()).levels());
    assertArrayEquals(new double[] {0, 1, 2}, java.util.Arrays.copyOf(numbers(t, "id"), 3));
  }

  @Test
  void bomBlankLinesAndCrLfAreHandled() throws IOException {
    Path file = dir.resolve("b.csv");
    Files.write(file, ("\uFEFFa,b\r\n\r\n1,2\r\n   \r\n3,4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    Table t = DataLoader.load(file).table();
    assertEquals(List.of("a", "b"), t.names());
    assertArrayEquals(new double[] {1, 3}, numbers(t, "a"));
  }

  @Test
  void windows1252TextIsDecoded() throws IOException {
    Path file = dir.resolve("w.csv");
    Files.write(file, "city,n\nK\u00f6ln,1\nZ\u00fcrich,2\n".getBytes("windows-1252"));
    assertArrayEquals(new String[] {"K\u00f6ln", "Z\u00fcrich"}, texts(DataLoader.load(file).table(), "city"));
  }

  @Test
  void fastNumberPathEqualsParseDouble() {
    Random rnd = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + rnd.nextInt(17);
      StringBuilder sb = new StringBuilder(rnd.nextInt(4) == 0 ? "-" : "");
      int dot = rnd.nextInt(digits + 1);
      for (int k = 0; k < digits; k++) {
        if (k == dot && k > 0) {
          sb.append('.');
        }
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      String s = sb.toString();
      assertEquals(Double.parseDouble(s), CsvReader.parseNumber(s), s);
    }
    assertTrue(Double.isNaN(CsvReader.parseNumber("1.2.3")));
    assertTrue(Double.isNaN(CsvReader.parseNumber("-")));
    assertTrue(Double.isNaN(CsvReader.parseNumber("Infinity")));
    assertEquals(-0.0, CsvReader.parseNumber("-0"));
  }

  /**
   * Long decimals (17 significant digits, as numpy and Java print a double to round-trip it), exponents,
   * and the hard cases of decimal-to-binary rounding go through FastDoubleParser: each must give exactly
   * the bits Double.parseDouble gives.
   */
  @Test
  void longNumbersAreBitIdenticalToParseDouble() {
    Random rnd = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10);
        case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
        case 2 -> rnd.nextDouble();
        default -> (rnd.nextLong() >> rnd.nextInt(60)) / 1e3;
      };
      for (String s : List.of(String.format(java.util.Locale.ROOT, "%.17g", v), Double.toString(v),
          String.format(java.util.Locale.ROOT, "%.17e", v), String.format(java.util.Locale.ROOT, "%.20f", v))) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
            Double.doubleToRawLongBits(CsvReader.parseNumber(s)), s);
      }
    }
    for (String s : List.of("2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324",
        "1.7976931348623157e308", "1.7976931348623159e308", "9007199254740993", "9007199254740992.5000000000000001",
        "0.1000000000000000055511151231257827", "123456789012345678901234567890", "1e23", "8.41e21", "-0.0e5",
        "1E-5", "+3.5e+2", ".5", "5.", "0000000000000000012.5", "1e400", "1e-400")) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(CsvReader.parseNumber(s)), s);
    }
    for (String s : List.of("1e", "e5", "1e5e5", "1-2", "--1", "1.2.3e4", "12345678901234567890x", "0x1p3", "1d", "NaN")) {
      assertTrue(Double.isNaN(CsvReader.parseNumber(s)), s);
    }
  }

  @Test
  void utf16WithByteOrderMark() throws IOException {
    Path file = dir.resolve("u.txt");
    Files.write(file, "\uFEFFname\tn\nZ\u00fcrich\t1\n".getBytes(StandardCharsets.UTF_16LE));
    Table t = DataLoader.load(file).table();
    assertArrayEquals(new String[] {"Z\u00fcrich"}, texts(t, "name"));
    assertArrayEquals(new double[] {1}, numbers(t, "n"));
  }

  // --- errors

  @Test
  void raggedRowNamesTheLine() throws IOException {
    Path file = write("r.csv", "a,b,c\n1,2,3\n\n4,5\n6,7,8\n");
    assertEquals("line 4 of r.csv has 2 fields where 3 were expected (as on line 1)", fails(file).getMessage());
  }

  @Test
  void raggedRowAfterAMultiLineFieldNamesTheRightLine() throws IOException {
    Path file = write("r.csv", "a,b\n1,\"x\ny\"\n2,z,extra\n");
    assertEquals("line 4 of r.csv has 3 fields where 2 were expected (as on line 1)", fails(file).getMessage());
  }

  @Test
  void unclosedQuote() throws IOException {
    Path file = write("u.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
    assertEquals("line 3 of u.csv opens a quoted field that is never closed", fails(file).getMessage());
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals("e.csv has no data rows: the file is empty", fails(write("e.csv", "")).getMessage());
    assertEquals("b.csv has no data rows", fails(write("b.csv", "\n\n  \n")).getMessage());
  }

  @Test
  void headerOnly() throws IOException {
    assertEquals("h.csv has no data rows: it has only a header line", fails(write("h.csv", "a,b,c\n")).getMessage());
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.csv");
    assertEquals("cannot read " + file + ": no such file", fails(file).getMessage());
  }

  @Test
  void folder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder.csv"));
    assertEquals("cannot read " + folder + ": it is a folder, not a file", fails(folder).getMessage());
  }

  @Test
  void unknownExtension() throws IOException {
    Path file = write("data.xlsx", "a,b\n1,2\n");
    assertEquals("cannot read data.xlsx: unknown file type, use one of "
        + ".csv .tsv .txt .data .arff .libsvm .svm .svmlight", fails(file).getMessage());
  }

  @Test
  void randomBytes() throws IOException {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    Path file = dir.resolve("garbage.csv");
    Files.write(file, bytes);
    assertEquals("garbage.csv is not a text file: it contains binary data", fails(file).getMessage());
  }

  @Test
  void messagesCarryNoJavaNames() throws IOException {
    for (String content : List.of("a,b\n1,\"x\"y\n", "a,b\n1,2\n3\n", "a\n")) {
      String msg = fails(write("m.csv", content)).getMessage();
      assertTrue(!msg.contains("Exception") && !msg.contains("java.") && !msg.contains("\n"), msg);
    }
  }
}
