package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/**
 * Real {@code tunescope} processes on one SQLite file: one killed with SIGKILL mid-study and resumed, two
 * sharing a grid study.
 */
class StoreProcessesTest {

  private static final Pattern LOGGED = Pattern.compile("trial (\\d+) (\\w+) validation (\\S+)");

  /** A knn grid over k on iris: 24 trials of 3 x 5 folds each, a few seconds in all. */
  private static final List<String> GRID = List.of("--data", "sample-datasets/iris.csv", "--target", "target",
      "--model", "knn", "--search", "grid", "--param", "k=1:24", "--grid-points", "24", "--fix-others",
      "--repeats", "3", "--seed", "5", "--quiet", "--log-trials");
  private static final int PLANNED = 24;

  @TempDir
  Path dir;

  /** A running {@code tunescope} process whose logged trials are collected as they come. */
  private static final class Tunescope {
    final Process process;
    final Map<Integer, Double> logged = new ConcurrentHashMap<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Thread reader;

    Tunescope(List<String> args) throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "-Xmx512m", "-XX:TieredStopAtLevel=1",
          "org.tunescope.Launcher"));
      command.addAll(args);
      process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
            Matcher m = LOGGED.matcher(line);
            if (m.matches()) {
              logged.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(3)));
            }
          }
        } catch (IOException ignored) {
          // The process was killed.
        }
      });
      reader.start();
    }

    int exit() throws InterruptedException {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "process did not end: " + lines);
      reader.join(5000);
      return process.exitValue();
    }
  }

  /** {@code tune} with the grid's options and {@code more}. */
  private static List<String> tune(String... more) {
    List<String> all = new ArrayList<>(List.of("tune"));
    all.addAll(GRID);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void aKilledStudyKeepsEveryReportedTrialAndResumesToExactlyThePlannedTrials() throws Exception {
    Path db = dir.resolve("crash.db");
    Tunescope tune = new Tunescope(tune("--study", "crash", "--store", db.toString(), "--workers", "2"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (tune.logged.size() < 5 && tune.process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    tune.process.destroyForcibly(); // SIGKILL
    tune.process.waitFor(10, TimeUnit.SECONDS);
    tune.reader.join(5000);
    Map<Integer, Double> reported = Map.copyOf(tune.logged);
    assertTrue(reported.size() >= 5, "trials reported before the kill: " + tune.lines);
    assertTrue(reported.size() < PLANNED, "the process finished before it was killed; make the study longer");

    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      List<Trial> kept = store.trials("crash");
      List<Trial> complete = kept.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
      for (Map.Entry<Integer, Double> e : reported.entrySet()) {
        Trial t = complete.stream().filter(c -> c.number() == e.getKey()).findFirst()
            .orElseThrow(() -> new AssertionError("reported trial " + e.getKey() + " is lost; kept " + kept));
        assertEquals(e.getValue(), t.validation().mean(), "trial " + t.number());
        assertEquals(15, t.folds().size());
      }
      // At most the trials that were being saved as the process died may be kept without being reported.
      System.out.printf("killed: %d trials reported, %d kept complete, %d interrupted%n", reported.size(),
          complete.size(), kept.size() - complete.size());
      assertTrue(complete.size() - reported.size() <= 2, complete.size() + " kept, " + reported.size() + " reported");
      assertEquals(0, store.list().get(0).running(), "the dead process's running trials are marked interrupted");
      assertTrue(kept.stream().filter(t -> t.state() == TrialState.INTERRUPTED)
          .allMatch(t -> t.error().orElse("").contains("stopped")));
    }

    Tunescope resume = new Tunescope(List.of("resume", "crash", "--store", db.toString(), "--workers", "2", "--quiet",
        "--log-trials"));
    assertEquals(0, resume.exit(), String.join("\n", resume.lines));
    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      List<Trial> all = store.trials("crash");
      assertEquals(PLANNED, all.size());
      assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETE), all.toString());
      assertEquals(PLANNED, all.stream().map(t -> t.params().get("k")).distinct().count());
      for (Map.Entry<Integer, Double> e : reported.entrySet()) {
        assertEquals(e.getValue(), all.get(e.getKey()).validation().mean(), "kept trials are not run again");
        assertTrue(!resume.logged.containsKey(e.getKey()), "resume ran trial " + e.getKey() + " again");
      }
      assertEquals(StudySummary.State.FINISHED, store.list().get(0).state());
    }
  }

  @Test
  void twoProcessesOnOneGridStudyRunEachPointExactlyOnce() throws Exception {
    Path db = dir.resolve("shared.db");
    List<String> shared = tune("--study", "shared", "--store", db.toString(), "--workers", "1");
    Tunescope a = new Tunescope(shared);
    Tunescope b = new Tunescope(shared);
    assertEquals(0, a.exit(), String.join("\n", a.lines));
    assertEquals(0, b.exit(), String.join("\n", b.lines));
    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      List<Trial> all = store.trials("shared");
      assertEquals(PLANNED, all.size());
      assertEquals(PLANNED, all.stream().map(t -> t.params().get("k")).distinct().count(), "each grid point once");
      assertTrue(all.stream().allMatch(Trial::isComplete));
      assertEquals(1, store.list().size());
    }
    assertEquals(PLANNED, a.logged.size() + b.logged.size(), "no trial ran in both processes");
    assertTrue(a.logged.keySet().stream().noneMatch(b.logged::containsKey));
    System.out.printf("shared grid: process A ran %d trials, process B %d%n", a.logged.size(), b.logged.size());
    assertTrue(Files.size(db) > 0);
  }
}
