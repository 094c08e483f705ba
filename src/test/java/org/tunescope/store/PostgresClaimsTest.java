package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.TrialLedger;

/**
 * Claims on a PostgreSQL store from many connections at once (as many machines would make them): no trial
 * number is handed out twice, none is skipped, whatever the timing.
 */
class PostgresClaimsTest {

  private String database;

  @AfterEach
  void drop() {
    PostgresTestServer.drop(database);
  }

  @Test
  void eightConnectionsClaimingAtOnceNeverTakeTheSameNumber() throws Exception {
    database = PostgresTestServer.freshDatabase();
    int trials = 200;
    List<PostgresStudyStore> stores = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        stores.add(PostgresStudyStore.open(database));
      }
      // Every store creates the study at once, as workers started together would: one study results.
      stores.parallelStream().forEach(s -> s.createIfAbsent(StudyStoreContract.record("shared", OptionalInt.of(trials))));
      Study study = StudyStoreContract.study("shared", trials);
      Set<Integer> claimed = ConcurrentHashMap.newKeySet();
      List<Integer> duplicates = new CopyOnWriteArrayList<>();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (PostgresStudyStore store : stores) {
        Owner me = Owner.current();
        for (int w = 0; w < 2; w++) {
          // Two claimers per connection and a distinct owner each: sixteen workers, eight connections.
          TrialLedger ledger = store.ledger("shared", new Owner(me.pid(), "worker-" + threads.size(), me.started()));
          threads.add(new Thread(() -> {
            try {
              go.await();
              while (true) {
                OptionalInt n = ledger.claim(study, Instant.MAX);
                if (n.isEmpty()) {
                  return;
                }
                if (!claimed.add(n.getAsInt())) {
                  duplicates.add(n.getAsInt());
                }
                ledger.finish(StudyStoreContract.trial(n.getAsInt(), 0.5));
              }
            } catch (Throwable e) {
              failures.add(e);
            }
          }));
        }
      }
      threads.forEach(Thread::start);
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(List.of(), failures);
      assertEquals(List.of(), duplicates);
      assertEquals(trials, claimed.size());
      assertEquals(trials, stores.get(0).list().size() == 1 ? stores.get(0).trials("shared").size() : -1);
      List<Integer> numbers = stores.get(0).trials("shared").stream().map(t -> t.number()).toList();
      assertEquals(java.util.stream.IntStream.range(0, trials).boxed().toList(), numbers);
    } finally {
      stores.forEach(PostgresStudyStore::close);
    }
  }
}
