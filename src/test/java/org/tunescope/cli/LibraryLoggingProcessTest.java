package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two floods a new user met (issue 17), tried as they tried them, in a real {@code tunescope} process:
 * Smile's "Decision tree trained without OOB samples" (a random forest on a tiny file) and "Beta.incomplete
 * FractionSummation" (a degree-1 polynomial on a noisy sine) go to the log file under the TuneScope folder,
 * and the terminal shows only TuneScope's own lines.
 */
class LibraryLoggingProcessTest {

  @TempDir
  Path home;

  private List<String> tune(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("tune", "--workers", "1", "--store",
        home.resolve("studies.db").toString()));
    command.addAll(List.of(args));
    TunescopeProcess p = new TunescopeProcess(command, Map.of(), List.of("-Dtunescope.home=" + home));
    assertEquals(0, p.exit(120), String.join("\n", p.lines));
    return p.lines;
  }

  private static void assertOnlyTuneScopesLines(List<String> terminal) {
    for (String line : terminal) {
      assertTrue(!line.contains("smile.") && !line.contains("ERROR") && !line.contains("SEVERE"),
          "library logging on the terminal: " + line);
    }
  }

  private String log() throws Exception {
    Path logs = home.resolve("logs");
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  @Test
  void aForestOnNineRowsKeepsItsOobErrorsInTheLog() throws Exception {
    Path csv = Files.writeString(home.resolve("nine.csv"),
        "x1,x2,label\n1,2,a\n2,3,b\n3,1,c\n4,4,a\n5,2,b\n6,1,c\n7,3,a\n8,2,b\n9,5,c\n");
    List<String> terminal = tune("--data", csv.toString(), "--target", "label", "--model", "random_forest",
        "--folds", "3", "--search", "random", "--trials", "2");
    assertOnlyTuneScopesLines(terminal);
    assertTrue(terminal.stream().anyMatch(l -> l.startsWith("trials 2/2")), String.join("\n", terminal));
    assertTrue(log().contains("smile.classification.RandomForest - Decision tree trained without OOB samples"));
  }

  @Test
  void aPolynomialOnANoisySineKeepsBetasErrorsInTheLog() throws Exception {
    Path csv = home.resolve("sine.csv");
    assertEquals(0, TuneScopeCommand.run(new String[] {"generate", "sine", "--noise", "0.3", "--out", csv.toString()}));
    List<String> terminal = tune("--data", csv.toString(), "--target", "target", "--model", "polynomial",
        "--search", "grid", "--param", "degree=1", "--param", "lambda=1");
    assertOnlyTuneScopesLines(terminal);
    assertTrue(terminal.stream().anyMatch(l -> l.startsWith("trials 1/1")), String.join("\n", terminal));
    assertTrue(log().contains("smile.math.special.Beta - Beta.incompleteFractionSummation"));
  }
}
