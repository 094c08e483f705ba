package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.ml.Task;

class SmileFormatsTest {

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static DataException fails(Path file) {
    return assertThrows(DataException.class, () -> DataLoader.load(file));
  }

  // --- ARFF

  private static final String WEATHER = """
      % the classic weather data, cut down
      @relation weather
      @attribute outlook {sunny, overcast, 'rainy day'}
      @attribute temperature numeric
      @attribute humidity real
      @attribute count integer
      @attribute play {yes, no}
      @data
      sunny,85,0.1,1,no
      overcast,?,86.5,2,yes
      'rainy day',70,?,?,yes
      ?,68,80,4,?
      """;

  @Test
  void arffNominalNumericAndMissing() throws IOException {
    LoadedData d = DataLoader.load(write("weather.arff", WEATHER));
    Table t = d.table();
    assertEquals(DataFormat.ARFF, d.format());
    assertEquals(List.of("outlook", "temperature", "humidity", "count", "play"), t.names());
    assertEquals(4, t.rowCount());
    CategoricalColumn outlook = assertInstanceOf(CategoricalColumn.class, t.columns().get(0));
    assertArrayEquals(new String[] {"sunny", "overcast", "rainy day", null}, outlook.values());
    assertArrayEquals(new double[] {85, Double.NaN, 70, 68},
        assertInstanceOf(NumericColumn.class, t.columns().get(1)).values());
    // REAL is a float inside Smile: 0.1 must still come back as 0.1
    assertArrayEquals(new double[] {0.1, 86.5, Double.NaN, 80},
        assertInstanceOf(NumericColumn.class, t.columns().get(2)).values());
    assertArrayEquals(new double[] {1, 2, Double.NaN, 4},
        assertInstanceOf(NumericColumn.class, t.columns().get(3)).values());
    CategoricalColumn play = assertInstanceOf(CategoricalColumn.class, t.columns().get(4));
    assertArrayEquals(new String[] {"no", "yes", "yes", null}, play.values());
    assertEquals(List.of("no", "yes"), play.levels());
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(play));
    assertEquals(List.of("ARFF relation: weather"), d.notes());
  }

  @Test
  void arffWithoutMissingValues() throws IOException {
    // Smile uses primitive vectors when a column has no missing value: the conversion must not care
    Table t = DataLoader.load(write("s.arff", """
        @relation s
        @attribute a numeric
        @attribute c {x,y}
        @attribute s string
        @data
        1e-3,x,'hello world'
        -2.5,y,plain
        """)).table();
    assertArrayEquals(new double[] {0.001, -2.5}, ((NumericColumn) t.columns().get(0)).values());
    assertArrayEquals(new String[] {"x", "y"}, ((CategoricalColumn) t.columns().get(1)).values());
    assertArrayEquals(new String[] {"hello world", "plain"}, ((CategoricalColumn) t.columns().get(2)).values());
  }

  @Test
  void arffErrors() throws IOException {
    assertEquals("bad.arff is not a valid ARFF file: keyword @relation expected (line 1)",
        fails(write("bad.arff", "a,b\n1,2\n")).getMessage());
    assertEquals("empty.arff has no data rows",
        fails(write("empty.arff", "@relation e\n@attribute a numeric\n@data\n")).getMessage());
  }

  // --- LIBSVM

  @Test
  void libsvmSparseRowsBecomeDenseColumns() throws IOException {
    LoadedData d = DataLoader.load(write("small.libsvm", """
        # a comment line
        1 1:0.5 3:2
        0 2:-1.25

        1 1:1 2:1e-2 3:0
        2 3:7 # trailing comment
        """));
    Table t = d.table();
    assertEquals(DataFormat.LIBSVM, d.format());
    assertEquals(List.of("f1", "f2", "f3", "target"), t.names());
    assertArrayEquals(new double[] {0.5, 0, 1, 0}, ((NumericColumn) t.columns().get(0)).values());
    assertArrayEquals(new double[] {0, -1.25, 0.01, 0}, ((NumericColumn) t.columns().get(1)).values());
    assertArrayEquals(new double[] {2, 0, 0, 7}, ((NumericColumn) t.columns().get(2)).values());
    NumericColumn target = (NumericColumn) t.column("target").orElseThrow();
    assertArrayEquals(new double[] {1, 0, 1, 2}, target.values());
  }

  @Test
  void libsvmIntegerFirstLabelThenRealLabels() throws IOException {
    // Smile alone fails here: it reads every label as an integer because the first one is
    Table t = DataLoader.load(write("r.svm", "24 1:1\n21.6 1:2\n-3 2:1\n")).table();
    assertArrayEquals(new double[] {24, 21.6, -3}, ((NumericColumn) t.column("target").orElseThrow()).values());
    assertEquals(Task.REGRESSION, TaskInference.inferTask(t.column("target").orElseThrow()));
  }

  @Test
  void libsvmPlusMinusOneLabels() throws IOException {
    Table t = DataLoader.load(write("pm.svmlight", "+1 1:1\n-1 1:2\n+1 qid:3 2:1\n")).table();
    assertArrayEquals(new double[] {1, -1, 1}, ((NumericColumn) t.column("target").orElseThrow()).values());
    assertEquals(List.of("f1", "f2", "target"), t.names());
  }

  @Test
  void libsvmErrorsNameTheLine() throws IOException {
    assertEquals("line 2 of a.libsvm has '0:1.5' where index:value with an index from 1 was expected",
        fails(write("a.libsvm", "1 1:1\n0 0:1.5\n")).getMessage());
    assertEquals("line 1 of b.libsvm does not start with a numeric label: 'cat'",
        fails(write("b.libsvm", "cat 1:1\n")).getMessage());
    assertEquals("line 3 of c.libsvm has '2:x' where index:value with an index from 1 was expected",
        fails(write("c.libsvm", "1 1:1\n\n1 2:x\n")).getMessage());
    assertEquals("d.libsvm has no data rows", fails(write("d.libsvm", "# only a comment\n")).getMessage());
  }
}
