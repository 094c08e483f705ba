package org.tunescope.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

class StudyRunnerTest {

  private static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("x", new Distribution.FloatRange(-2, 2, false)),
      SearchParameter.of("n", new Distribution.IntRange(1, 10, false))));

  /** A noisy bowl whose noise comes from the trial's seed, like a model's random initialisation. */
  private static final Objective BOWL = (params, ctx) -> {
    double x = (Double) params.get("x");
    SplittableRandom noise = new SplittableRandom(ctx.seed());
    List<FoldScore> folds = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      ctx.checkCancelled();
      double validation = -x * x + 0.01 * noise.nextDouble();
      folds.add(new FoldScore(validation + 0.1, validation));
    }
    return folds;
  };

  private static Study study(int trials, long seed) {
    return new Study("bowl", "score", Direction.MAXIMIZE, SPACE, new RandomSampler(SPACE, seed),
        Budget.trials(trials), seed);
  }

  /** A ledger that counts what runs tell it as trials start. */
  private static final class CountingLedger implements TrialLedger {
    final InMemoryTrialLedger inner = new InMemoryTrialLedger();
    final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public java.util.OptionalInt claim(Study study, java.time.Instant deadline) {
      return inner.claim(study, deadline);
    }

    @Override
    public void release(int number) {
      inner.release(number);
    }

    @Override
    public void finish(Trial trial) {
      inner.finish(trial);
    }

    @Override
    public List<Trial> finished() {
      return inner.finished();
    }

    @Override
    public void started(int number, java.util.Map<String, Object> params, double budget) {
      started.incrementAndGet();
      inner.started(number, params, budget);
    }

    @Override
    public List<RunningTrial> running() {
      return inner.running();
    }
  }

  @Test
  void aRunTellsTheLedgerWhatATrialRunsOnlyForSamplersThatWatchRunningTrials() {
    CountingLedger random = new CountingLedger();
    new StudyRunner(2).run(study(12, 3), BOWL, StudyListener.NONE, random);
    assertEquals(0, random.started.get(), "a random search pays no extra store write per trial");
    CountingLedger tpe = new CountingLedger();
    Study watching = new Study("bowl", "score", Direction.MAXIMIZE, SPACE,
        new org.tunescope.engine.sampler.TpeSampler(SPACE, Direction.MAXIMIZE, 3), Budget.trials(12), 3);
    new StudyRunner(2).run(watching, BOWL, StudyListener.NONE, tpe);
    assertEquals(12, tpe.started.get());
    assertEquals(List.of(), tpe.running(), "none left running");
  }

  @Test
  void sameSeedGivesSameTrialsWhateverTheNumberOfWorkers() {
    StudyResult one = new StudyRunner(1).run(study(40, 3), BOWL, StudyListener.NONE);
    StudyResult four = new StudyRunner(4).run(study(40, 3), BOWL, StudyListener.NONE);
    assertEquals(40, one.trials().size());
    for (int i = 0; i < 40; i++) {
      Trial a = one.trials().get(i);
      Trial b = four.trials().get(i);
      assertEquals(i, a.number());
      assertEquals(a.params(), b.params());
      assertEquals(a.folds(), b.folds());
      assertEquals(a.seed(), b.seed());
    }
    assertEquals(one.best().orElseThrow().number(), four.best().orElseThrow().number());
  }

  @Test
  void everyTrialPublishesStartedThenFinished() {
    List<StudyEvent> events = new CopyOnWriteArrayList<>();
    StudyResult result = new StudyRunner(3).run(study(20, 1), BOWL, events::add);
    assertEquals(40, events.size());
    for (Trial t : result.trials()) {
      int started = indexOf(events, e -> e instanceof StudyEvent.TrialStarted s && s.number() == t.number());
      int finished = indexOf(events, e -> e instanceof StudyEvent.TrialFinished f && f.trial().number() == t.number());
      assertTrue(started >= 0 && started < finished, "trial " + t.number());
    }
  }

  @Test
  void trialsRecordScoresSummariesTimeAndMemory() {
    Trial t = new StudyRunner(1).run(study(1, 0), BOWL, StudyListener.NONE).trials().get(0);
    assertEquals(TrialState.COMPLETE, t.state());
    assertEquals(3, t.folds().size());
    assertEquals(t.folds().stream().mapToDouble(FoldScore::validation).average().orElseThrow(),
        t.validation().mean(), 1e-12);
    assertEquals(0.1, t.gap(Direction.MAXIMIZE), 1e-9);
    assertTrue(t.fitSeconds() >= 0);
    assertTrue(t.bytesAllocated() > 0, "the objective allocates");
    assertTrue(t.error().isEmpty());
  }

  @Test
  void aModelThatThrowsOrGivesNanFailsItsTrialAndTheStudyGoesOn() {
    Objective flaky = (params, ctx) -> {
      long n = (Long) params.get("n");
      if (n == 3) {
        throw new IllegalStateException("matrix is singular");
      }
      if (n == 4) {
        return List.of(new FoldScore(1, Double.NaN));
      }
      return BOWL.evaluate(params, ctx);
    };
    StudyResult result = new StudyRunner(2).run(study(60, 2), flaky, StudyListener.NONE);
    assertEquals(60, result.trials().size());
    for (Trial t : result.trials()) {
      long n = (Long) t.params().get("n");
      if (n == 3) {
        assertEquals(TrialState.FAILED, t.state());
        assertEquals(Optional.of("matrix is singular"), t.error());
      } else if (n == 4) {
        assertEquals(TrialState.FAILED, t.state());
        assertTrue(t.error().orElseThrow().contains("not a number"), t.error().orElseThrow());
      } else {
        assertEquals(TrialState.COMPLETE, t.state());
      }
    }
    assertTrue(result.count(TrialState.FAILED) > 0 && result.count(TrialState.COMPLETE) > 0);
    assertEquals(TrialState.COMPLETE, result.best().orElseThrow().state());
  }

  @Test
  void cancelStopsPromptlyAndNoFoldStartsAfterIt() throws Exception {
    CountDownLatch firstFoldsRunning = new CountDownLatch(2);
    AtomicInteger foldsStartedAfterCancel = new AtomicInteger();
    StudyRunner runner = new StudyRunner(2);
    List<Long> cancelledAt = Collections.synchronizedList(new ArrayList<>());
    Objective slow = (params, ctx) -> {
      List<FoldScore> folds = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        ctx.checkCancelled();
        if (!cancelledAt.isEmpty()) {
          foldsStartedAfterCancel.incrementAndGet();
        }
        firstFoldsRunning.countDown();
        Thread.sleep(50);
        folds.add(new FoldScore(1, 1));
      }
      return folds;
    };
    Study study = new Study("slow", "score", Direction.MAXIMIZE, SPACE, new RandomSampler(SPACE, 0),
        Budget.trials(1000), 0);
    var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.run(study, slow, StudyListener.NONE));
    assertTrue(firstFoldsRunning.await(5, TimeUnit.SECONDS));
    cancelledAt.add(System.nanoTime());
    runner.cancel();
    StudyResult result = run.get(5, TimeUnit.SECONDS);
    assertEquals(0, foldsStartedAfterCancel.get());
    assertEquals(Optional.of("cancelled"), result.stopReason());
    assertEquals(2, result.trials().size(), "the two running trials, nothing more");
    assertTrue(result.trials().stream().allMatch(t -> t.state() == TrialState.INTERRUPTED));
  }

  @Test
  void gridStopsWhenExhaustedAndBudgetCapsIt() {
    Study whole = new Study("grid", "score", Direction.MAXIMIZE, SPACE, new GridSampler(SPACE, 3), Budget.unlimited(), 0);
    assertEquals(OptionalInt.of(9), whole.plannedTrials(), "3 x values by 3 n values");
    assertEquals(9, new StudyRunner(2).run(whole, BOWL, StudyListener.NONE).trials().size());
    Study capped = new Study("grid", "score", Direction.MAXIMIZE, SPACE, new GridSampler(SPACE, 3), Budget.trials(7), 0);
    assertEquals(7, new StudyRunner(2).run(capped, BOWL, StudyListener.NONE).trials().size());
  }

  @Test
  void timeBudgetStopsStartingTrials() {
    Objective tenMillis = (params, ctx) -> {
      Thread.sleep(10);
      return List.of(new FoldScore(1, 1));
    };
    Study study = new Study("timed", "score", Direction.MAXIMIZE, SPACE, new RandomSampler(SPACE, 0),
        new Budget(OptionalInt.empty(), Optional.of(Duration.ofMillis(300))), 0);
    StudyResult result = new StudyRunner(2).run(study, tenMillis, StudyListener.NONE);
    assertTrue(result.elapsed().toMillis() < 2000, "stopped near its budget: " + result.elapsed());
    assertTrue(result.trials().size() > 5, "ran trials until the deadline: " + result.trials().size());
  }

  @Test
  void previousTrialsAreKeptAndOnlyTheRestIsRun() {
    StudyResult first = new StudyRunner(2).run(study(10, 4), BOWL, StudyListener.NONE);
    List<Trial> previous = new ArrayList<>(first.trials().subList(0, 6));
    Trial interrupted = first.trials().get(2);
    previous.set(2, new Trial(2, TrialState.INTERRUPTED, interrupted.params(), List.of(), interrupted.seed(), 0, 0,
        Optional.of("cancelled"), interrupted.started()));
    List<Integer> evaluated = new CopyOnWriteArrayList<>();
    StudyResult resumed = new StudyRunner(2).run(study(10, 4), BOWL, e -> {
      if (e instanceof StudyEvent.TrialStarted s) {
        evaluated.add(s.number());
      }
    }, new InMemoryTrialLedger(previous));
    assertEquals(List.of(2, 6, 7, 8, 9), evaluated.stream().sorted().toList());
    assertEquals(10, resumed.trials().size());
    for (int i = 0; i < 10; i++) {
      assertEquals(first.trials().get(i).folds(), resumed.trials().get(i).folds(), "trial " + i);
    }
  }

  @Test
  void aFailingListenerStopsTheStudyAndKeepsWhatFinished() {
    AtomicInteger seen = new AtomicInteger();
    StudyResult result = new StudyRunner(1).run(study(50, 0), BOWL, e -> {
      if (e instanceof StudyEvent.TrialFinished && seen.incrementAndGet() == 5) {
        throw new IllegalStateException("disk full");
      }
    });
    assertEquals(Optional.of("disk full"), result.stopReason());
    assertEquals(5, result.trials().size());
  }

  private static int indexOf(List<StudyEvent> events, java.util.function.Predicate<StudyEvent> p) {
    for (int i = 0; i < events.size(); i++) {
      if (p.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aLedgerThatCannotKeepATrialStopsTheStudyBeforeItsFinishedEvent() {
    InMemoryTrialLedger memory = new InMemoryTrialLedger();
    TrialLedger full = new TrialLedger() {
      @Override
      public OptionalInt claim(Study study, java.time.Instant deadline) {
        return memory.claim(study, deadline);
      }

      @Override
      public void release(int number) {
        memory.release(number);
      }

      @Override
      public void finish(Trial trial) {
        if (memory.finished().size() >= 3) {
          throw new IllegalStateException("the disk is full");
        }
        memory.finish(trial);
      }

      @Override
      public List<Trial> finished() {
        return memory.finished();
      }
    };
    List<Integer> published = new CopyOnWriteArrayList<>();
    StudyResult result = new StudyRunner(1).run(study(20, 1), BOWL, e -> {
      if (e instanceof StudyEvent.TrialFinished f) {
        published.add(f.trial().number());
      }
    }, full);
    assertEquals(List.of(0, 1, 2), published);
    assertEquals(3, result.trials().size());
    assertEquals(Optional.of("could not save trial 3: the disk is full"), result.stopReason());
  }

  @Test
  void aLedgerSharedByTwoRunnersRunsEveryGridPointOnce() throws Exception {
    InMemoryTrialLedger shared = new InMemoryTrialLedger();
    Study grid = new Study("grid", "score", Direction.MAXIMIZE, SPACE, new GridSampler(SPACE, 4), Budget.unlimited(), 0);
    Thread other = new Thread(() -> new StudyRunner(2).run(grid, BOWL, StudyListener.NONE, shared));
    other.start();
    StudyResult mine = new StudyRunner(2).run(grid, BOWL, StudyListener.NONE, shared);
    other.join();
    List<Trial> all = shared.finished();
    assertEquals(16, all.size());
    assertEquals(16, all.stream().map(Trial::params).distinct().count());
    assertTrue(mine.trials().size() <= 16);
  }
}
