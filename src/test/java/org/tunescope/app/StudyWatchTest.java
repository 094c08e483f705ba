package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.PostgresUrl;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;

/** Following a study others run, through the app layer: only new trials, the workers, a store opened again. */
class StudyWatchTest {

  @TempDir
  Path dir;

  private static PreparedStudy create(StudyStore store) {
    LoadedData iris = DataLoader.load(Path.of("sample-datasets/iris.csv"));
    TuningRequest request = TuningRequest.builder("knn-watch", "target", "knn").fixOthers(true)
        .metric(Optional.of("accuracy")).ranges(Map.of("k", new Distribution.Choice(List.of(1L, 3L, 5L, 7L))))
        .folds(3).testFraction(OptionalDouble.empty()).build();
    PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, iris.table(), iris.file(),
        iris.sha256());
    new StudyService(store, ModelCatalog.standard()).create(prepared, request, iris.file());
    return prepared;
  }

  private static Trial trial(int number) {
    return new Trial(number, TrialState.COMPLETE, Map.of("k", 1L + 2 * number),
        List.of(new FoldScore(1, 0.9), new FoldScore(1, 0.95)), number, 0.1, 1, Optional.empty(), Instant.now());
  }

  @Test
  void eachPollReadsOnlyWhatFinishedSinceAndCountsTheWorkers() {
    try (StudyStore store = SqliteStudyStore.open(dir.resolve("watch.db"))) {
      PreparedStudy prepared = create(store);
      StudyWatch watch = new StudyWatch(store, "knn-watch");
      assertEquals(0, watch.poll().trials().size());
      TrialLedger ledger = store.ledger("knn-watch");
      ledger.finish(trial(ledger.claim(prepared.study(), Instant.MAX).orElseThrow()));
      int running = ledger.claim(prepared.study(), Instant.MAX).orElseThrow();
      StudyWatch.Update update = watch.poll();
      assertEquals(List.of(0), update.trials().stream().map(Trial::number).toList());
      assertEquals(1, update.workers());
      assertEquals(1, update.summary().running());
      assertEquals(List.of(), watch.poll().trials(), "nothing new");
      ledger.finish(trial(running));
      update = watch.poll();
      assertEquals(List.of(1), update.trials().stream().map(Trial::number).toList());
      assertEquals(0, update.workers());
      store.delete("knn-watch");
      StoreException gone = assertThrows(StoreException.class, watch::poll);
      assertEquals(StoreException.Reason.UNKNOWN_STUDY, gone.reason());
    }
  }

  @Test
  void aPollReadsTheFollowedStudyAloneNotTheListOfEveryStudy() {
    try (StudyStore sqlite = SqliteStudyStore.open(dir.resolve("many.db"))) {
      PreparedStudy prepared = create(sqlite);
      int[] listings = {0};
      StudyStore store = (StudyStore) java.lang.reflect.Proxy.newProxyInstance(StudyStore.class.getClassLoader(),
          new Class<?>[] {StudyStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("list")) {
              listings[0]++;
            }
            try {
              return method.invoke(sqlite, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
      TrialLedger ledger = sqlite.ledger("knn-watch");
      ledger.finish(trial(ledger.claim(prepared.study(), Instant.MAX).orElseThrow()));
      StudyWatch watch = new StudyWatch(store, "knn-watch");
      StudyWatch.Update update = watch.poll();
      watch.poll();
      assertEquals(1, update.summary().done());
      assertEquals(sqlite.list().get(0), update.summary());
      assertEquals(0, listings[0], "no poll lists every study");
    }
  }

  @Test
  void aStoreWhoseSessionTheServerEndedOpensAgainWithTheTypedPasswordThatNoAddressShows() throws Exception {
    String address = PostgresTestServer.freshDatabase();
    try {
      OpenStore store = OpenStore.of(SqliteStudyStore.open(dir.resolve("first.db")));
      store.use(OpenStore.open(address, Optional.of("typed-secret")));
      String shown = PostgresUrl.parse(address).toString();
      assertEquals(shown, store.address());
      assertTrue(store.isShared());
      assertFalse(store.toString().contains("typed-secret"));
      create(store);
      StudyWatch watch = new StudyWatch(store, "knn-watch");
      watch.poll();

      String database = address.substring(address.lastIndexOf('/') + 1);
      PostgresUrl server = PostgresUrl.parse(PostgresTestServer.url());
      Properties user = new Properties();
      user.setProperty("user", server.user());
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user); Statement s = c.createStatement()) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      }
      StoreException lost = assertThrows(StoreException.class, watch::poll);
      assertEquals(StoreException.Reason.UNREACHABLE, lost.reason(), lost.getMessage());
      assertFalse(lost.getMessage().contains("typed-secret"));
      store.reopen();
      assertEquals(0, watch.poll().trials().size(), "answers again, and the trials seen stay seen");
      store.close();
    } finally {
      PostgresTestServer.drop(address);
    }
  }
}
