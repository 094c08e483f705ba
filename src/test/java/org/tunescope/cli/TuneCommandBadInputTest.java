package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make gets one clear line on stderr and exit code 2, never a stack trace. */
class TuneCommandBadInputTest {

  private static final String IRIS = "sample-datasets/iris.csv";
  private static final String CANCER = "sample-datasets/breast_cancer.csv";

  @TempDir
  Path dir;

  private static CliRun tune(String data, String... more) {
    List<String> args = new ArrayList<>(List.of("tune", "--data", data, "--quiet"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void assertBadInput(CliRun run, String expectedInMessage) {
    assertEquals(2, run.exitCode(), run.err());
    String err = run.err().strip();
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains(expectedInMessage), "expected '" + expectedInMessage + "' in: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("at org."), "no stack trace: " + err);
    assertTrue(err.lines().count() <= 2, "one line (plus a help hint): " + err);
  }

  @Test
  void missingFile() {
    assertBadInput(tune("no/such/file.csv", "--target", "target", "--model", "knn"), "file.csv");
  }

  @Test
  void unreadableFileType() throws IOException {
    Path file = Files.writeString(dir.resolve("data.xlsx"), "not a table");
    assertBadInput(tune(file.toString(), "--target", "target", "--model", "knn"), "data.xlsx");
  }

  @Test
  void unknownColumn() {
    assertBadInput(tune(IRIS, "--target", "species", "--model", "knn"), "unknown target column 'species'");
  }

  @Test
  void unknownModel() {
    assertBadInput(tune(IRIS, "--target", "target", "--model", "catboost"), "unknown model 'catboost'");
  }

  @Test
  void modelOfTheOtherTask() {
    assertBadInput(tune(IRIS, "--target", "target", "--model", "ridge"), "not available for classification");
  }

  @Test
  void unknownParameter() {
    assertBadInput(tune(CANCER, "--target", "target", "--model", "svm", "--param", "sigma=1:2"),
        "model svm has no parameter 'sigma'");
  }

  @Test
  void rangeOutsideTheDomain() {
    assertBadInput(tune(CANCER, "--target", "target", "--model", "svm", "--param", "C=0:10"), "parameter C");
    assertBadInput(tune(CANCER, "--target", "target", "--model", "svm", "--param", "C=-1"), "parameter C");
    assertBadInput(tune(CANCER, "--target", "target", "--model", "svm", "--param", "C=abc"), "parameter C");
  }

  @Test
  void emptyDataset() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "a,b,target\n");
    assertBadInput(tune(file.toString(), "--target", "target", "--model", "knn"), "no data rows");
  }

  @Test
  void targetWithOneClass() throws IOException {
    Path file = Files.writeString(dir.resolve("one.csv"), "a,b,target\n1,2,yes\n3,4,yes\n5,6,yes\n");
    assertBadInput(tune(file.toString(), "--target", "target", "--model", "knn"), "only one class");
  }

  @Test
  void metricThatDoesNotFitTheTask() {
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--metric", "rmse"), "rmse is for regression");
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--metric", "auc"), "two classes");
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--metric", "speed"), "unknown metric 'speed'");
  }

  @Test
  void badOptions() {
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--folds", "1"), "at least 2 folds");
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--search", "psychic"), "unknown search");
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--time", "soon"), "not a duration");
    assertBadInput(tune(IRIS, "--model", "knn"), "--target");
  }

  @Test
  void outInAFolderThatDoesNotExistIsRefusedBeforeAnyTrialRuns() {
    Path store = dir.resolve("studies.db");
    CliRun run = tune(IRIS, "--target", "target", "--model", "knn", "--trials", "3", "--store", store.toString(),
        "--out", dir.resolve("no-such-folder/results.json").toString());
    assertBadInput(run, "no-such-folder");
    assertTrue(run.err().contains("does not exist"), run.err());
    assertFalse(Files.exists(store), "refused before the study was created");
  }

  @Test
  void outThatIsAFolderIsRefused() {
    assertBadInput(tune(IRIS, "--target", "target", "--model", "knn", "--trials", "3",
        "--store", dir.resolve("studies.db").toString(), "--out", dir.toString()), "is a folder");
  }

  @Test
  void aClassWithFewerRowsThanFoldsIsRefusedUpFront() throws IOException {
    // 3 rows of 'c' and 5 folds: some folds would train or validate without it.
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(i % 2 == 0 ? ",a\n" : ",b\n");
    }
    csv.append("50,c\n51,c\n52,c\n");
    Path file = Files.writeString(dir.resolve("rare.csv"), csv);
    Path store = dir.resolve("studies.db");
    CliRun run = tune(file.toString(), "--target", "y", "--model", "knn", "--trials", "3", "--folds", "5",
        "--store", store.toString());
    assertBadInput(run, "class 'c' of column 'y' has 3 rows, fewer than the 5 folds");
    assertTrue(run.err().contains("at most 3 folds"), run.err());
    assertFalse(Files.exists(store), "refused before the study was created");
  }

  @Test
  void threeRowsOfThreeClassesAreRefusedNotRunAsZeroCompleteTrials() throws IOException {
    Path file = Files.writeString(dir.resolve("tiny.csv"), "x,y\n1,a\n2,b\n3,c\n");
    assertBadInput(tune(file.toString(), "--target", "y", "--model", "knn", "--folds", "2", "--trials", "3",
        "--store", dir.resolve("studies.db").toString()), "has 1 row, fewer than the 2 folds");
  }

  @Test
  void fewerRowsThanFoldsAreRefusedUpFront() throws IOException {
    Path file = Files.writeString(dir.resolve("three.csv"), "x,y\n1,0.5\n2,1.5\n3,2.25\n");
    Path store = dir.resolve("studies.db");
    assertBadInput(tune(file.toString(), "--target", "y", "--task", "regression", "--model", "ridge", "--folds", "5",
        "--store", store.toString()), "cannot make 5 folds from 3 rows");
    assertFalse(Files.exists(store), "refused before the study was created");
  }
}
