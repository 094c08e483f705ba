package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunescope.engine.sampler.GeneticSampler;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.sampler.TpeSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Objective;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;

/**
 * Two workers on one study, each with a store connection, an owner and a sampler of its own, as two machines
 * would have: a model-based sampler (TPE, genetic) of one learns from the trials the other finished, and sees
 * the trial the other is running. On SQLite and PostgreSQL.
 */
class SharedStudySamplersTest {

  static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("x", new Distribution.FloatRange(-2, 2, false)),
      SearchParameter.of("y", new Distribution.FloatRange(-2, 2, false))));

  /** A bowl with its top at (0.5, -0.3). */
  static final Objective BOWL = (p, ctx) -> {
    double x = (Double) p.get("x") - 0.5;
    double y = (Double) p.get("y") + 0.3;
    return List.of(new FoldScore(-x * x - y * y, -x * x - y * y));
  };

  @TempDir
  Path dir;

  private String postgres;
  private final List<StudyStore> stores = new ArrayList<>();

  @AfterEach
  void close() {
    stores.forEach(StudyStore::close);
    if (postgres != null) {
      PostgresTestServer.drop(postgres);
    }
  }

  /** A connection of its own to one store: what each machine has. */
  private StudyStore connect(String kind) {
    if (kind.equals("postgresql") && postgres == null) {
      postgres = PostgresTestServer.freshDatabase();
    }
    StudyStore s = kind.equals("postgresql") ? PostgresStudyStore.open(postgres)
        : SqliteStudyStore.open(dir.resolve("shared.db"));
    stores.add(s);
    return s;
  }

  /** A worker's sampler that keeps what each ask showed it. */
  private static final class Watching implements Sampler {
    final Sampler inner;
    final List<List<Trial>> finished = new ArrayList<>();
    final List<List<RunningTrial>> running = new ArrayList<>();
    final List<Map<String, Object>> chosen = new ArrayList<>();

    Watching(Sampler inner) {
      this.inner = inner;
    }

    @Override
    public synchronized Optional<Map<String, Object>> sample(int number, List<Trial> finished,
        List<RunningTrial> running) {
      this.finished.add(List.copyOf(finished));
      this.running.add(List.copyOf(running));
      Optional<Map<String, Object>> params = inner.sample(number, finished, running);
      params.ifPresent(chosen::add);
      return params;
    }

    @Override
    public boolean watchesRunning() {
      return inner.watchesRunning();
    }

    @Override
    public String name() {
      return inner.name();
    }
  }

  private static Study study(Sampler sampler, int trials) {
    return new Study("shared", "score", Direction.MAXIMIZE, SPACE, sampler, Budget.trials(trials), 3);
  }

  private static Owner machine(String host) {
    Owner me = Owner.current();
    return new Owner(me.pid(), host, me.started());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aTpeWorkerLearnsFromTheTrialsAnotherWorkerFinished(String kind) {
    learnsFromTheOthersTrials(kind, (space, seed) -> new TpeSampler(space, Direction.MAXIMIZE, seed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aGeneticWorkerLearnsFromTheTrialsAnotherWorkerFinished(String kind) {
    learnsFromTheOthersTrials(kind, (space, seed) -> new GeneticSampler(space, Direction.MAXIMIZE, seed));
  }

  /** Worker a runs the first 12 trials; worker b, joining, asks its sampler for trials 12 and 13. */
  private void learnsFromTheOthersTrials(String kind, BiFunction<SearchSpace, Long, Sampler> samplers) {
    StudyStore a = connect(kind);
    StudyStore b = connect(kind);
    a.createIfAbsent(StudyStoreContract.record("shared", OptionalInt.of(14)));
    new StudyRunner(1).run(study(samplers.apply(SPACE, 3L), 12), BOWL, StudyListener.NONE,
        a.ledger("shared", machine("machine-a")));
    List<Trial> byA = a.trials("shared");
    assertEquals(12, byA.size());

    Watching atB = new Watching(samplers.apply(SPACE, 3L));
    new StudyRunner(1).run(study(atB, 14), BOWL, StudyListener.NONE, b.ledger("shared", machine("machine-b")));
    assertEquals(byA, atB.finished.get(0), "b's first ask saw every trial a finished");
    assertEquals(13, atB.finished.get(1).size());
    // Past the start-up trials the sampler's answer follows from that history: the one a single process that had
    // run those 12 trials would give, and not its start-up (random) point.
    Sampler single = samplers.apply(SPACE, 3L);
    assertEquals(single.sample(12, byA).orElseThrow(), atB.chosen.get(0));
    assertNotEquals(new RandomSampler(SPACE, 3).sample(12, byA).orElseThrow(), atB.chosen.get(0));
    assertEquals(14, a.trials("shared").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aTpeWorkerSeesTheTrialAnotherWorkerIsRunningAndGoesElsewhere(String kind) throws Exception {
    StudyStore a = connect(kind);
    StudyStore b = connect(kind);
    a.createIfAbsent(StudyStoreContract.record("shared", OptionalInt.of(14)));
    new StudyRunner(1).run(study(new TpeSampler(SPACE, Direction.MAXIMIZE, 3), 12), BOWL, StudyListener.NONE,
        a.ledger("shared", machine("machine-a")));

    // Worker a's trial 12 runs until b has asked for trial 13.
    CountDownLatch aRuns = new CountDownLatch(1);
    CountDownLatch bAsked = new CountDownLatch(1);
    Objective held = (p, ctx) -> {
      aRuns.countDown();
      try {
        bAsked.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return BOWL.evaluate(p, ctx);
    };
    Watching atA = new Watching(new TpeSampler(SPACE, Direction.MAXIMIZE, 3));
    CompletableFuture<?> workerA = CompletableFuture.runAsync(() -> new StudyRunner(1).run(study(atA, 13), held,
        StudyListener.NONE, a.ledger("shared", machine("machine-a"))));
    assertTrue(aRuns.await(60, TimeUnit.SECONDS));
    List<Trial> history = b.trials("shared");

    Watching atB = new Watching(new TpeSampler(SPACE, Direction.MAXIMIZE, 3));
    try {
      new StudyRunner(1).run(study(atB, 14), (p, ctx) -> {
        bAsked.countDown();
        return BOWL.evaluate(p, ctx);
      }, StudyListener.NONE, b.ledger("shared", machine("machine-b")));
    } finally {
      bAsked.countDown();
    }
    workerA.get(60, TimeUnit.SECONDS);

    Map<String, Object> aPoint = atA.chosen.get(0);
    assertEquals(List.of(new RunningTrial(12, aPoint, 1.0)), atB.running.get(0), "b saw a's running trial 12");
    TpeSampler single = new TpeSampler(SPACE, Direction.MAXIMIZE, 3);
    assertEquals(single.sample(13, history, List.of(new RunningTrial(12, aPoint, 1.0))).orElseThrow(),
        atB.chosen.get(0), "b's point counts a's as a bad one (the constant liar)");
    assertNotEquals(new TpeSampler(SPACE, Direction.MAXIMIZE, 3).sample(13, history).orElseThrow(),
        atB.chosen.get(0), "without a's running trial b would have gone elsewhere");
    assertEquals(14, b.trials("shared").size());
  }
}
