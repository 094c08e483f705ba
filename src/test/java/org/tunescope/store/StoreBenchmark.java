package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;

/**
 * How fast the SQLite store writes and reads a 10,000-trial study (5 folds, 3 parameters each). A
 * benchmark, not a timed test: excluded by default, run with
 * {@code mvn -B -o test -Dtest=StoreBenchmark -Dtunescope.excludedGroups=none}; it prints its figures.
 */
@Tag("benchmark")
class StoreBenchmark {

  @TempDir
  Path dir;

  @Test
  void writeAndReadTenThousandTrials() {
    int n = 10_000;
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Trial t = StudyStoreContract.trial(i, 0.5 + i * 1e-5);
      trials.add(new Trial(t.number(), t.state(), t.params(), List.of(t.folds().get(0), t.folds().get(1),
          t.folds().get(0), t.folds().get(1), t.folds().get(0)), t.seed(), t.fitSeconds(), t.bytesAllocated(),
          t.error(), t.started()));
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("bench.db"))) {
      for (int round = 0; round < 3; round++) {
        String name = "bench-" + round;
        store.createIfAbsent(StudyStoreContract.record(name, OptionalInt.of(n)));
        long t0 = System.nanoTime();
        store.addTrials(name, trials);
        double write = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        List<Trial> back = store.trials(name);
        double read = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        List<StudySummary> list = store.list();
        double summary = (System.nanoTime() - t0) / 1e6;
        assertEquals(n, back.size());
        System.out.printf("round %d: write %d trials in one transaction %.0f ms; read them back %.0f ms;"
            + " list %d studies %.0f ms%n", round, n, write, read, list.size(), summary);
      }
      // One transaction per trial, as a run keeps them (each commit synced to disk), through a ledger.
      String name = "ledger";
      store.createIfAbsent(StudyStoreContract.record(name, OptionalInt.of(n)));
      TrialLedger ledger = store.ledger(name);
      int perTrial = 2_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < perTrial; i++) {
        ledger.finish(trials.get(i));
      }
      double each = (System.nanoTime() - t0) / 1e6 / perTrial;
      System.out.printf("one transaction per trial: %.2f ms a trial (%d trials), %.1f s for 10,000%n", each, perTrial,
          each * n / 1000);
    }
  }
}
