package org.tunescope.ui.watch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.Settings;
import org.tunescope.app.StudyService;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.PostgresStudyStore;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.PostgresUrl;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * File > Open store... in the real window, and following a study that a worker runs: the worker here is
 * another connection to the store claiming and finishing trials, as {@code tunescope worker} does.
 */
@ExtendWith(ApplicationExtension.class)
class OpenStoreWindowTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;
  private Path settingsFile;

  /** SQLite's native library loads here, not in {@link #start}, which TestFX gives a limited time. */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() {
    SqliteStudyStore.warmUp();
  }

  @Start
  void start(Stage stage) {
    settingsFile = dir.resolve("settings-" + System.nanoTime() + ".json");
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), dir.resolve("samples"),
        SqliteStudyStore.open(dir.resolve("first-" + System.nanoTime() + ".db")));
    vm.useSettings(Settings.load(settingsFile));
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  @Test
  void anSqliteFileOpensFromTheDialogAndABadAddressIsOneClearMessage(FxRobot robot) throws Exception {
    Path other = dir.resolve("other-" + System.nanoTime() + ".db");
    try (StudyStore store = SqliteStudyStore.open(other)) {
      create(store, "in-the-other-file");
    }
    openStore(robot, other.toString());
    waitUntil(() -> vm.studies().find("in-the-other-file").isPresent());
    assertEquals(other.toAbsolutePath().toString(), vm.store().address());
    assertEquals(Optional.of(other.toAbsolutePath().toString()), Settings.load(settingsFile).get("store"));

    openStore(robot, "postgresql://someone:secret@127.0.0.1:1/nowhere");
    waitUntil(() -> vm.notifications().messageProperty().get().contains("password"));
    String message = vm.notifications().messageProperty().get();
    assertAll(() -> assertFalse(message.contains("secret"), message),
        () -> assertTrue(message.contains("leave it out of the address"), message),
        () -> assertEquals(other.toAbsolutePath().toString(), vm.store().address(), "the store in use stays"));

    openStore(robot, "postgresql://someone@127.0.0.1:1/nowhere");
    waitUntil(() -> vm.notifications().messageProperty().get().contains("cannot reach"));
    assertTrue(vm.studies().find("in-the-other-file").isPresent(), "the studies stay");
  }

  @Test
  void aStudyAWorkerRunsOnPostgresqlAppearsLiveAndALostConnectionIsABannerThatRecovers(FxRobot robot)
      throws Exception {
    String address = PostgresTestServer.freshDatabase();
    String database = address.substring(address.lastIndexOf('/') + 1);
    String shown = PostgresUrl.parse(address).toString();
    boolean away = false;
    try {
      PreparedStudy prepared;
      try (PostgresStudyStore worker = PostgresStudyStore.open(address)) {
        prepared = create(worker, "svm-grid");
        TrialLedger ledger = worker.ledger("svm-grid");
        finish(ledger, prepared, 3);
      }

      openStore(robot, address);
      waitUntil(() -> vm.studies().find("svm-grid").isPresent());
      assertEquals(shown, vm.store().address());
      assertEquals(Optional.of(shown), Settings.load(settingsFile).get("store"));
      robot.clickOn("svm-grid");
      robot.clickOn("#openStudyButton");
      TableView<?> table = robot.lookup("#trialsTable").queryAs(TableView.class);
      waitUntil(() -> vm.watch().followingProperty().get() && table.getItems().size() == 3);

      try (PostgresStudyStore worker = PostgresStudyStore.open(address)) {
        TrialLedger ledger = worker.ledger("svm-grid");
        OptionalInt running = ledger.claim(prepared.study(), Instant.MAX);
        assertTrue(running.isPresent());
        finish(ledger, prepared, 2);
        waitUntil(() -> table.getItems().size() == 5 && vm.watch().workersProperty().get() == 1);
        Label watchLabel = robot.lookup("#watchLabel").queryAs(Label.class);
        assertTrue(watchLabel.getText().contains("1 worker active, 1 running"), watchLabel.getText());
        assertTrue(watchLabel.isVisible());
        // The study's line in the Studies tab follows too, and the study stays selected there.
        waitUntil(() -> vm.studies().find("svm-grid").orElseThrow().summary().done() == 5);
        assertEquals("svm-grid", vm.studies().selectedProperty().get().name());
        ledger.finish(trial(prepared, running.getAsInt()));
      }
      waitUntil(() -> table.getItems().size() == 6 && vm.watch().workersProperty().get() == 0);

      // The server ends the app's session and the database goes away for a while.
      away = renameAway(database);
      Label lost = robot.lookup("#lostLabel").queryAs(Label.class);
      javafx.scene.Node banner = robot.lookup("#lostBanner").query();
      waitUntil(() -> banner.isVisible() && !lost.getText().isEmpty());
      assertTrue(lost.getText().startsWith("Lost connection to " + shown + " - retrying in "), lost.getText());
      robot.clickOn("Charts");
      robot.clickOn("Trials");
      assertEquals(6, table.getItems().size(), "nothing shown is lost");

      rename(database + "_away", database);
      away = false;
      try (PostgresStudyStore worker = PostgresStudyStore.open(address)) {
        finish(worker.ledger("svm-grid"), prepared, 2);
      }
      waitUntil(() -> !banner.isVisible() && table.getItems().size() == 8);
      assertEquals("", vm.watch().lostProperty().get());
      assertFalse(Files.readString(settingsFile).contains("password"));
    } finally {
      robot.interact(() -> vm.watch().stop());
      vm.store().close();
      PostgresTestServer.drop(address);
      if (away) {
        PostgresTestServer.drop(address + "_away");
      }
    }
  }

  /** Types an address into File > Open store... and presses OK. */
  private static void openStore(FxRobot robot, String address) {
    robot.clickOn("File");
    robot.clickOn("Open store...");
    TextField field = robot.lookup("#storeAddress").queryAs(TextField.class);
    robot.interact(() -> field.setText(address));
    robot.clickOn("OK");
  }

  /** Creates an SVM grid study of 20 points on the breast cancer data, as {@code tune} does. */
  private static PreparedStudy create(StudyStore store, String name) {
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    TuningRequest request = TuningRequest.builder(name, "target", "svm").fixOthers(true)
        .metric(Optional.of("accuracy")).search(SearchMethod.GRID)
        .ranges(Map.of("kernel", new Distribution.Choice(List.of("rbf")),
            "C", new Distribution.Choice(List.of(0.1, 1.0, 10.0, 100.0)),
            "gamma", new Distribution.Choice(List.of(1e-4, 1e-3, 1e-2, 0.1, 1.0))))
        .folds(3).build();
    PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, cancer.table(), cancer.file(),
        cancer.sha256());
    new StudyService(store, ModelCatalog.standard()).create(prepared, request, cancer.file());
    return prepared;
  }

  /** Claims and finishes {@code count} trials, as a worker does. */
  private static void finish(TrialLedger ledger, PreparedStudy prepared, int count) {
    Study study = prepared.study();
    for (int i = 0; i < count; i++) {
      int number = ledger.claim(study, Instant.MAX).orElseThrow();
      ledger.finish(trial(prepared, number));
    }
  }

  /** A finished trial with a value for every parameter of the study's space. */
  private static Trial trial(PreparedStudy prepared, int number) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (SearchParameter p : prepared.study().space().parameters()) {
      Distribution d = p.distribution();
      Object value = d instanceof Distribution.Fixed f ? f.value()
          : d instanceof Distribution.Choice c ? c.values().get(number % c.values().size())
          : d instanceof Distribution.FloatRange r ? (Object) r.low() : (Object) ((Distribution.IntRange) d).low();
      params.put(p.name(), value);
    }
    double score = 0.8 + 0.005 * number;
    return new Trial(number, TrialState.COMPLETE, params, List.of(new FoldScore(score + 0.05, score),
        new FoldScore(score + 0.04, score - 0.01), new FoldScore(score + 0.03, score + 0.01)), number, 0.2, 1024,
        Optional.empty(), Instant.now());
  }

  /** Ends every session on the database and renames it, so that connecting fails until it is back. */
  private static boolean renameAway(String database) throws Exception {
    SQLException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Connection c = admin(); Statement s = c.createStatement()) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'"
            + " AND pid <> pg_backend_pid()");
        s.execute("ALTER DATABASE " + database + " RENAME TO " + database + "_away");
        return true;
      } catch (SQLException e) {
        // The app connected again between the two statements: end its session again.
        last = e;
      }
    }
    throw last;
  }

  private static void rename(String from, String to) throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + from + " RENAME TO " + to);
    }
  }

  /** A connection to the test server's own database. */
  private static Connection admin() throws SQLException {
    PostgresUrl url = PostgresUrl.parse(PostgresTestServer.url());
    Properties props = new Properties();
    props.setProperty("user", url.user());
    return DriverManager.getConnection(url.jdbcUrl(), props);
  }

  /** Waits for the window to get there; says where it is when it does not. */
  private void waitUntil(BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the window did not get there: store " + vm.store().address() + ", message '"
          + vm.notifications().messageProperty().get() + "', following '" + vm.watch().statusProperty().get()
          + "', lost '" + vm.watch().lostProperty().get() + "', " + vm.run().trials().size() + " trials shown", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
