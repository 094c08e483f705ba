package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;

/**
 * The store's overhead per trial when several workers share a study: claim + write + commit of a trial of 5
 * folds, with no model fitted, by 1, 4 and 16 workers (each its own connection, as separate processes have),
 * on PostgreSQL and SQLite; and reading a 10,000-trial study back from PostgreSQL. A benchmark, not a timed
 * test: run with {@code mvn -B -o test -Dtest=StoreOverheadBenchmark -Dtunescope.excludedGroups=none} and a
 * server in {@code TUNESCOPE_TEST_PG_URL}; it prints its figures.
 */
@Tag("benchmark")
class StoreOverheadBenchmark {

  private static final int TRIALS = 1_000;

  @TempDir
  Path dir;

  @Test
  void claimWriteCommitPerTrial() throws Exception {
    for (int round = 0; round < 2; round++) {
      for (int workers : new int[] {1, 4, 16}) {
        String db = PostgresTestServer.freshDatabase();
        try {
          run("PostgreSQL", workers, () -> PostgresStudyStore.open(db));
        } finally {
          PostgresTestServer.drop(db);
        }
        Path file = dir.resolve("overhead-" + round + "-" + workers + ".db");
        run("SQLite", workers, () -> SqliteStudyStore.open(file, java.time.Duration.ofSeconds(60)));
      }
    }
  }

  private static void run(String backEnd, int workers, Supplier<StudyStore> open) throws Exception {
    List<StudyStore> stores = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      stores.add(open.get());
    }
    try {
      stores.get(0).createIfAbsent(StudyStoreContract.record("overhead", OptionalInt.of(TRIALS)));
      Study study = StudyStoreContract.study("overhead", TRIALS);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (StudyStore store : stores) {
        TrialLedger ledger = store.ledger("overhead");
        threads.add(new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          while (true) {
            OptionalInt n = ledger.claim(study, Instant.MAX);
            if (n.isEmpty()) {
              return;
            }
            ledger.finish(fiveFolds(n.getAsInt()));
          }
        }));
      }
      threads.forEach(Thread::start);
      long t0 = System.nanoTime();
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(TRIALS, stores.get(0).trials("overhead").size());
      System.out.printf("%-10s %2d workers: %d trials in %.2f s, %.0f trials/s, %.2f ms a trial per worker%n", backEnd,
          workers, TRIALS, seconds, TRIALS / seconds, seconds * 1000 * workers / TRIALS);
    } finally {
      stores.forEach(StudyStore::close);
    }
  }

  @Test
  void readTenThousandTrialsFromPostgres() {
    String db = PostgresTestServer.freshDatabase();
    try (PostgresStudyStore store = PostgresStudyStore.open(db)) {
      List<Trial> trials = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        trials.add(fiveFolds(i));
      }
      store.createIfAbsent(StudyStoreContract.record("big", OptionalInt.of(10_000)));
      long t0 = System.nanoTime();
      store.addTrials("big", trials);
      double write = (System.nanoTime() - t0) / 1e9;
      for (int round = 0; round < 3; round++) {
        t0 = System.nanoTime();
        List<Trial> back = store.trials("big");
        double read = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        store.list();
        double list = (System.nanoTime() - t0) / 1e9;
        assertEquals(10_000, back.size());
        System.out.printf("PostgreSQL: 10,000 trials written in %.2f s (one transaction); read back %.2f s; list %.3f s%n",
            write, read, list);
      }
    } finally {
      PostgresTestServer.drop(db);
    }
  }

  private static Trial fiveFolds(int number) {
    Trial t = StudyStoreContract.trial(number, 0.5 + number * 1e-5);
    return new Trial(t.number(), t.state(), t.params(), List.of(t.folds().get(0), t.folds().get(1),
        t.folds().get(0), t.folds().get(1), t.folds().get(0)), t.seed(), t.fitSeconds(), t.bytesAllocated(),
        t.error(), t.started());
  }
}
