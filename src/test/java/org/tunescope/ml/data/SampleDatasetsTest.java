package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.Task;

class SampleDatasetsTest {

  private static LoadedData load(String file) {
    return DataLoader.load(Path.of("sample-datasets", file));
  }

  @Test
  void iris() {
    LoadedData data = load("iris.csv");
    Table t = data.table();
    assertEquals(DataFormat.CSV, data.format());
    assertEquals(150, t.rowCount());
    assertEquals(5, t.columnCount());
    assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)", "target"),
        t.names());
    NumericColumn sepal = (NumericColumn) t.columns().get(0);
    assertEquals(5.1, sepal.values()[0]);
    assertEquals(5.9, sepal.values()[149]);
    CategoricalColumn target = (CategoricalColumn) t.column("target").orElseThrow();
    assertEquals(List.of("setosa", "versicolor", "virginica"), target.levels());
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(target));
    assertEquals(List.of("delimiter: comma", "the first line is a header"), data.notes());
  }

  @Test
  void wine() {
    Table t = load("wine.csv").table();
    assertEquals(178, t.rowCount());
    assertEquals(14, t.columnCount());
    CategoricalColumn target = (CategoricalColumn) t.column("target").orElseThrow();
    assertEquals(List.of("class_0", "class_1", "class_2"), target.levels());
    assertEquals(1065.0, ((NumericColumn) t.column("proline").orElseThrow()).values()[0]);
  }

  @Test
  void breastCancer() {
    Table t = load("breast_cancer.csv").table();
    assertEquals(569, t.rowCount());
    assertEquals(31, t.columnCount());
    assertEquals("mean radius", t.names().get(0));
    assertEquals(17.99, ((NumericColumn) t.columns().get(0)).values()[0]);
    Column target = t.column("target").orElseThrow();
    CategoricalColumn c = assertInstanceOf(CategoricalColumn.class, target);
    assertEquals(List.of("benign", "malignant"), c.levels());
    assertEquals(0, c.missingCount());
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(target));
    for (Column col : t.without(List.of("target")).columns()) {
      assertInstanceOf(NumericColumn.class, col, col.name());
    }
  }

  @Test
  void diabetes() {
    Table t = load("diabetes.csv").table();
    assertEquals(442, t.rowCount());
    assertEquals(11, t.columnCount());
    NumericColumn target = assertInstanceOf(NumericColumn.class, t.column("target").orElseThrow());
    assertEquals(151.0, target.values()[0]);
    assertEquals(Task.REGRESSION, TaskInference.inferTask(target));
    // sex is coded 1/2: a numeric column, not a category, and would be classification as a target
    NumericColumn sex = assertInstanceOf(NumericColumn.class, t.column("sex").orElseThrow());
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(sex));
  }

  @Test
  void checksumIsRecorded() {
    LoadedData data = load("iris.csv");
    assertEquals(DataFiles.sha256(Path.of("sample-datasets", "iris.csv")), data.sha256());
    assertEquals(64, data.sha256().length());
  }
}
