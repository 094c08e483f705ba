package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.PostgresStudyStore;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.StudySummary;

/**
 * {@code tunescope worker} processes on a PostgreSQL store: four workers on one 200-trial grid study, one of
 * them killed with SIGKILL mid-run, and a worker that comes after the budget is met.
 */
class WorkerProcessesTest {

  private static final String C = IntStream.range(0, 20).mapToObj(i -> String.valueOf(0.5 + 0.25 * i))
      .collect(Collectors.joining(","));
  private static final String GAMMA = "0.001,0.002,0.005,0.01,0.02,0.05,0.1,0.2,0.5,1.0";
  private static final int PLANNED = 200;

  /** Short heartbeats, so that a silent worker goes stale in seconds rather than a minute. */
  private static final List<String> FAST_HEARTBEAT = List.of("-Dtunescope.heartbeat=0.5", "-Dtunescope.staleAfter=4");

  private String database;

  @AfterEach
  void drop() {
    PostgresTestServer.drop(database);
  }

  @Test
  void fourWorkersOneKilledEndWithEveryGridPointCompleteOnce() throws Exception {
    database = PostgresTestServer.freshDatabase();
    // The study is created by tune, which is killed once it has run a trial: the workers carry it on.
    TunescopeProcess tune = new TunescopeProcess(List.of("tune", "--data", "sample-datasets/iris.csv", "--target",
        "target", "--model", "svm", "--search", "grid", "--param", "kernel=rbf", "--param", "C=" + C, "--param",
        "gamma=" + GAMMA, "--fix-others", "--folds", "3", "--repeats", "2", "--seed", "3", "--study", "grid200",
        "--store", database, "--workers", "1", "--quiet", "--log-trials"), Map.of(), List.of());
    waitFor(() -> !tune.logged.isEmpty(), tune);
    tune.kill();

    List<TunescopeProcess> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // A host name each: the workers count as machines of their own, which only heartbeats speak for.
      workers.add(new TunescopeProcess(List.of("worker", "grid200", "--store", database, "--workers", "1",
          "--log-trials"), Map.of("HOSTNAME", "machine-" + i), FAST_HEARTBEAT));
    }
    TunescopeProcess victim = workers.get(0);
    waitFor(() -> victim.logged.size() >= 5, victim);
    victim.kill();
    int killedAfter = victim.logged.size();
    for (TunescopeProcess w : workers.subList(1, 4)) {
      assertEquals(0, w.exit(240), String.join("\n", w.lines));
    }

    try (PostgresStudyStore store = PostgresStudyStore.open(database)) {
      List<Trial> trials = store.trials("grid200");
      List<Trial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
      assertEquals(PLANNED, complete.size(), "complete trials: " + trials.size() + " in all");
      assertEquals(PLANNED, trials.size(), "no trial left interrupted");
      assertEquals(IntStream.range(0, PLANNED).boxed().toList(), complete.stream().map(Trial::number).toList());
      assertEquals(PLANNED, complete.stream().map(t -> t.params().get("C") + "/" + t.params().get("gamma"))
          .distinct().count(), "each grid point once");
      StudySummary summary = store.list().get(0);
      assertEquals(StudySummary.State.FINISHED, summary.state());
      assertEquals(0, summary.running());
      int byWorkers = workers.stream().mapToInt(w -> w.logged.size()).sum();
      System.out.printf("workers: the killed one ran %d trials, the others %s; tune ran %d%n", killedAfter,
          workers.subList(1, 4).stream().map(w -> String.valueOf(w.logged.size())).toList(), tune.logged.size());
      // A process killed by SIGKILL may have written its last trial to the store before printing its line:
      // the two killed processes (tune and the victim) may each owe one line.
      int killedProcesses = 2;
      assertTrue(byWorkers + tune.logged.size() >= PLANNED - killedProcesses, "every trial was run by someone");
    }

    // A worker that comes after the budget is met has nothing to do.
    long started = System.nanoTime();
    TunescopeProcess late = new TunescopeProcess(List.of("worker", "grid200", "--store", database), Map.of(),
        List.of());
    assertEquals(0, late.exit(60), String.join("\n", late.lines));
    assertTrue(late.lines.stream().anyMatch(l -> l.contains("is finished")), String.join("\n", late.lines));
    assertTrue(late.logged.isEmpty());
    System.out.printf("late worker exited in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @Test
  void aWorkerGivenAnotherDataFileIsRefusedInOneLine() throws Exception {
    database = PostgresTestServer.freshDatabase();
    TunescopeProcess tune = new TunescopeProcess(List.of("tune", "--data", "sample-datasets/iris.csv", "--target",
        "target", "--model", "knn", "--search", "grid", "--param", "k=1:40", "--grid-points", "40", "--repeats", "5",
        "--study", "small", "--store", database, "--workers", "1", "--quiet", "--log-trials"), Map.of(), List.of());
    // An unfinished study: its creator is killed after its first trial.
    waitFor(() -> !tune.logged.isEmpty(), tune);
    tune.kill();
    CliRun run = CliRun.of("worker", "small", "--store", database, "--data", "sample-datasets/wine.csv");
    assertEquals(TuneScopeCommand.BAD_INPUT, run.exitCode());
    String[] lines = run.err().strip().split("\n");
    assertEquals(1, lines.length, run.err());
    assertTrue(lines[0].contains("is not the data of study small") && lines[0].contains("--data"), lines[0]);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, TunescopeProcess p)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertTrue(p.process.isAlive(), "process ended early: " + String.join("\n", p.lines));
      assertTrue(System.nanoTime() < deadline, "timed out: " + String.join("\n", p.lines));
      Thread.sleep(20);
    }
  }
}
