package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Objective;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;

/**
 * What every {@link StudyStore} must do, run against each back end by a subclass: studies by name,
 * trials kept exactly, claims that never hand out a number twice, interrupted trials of gone processes.
 */
abstract class StudyStoreContract {

  static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("x", new Distribution.FloatRange(-2, 2, false)),
      SearchParameter.of("k", new Distribution.IntRange(1, 4, false))));

  static final Objective BOWL = (params, ctx) -> {
    double x = (Double) params.get("x");
    return List.of(new FoldScore(1 - x * x + 0.1, 1 - x * x), new FoldScore(1 - x * x + 0.2, 1 - x * x - 0.1));
  };

  protected StudyStore store;

  /** A new, empty store of the back end under test. */
  protected abstract StudyStore newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    if (store != null) { // null when the back end was skipped (no PostgreSQL server)
      store.close();
    }
  }

  static StudyRecord record(String name, OptionalInt planned) {
    Map<String, String> space = new LinkedHashMap<>();
    space.put("x", "-2.0:2.0");
    space.put("k", "1:4");
    StudyInfo info = new StudyInfo(name, "knn", "classification", "accuracy", "maximize", "grid", 3, 5,
        "stratified 5-fold", 7, "sample-datasets/iris.csv", "ab".repeat(32), 150, 4, "target", space);
    StoredRequest request = new StoredRequest("sample-datasets/iris.csv", "target", Optional.empty(), "knn",
        Map.of("k", "1:4"), false, Optional.of("accuracy"), "grid", 3, OptionalInt.of(9),
        Optional.of(Duration.ofSeconds(90)), 5, 1, Optional.empty(), 7, java.util.OptionalDouble.of(0.25));
    Provenance provenance = new Provenance("0.1.0", "3.1.1", "17.0.15", 2, Instant.parse("2025-01-02T03:04:05.123456Z"));
    return new StudyRecord(info, request, provenance, planned, Optional.empty());
  }

  static Study study(String name, int trials) {
    return new Study(name, "accuracy", Direction.MAXIMIZE, SPACE, new RandomSampler(SPACE, 7), Budget.trials(trials), 7);
  }

  static Trial trial(int number, double validation) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", 0.25 * number);
    params.put("k", (long) number);
    params.put("weights", "distance");
    return new Trial(number, TrialState.COMPLETE, params,
        List.of(new FoldScore(validation + 0.1, validation), new FoldScore(validation + 0.05, validation - 0.02)),
        1234567890123L + number, 0.125 + number, 4096L * number, Optional.empty(),
        Instant.parse("2025-01-02T03:04:05.123456789Z").plusSeconds(number));
  }

  /** An owner that is certainly gone: this pid, but a process started at another time (a reused pid). */
  static Owner goneOwner() {
    Owner me = Owner.current();
    return new Owner(me.pid(), me.host(), me.started().minusSeconds(3600));
  }

  // --- studies

  @Test
  void aCreatedStudyIsFoundByNameWithEverythingItWasGiven() {
    StudyRecord r = record("iris-knn", OptionalInt.of(9));
    assertEquals(r, store.createIfAbsent(r));
    assertEquals(Optional.of(r), store.find("iris-knn"));
    assertEquals(r, store.get("iris-knn"));
    assertEquals(Optional.empty(), store.find("other"));
  }

  @Test
  void creatingAStudyOfATakenNameGivesTheOneAlreadyKept() {
    StudyRecord first = record("same", OptionalInt.of(9));
    store.createIfAbsent(first);
    StudyRecord second = record("same", OptionalInt.of(20));
    assertEquals(first, store.createIfAbsent(second));
    assertEquals(1, store.list().size());
  }

  @Test
  void anUnknownStudyIsAReadableError() {
    StoreException e = assertThrows(StoreException.class, () -> store.get("nope"));
    assertTrue(e.getMessage().contains("no study named 'nope'"), e.getMessage());
    assertThrows(StoreException.class, () -> store.trials("nope"));
    assertThrows(StoreException.class, () -> store.ledger("nope"));
    assertThrows(StoreException.class, () -> store.markFinished("nope"));
    assertFalse(store.delete("nope"));
  }

  @Test
  void deleteRemovesTheStudyAndItsTrials() {
    store.createIfAbsent(record("gone", OptionalInt.empty()));
    store.addTrials("gone", List.of(trial(0, 0.5), trial(1, 0.6)));
    store.createIfAbsent(record("kept", OptionalInt.empty()));
    store.addTrials("kept", List.of(trial(0, 0.7)));
    assertTrue(store.delete("gone"));
    assertEquals(Optional.empty(), store.find("gone"));
    assertEquals(List.of("kept"), store.list().stream().map(StudySummary::name).toList());
    assertEquals(1, store.trials("kept").size());
    store.createIfAbsent(record("gone", OptionalInt.empty()));
    assertEquals(List.of(), store.trials("gone"), "a new study of a deleted name starts empty");
  }

  // --- trials

  @Test
  void trialsComeBackExactlyAsTheyWereKept() {
    store.createIfAbsent(record("exact", OptionalInt.empty()));
    Trial failed = new Trial(2, TrialState.FAILED, Map.of("x", -1.5, "k", 3L), List.of(), 99, 0.5, 10,
        Optional.of("SVM did not converge"), Instant.parse("2025-02-03T04:05:06Z"));
    Trial nanFold = new Trial(3, TrialState.COMPLETE, Map.of("x", 1e-300, "k", Long.MAX_VALUE),
        List.of(new FoldScore(Double.NaN, 0.5), new FoldScore(0.75, 0.25)), -5, 0, 0, Optional.empty(),
        Instant.EPOCH);
    Trial pruned = new Trial(4, TrialState.PRUNED, Map.of("x", 2.0), List.of(new FoldScore(0.9, 0.8)), 7, 0.1, 5,
        Optional.empty(), Instant.EPOCH, 1.0 / 9);
    List<Trial> kept = List.of(trial(0, 0.9), trial(1, 1.0 / 3), failed, nanFold, pruned);
    store.addTrials("exact", kept);
    List<Trial> back = store.trials("exact");
    assertEquals(kept.size(), back.size());
    for (int i = 0; i < kept.size(); i++) {
      assertEquals(kept.get(i).number(), back.get(i).number());
      assertEquals(kept.get(i).state(), back.get(i).state());
      assertEquals(kept.get(i).params(), back.get(i).params());
      assertEquals(List.copyOf(kept.get(i).params().keySet()), List.copyOf(back.get(i).params().keySet()),
          "parameter order");
      assertEquals(kept.get(i).seed(), back.get(i).seed());
      assertEquals(kept.get(i).fitSeconds(), back.get(i).fitSeconds());
      assertEquals(kept.get(i).bytesAllocated(), back.get(i).bytesAllocated());
      assertEquals(kept.get(i).error(), back.get(i).error());
      assertEquals(kept.get(i).started(), back.get(i).started());
      assertEquals(kept.get(i).budget(), back.get(i).budget(), "the budget of a partial evaluation");
      assertEquals(kept.get(i).folds().size(), back.get(i).folds().size());
      for (int f = 0; f < kept.get(i).folds().size(); f++) {
        assertEquals(kept.get(i).folds().get(f).train(), back.get(i).folds().get(f).train());
        assertEquals(kept.get(i).folds().get(f).validation(), back.get(i).folds().get(f).validation());
      }
    }
    assertEquals(Double.valueOf(0.9), back.get(0).validation().folds().get(0));
  }

  @Test
  void keepingATrialOfTheSameNumberAgainReplacesIt() {
    store.createIfAbsent(record("replace", OptionalInt.empty()));
    store.addTrials("replace", List.of(trial(0, 0.5)));
    store.addTrials("replace", List.of(trial(0, 0.8)));
    List<Trial> back = store.trials("replace");
    assertEquals(1, back.size());
    assertEquals(0.8, back.get(0).folds().get(0).validation());
  }

  // --- ledgers

  @Test
  void aLedgerClaimsTheSmallestFreeNumbersWithinTheBudget() {
    store.createIfAbsent(record("claims", OptionalInt.of(4)));
    TrialLedger ledger = store.ledger("claims");
    Study s = study("claims", 4);
    assertEquals(OptionalInt.of(0), ledger.claim(s, Instant.MAX));
    assertEquals(OptionalInt.of(1), ledger.claim(s, Instant.MAX));
    ledger.finish(trial(1, 0.5));
    assertEquals(OptionalInt.of(2), ledger.claim(s, Instant.MAX));
    ledger.release(2);
    assertEquals(OptionalInt.of(2), ledger.claim(s, Instant.MAX), "a released number is free again");
    assertEquals(OptionalInt.of(3), ledger.claim(s, Instant.MAX));
    assertEquals(OptionalInt.empty(), ledger.claim(s, Instant.MAX), "running claims count against the budget");
    assertEquals(OptionalInt.empty(), ledger.claim(study("claims", 100), Instant.now().minusSeconds(1)),
        "past the deadline");
    assertEquals(List.of(1), ledger.finished().stream().map(Trial::number).toList(), "running trials are not finished");
  }

  @Test
  void interruptedTrialsAreClaimedAgainAndDoNotCountAgainstTheBudget() {
    store.createIfAbsent(record("again", OptionalInt.of(3)));
    Trial interrupted = new Trial(0, TrialState.INTERRUPTED, Map.of(), List.of(), 1, 0, 0,
        Optional.of("cancelled"), Instant.EPOCH);
    store.addTrials("again", List.of(interrupted, trial(1, 0.5)));
    TrialLedger ledger = store.ledger("again");
    Study s = study("again", 3);
    assertEquals(OptionalInt.of(0), ledger.claim(s, Instant.MAX));
    assertEquals(OptionalInt.of(2), ledger.claim(s, Instant.MAX));
    assertEquals(OptionalInt.empty(), ledger.claim(s, Instant.MAX));
    ledger.finish(trial(0, 0.7));
    assertEquals(List.of(0, 1), store.trials("again").stream().map(Trial::number).toList());
    assertEquals(TrialState.COMPLETE, store.trials("again").get(0).state());
  }

  @Test
  void ledgersOfManyOwnersNeverClaimTheSameNumber() throws Exception {
    store.createIfAbsent(record("shared", OptionalInt.of(60)));
    Study s = study("shared", 60);
    Set<Integer> claimed = ConcurrentHashMap.newKeySet();
    List<Integer> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Owner me = Owner.current();
      TrialLedger ledger = store.ledger("shared", new Owner(me.pid(), me.host(), me.started()));
      threads.add(new Thread(() -> {
        while (true) {
          OptionalInt n = ledger.claim(s, Instant.MAX);
          if (n.isEmpty()) {
            return;
          }
          if (!claimed.add(n.getAsInt())) {
            duplicates.add(n.getAsInt());
          }
          ledger.finish(trial(n.getAsInt(), 0.5));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), duplicates);
    assertEquals(60, claimed.size());
    assertEquals(60, store.trials("shared").size());
  }

  @Test
  void aRunnerOnTheStoresLedgerRunsAGridOnceEvenWhenRunAgain() {
    store.createIfAbsent(record("grid", OptionalInt.of(9)));
    Study grid = new Study("grid", "score", Direction.MAXIMIZE, SPACE, new GridSampler(SPACE, 3), Budget.unlimited(), 0);
    List<Integer> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    StudyResult first = new StudyRunner(2).run(grid, BOWL, e -> {
      if (e instanceof org.tunescope.engine.study.StudyEvent.TrialFinished f) {
        events.add(f.trial().number());
        // What the listener sees is already kept.
        assertTrue(store.trials("grid").stream().anyMatch(t -> t.number() == f.trial().number()));
      }
    }, store.ledger("grid"));
    assertEquals(Optional.empty(), first.stopReason());
    assertEquals(9, first.trials().size());
    assertEquals(9, events.size());
    StudyResult again = new StudyRunner(2).run(grid, BOWL, StudyListener.NONE, store.ledger("grid"));
    assertEquals(9, again.trials().size());
    assertEquals(9, store.trials("grid").stream().map(Trial::params).distinct().count());
    assertEquals(first.trials().stream().map(Trial::params).toList(), again.trials().stream().map(Trial::params).toList());
  }

  @Test
  void aStartedTrialShowsItsParametersToEveryOwnersLedgerWhileItRuns() {
    store.createIfAbsent(record("shared", OptionalInt.of(9)));
    Owner me = Owner.current();
    TrialLedger here = store.ledger("shared", me);
    TrialLedger there = store.ledger("shared", new Owner(me.pid(), "another-machine", me.started()));
    Study s = study("shared", 9);
    int first = here.claim(s, Instant.MAX).getAsInt();
    int second = here.claim(s, Instant.MAX).getAsInt();
    assertEquals(List.of(), there.running(), "claimed, parameters not chosen yet");
    Map<String, Object> params = new LinkedHashMap<>(Map.of("x", 0.5, "k", 3L));
    here.started(first, params, 1 / 3.0);
    there.started(second, Map.of("x", 1.5, "k", 1L), 1.0); // not its claim: ignored
    assertEquals(List.of(new org.tunescope.engine.study.RunningTrial(first, params, 1 / 3.0)), there.running());
    here.finish(trial(first, 0.5));
    assertEquals(List.of(), there.running());
  }

  // --- owners

  @Test
  void runningTrialsOfAGoneOwnerAreMarkedInterruptedAndThoseOfLiveOwnersAreNot() {
    store.createIfAbsent(record("owners", OptionalInt.empty()));
    Study s = study("owners", 100);
    TrialLedger mine = store.ledger("owners");
    TrialLedger gone = store.ledger("owners", goneOwner());
    Owner me = Owner.current();
    TrialLedger elsewhere = store.ledger("owners", new Owner(me.pid(), "another-host", me.started()));
    assertEquals(OptionalInt.of(0), mine.claim(s, Instant.MAX));
    assertEquals(OptionalInt.of(1), gone.claim(s, Instant.MAX));
    assertEquals(OptionalInt.of(2), gone.claim(s, Instant.MAX));
    assertEquals(OptionalInt.of(3), elsewhere.claim(s, Instant.MAX));

    assertEquals(2, store.markInterruptedOfGoneOwners());
    assertEquals(0, store.markInterruptedOfGoneOwners());
    List<Trial> trials = store.trials("owners");
    assertEquals(List.of(1, 2), trials.stream().map(Trial::number).toList());
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.INTERRUPTED));
    assertTrue(trials.get(0).error().orElseThrow().contains("pid " + me.pid()), trials.get(0).error().orElseThrow());
    assertEquals(OptionalInt.of(1), mine.claim(s, Instant.MAX), "an interrupted trial runs again");
    StudySummary summary = store.list().get(0);
    assertEquals(3, summary.running());
  }

  // --- summaries

  @Test
  void summariesCountDoneAndRunningTrialsAndShowTheBestScoreAndState() {
    store.createIfAbsent(record("summary", OptionalInt.of(9)));
    store.createIfAbsent(record("empty", OptionalInt.empty()));
    Trial failed = new Trial(3, TrialState.FAILED, Map.of(), List.of(), 1, 0, 0, Optional.of("x"), Instant.EPOCH);
    Trial interrupted = new Trial(4, TrialState.INTERRUPTED, Map.of(), List.of(), 1, 0, 0, Optional.empty(),
        Instant.EPOCH);
    store.addTrials("summary", List.of(trial(0, 0.5), trial(1, 0.9), trial(2, 0.7), failed, interrupted));
    TrialLedger ledger = store.ledger("summary");
    ledger.claim(study("summary", 9), Instant.MAX);

    List<StudySummary> list = store.list();
    assertEquals(List.of("summary", "empty"), list.stream().map(StudySummary::name).toList());
    StudySummary s = list.get(0);
    assertEquals("knn", s.model());
    assertEquals("sample-datasets/iris.csv", s.dataset());
    assertEquals(4, s.done());
    assertEquals(1, s.running());
    assertEquals(OptionalInt.of(9), s.planned());
    assertEquals(trial(1, 0.9).validation().mean(), s.best().orElseThrow(), 1e-15);
    assertEquals(StudySummary.State.RUNNING, s.state());
    StudySummary e = list.get(1);
    assertEquals(0, e.done());
    assertTrue(e.best().isEmpty());
    assertEquals(StudySummary.State.STOPPED, e.state());
    store.markFinished("empty");
    assertEquals(StudySummary.State.FINISHED, store.list().get(1).state());
    assertTrue(store.get("empty").finished().isPresent());
  }

  @Test
  void oneStudysSummaryIsItsLineOfTheListAndAnUnknownNameIsAReadableError() {
    store.createIfAbsent(record("first", OptionalInt.of(9)));
    store.createIfAbsent(record("second", OptionalInt.empty()));
    store.addTrials("second", List.of(trial(0, 0.5), trial(1, 0.9)));
    store.ledger("second").claim(study("second", 9), Instant.MAX);

    assertEquals(store.list().get(1), store.summary("second"));
    assertEquals(store.list().get(0), store.summary("first"));
    StoreException unknown = assertThrows(StoreException.class, () -> store.summary("nope"));
    assertEquals(StoreException.Reason.UNKNOWN_STUDY, unknown.reason());
  }

  @Test
  void bestOfAMinimizedStudyIsTheLowestScore() {
    StudyRecord r = record("min", OptionalInt.empty());
    StudyInfo i = r.info();
    StudyInfo minimize = new StudyInfo(i.name(), i.model(), i.task(), "rmse", "minimize", i.search(), i.gridPoints(),
        i.folds(), i.foldMethod(), i.seed(), i.dataset(), i.sha256(), i.rows(), i.features(), i.target(), i.space());
    store.createIfAbsent(new StudyRecord(minimize, r.request(), r.provenance(), r.plannedTrials(), r.finished()));
    store.addTrials("min", List.of(trial(0, 0.5), trial(1, 0.2), trial(2, 0.7)));
    assertEquals(trial(1, 0.2).validation().mean(), store.list().get(0).best().orElseThrow(), 1e-15);
  }

  // --- data files

  static StoredData data(String sha256, int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(size).nextBytes(bytes);
    return new StoredData(sha256, "iris.csv", "CSV", size * 3L, bytes);
  }

  @Test
  void aDataCopyIsKeptByItsShaByteForByte() {
    String sha = "ab".repeat(32);
    assertFalse(store.hasData(sha));
    assertEquals(Optional.empty(), store.data(sha));
    StoredData copy = data(sha, 1 << 20);
    store.saveData(copy);
    assertTrue(store.hasData(sha));
    StoredData read = store.data(sha).orElseThrow();
    assertEquals(List.of(sha, "iris.csv", "CSV", 3L << 20), List.of(read.sha256(), read.fileName(), read.format(),
        read.size()));
    assertTrue(java.util.Arrays.equals(copy.compressed(), read.compressed()), "every byte of a 1 MB blob");
  }

  @Test
  void aSecondCopyOfTheSameShaKeepsTheFirst() {
    String sha = "ab".repeat(32);
    store.saveData(data(sha, 100));
    store.saveData(new StoredData(sha, "other.arff", "ARFF", 5, new byte[] {1, 2, 3}));
    assertEquals("iris.csv", store.data(sha).orElseThrow().fileName());
    assertEquals(100, store.data(sha).orElseThrow().compressed().length);
  }

  @Test
  void theDataCopyGoesWithTheLastStudyThatUsesIt() {
    String sha = "ab".repeat(32); // the data of every record() study
    store.createIfAbsent(record("first", OptionalInt.of(9)));
    store.createIfAbsent(record("second", OptionalInt.of(9)));
    store.saveData(data(sha, 100));
    store.saveData(data("cd".repeat(32), 50)); // no study of the store uses it
    assertTrue(store.delete("first"));
    assertTrue(store.hasData(sha), "still used by study second");
    assertTrue(store.delete("second"));
    assertFalse(store.hasData(sha));
    assertFalse(store.hasData("cd".repeat(32)));
  }

  // --- held-out test scores

  static TestScore testScore(int trial, double test) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", 0.25 * trial);
    params.put("k", (long) trial);
    params.put("weights", "distance");
    return new TestScore("accuracy", trial, params, 1.0 / 3, 0.95, test, 112, 38, 0.25, 7);
  }

  @Test
  void aHeldOutTestScoreComesBackExactlyAndALaterOneReplacesIt() {
    store.createIfAbsent(record("held", OptionalInt.empty()));
    assertEquals(Optional.empty(), store.testScore("held"), "none before a run has ended");
    TestScore first = testScore(1, 0.9);
    store.saveTestScore("held", first);
    assertEquals(Optional.of(first), store.testScore("held"));
    TestScore better = new TestScore("log_loss", 4, Map.of("x", 1e-300, "k", Long.MAX_VALUE, "on", true),
        Double.NaN, -0.125, 0.1 + 0.2, 1, 2_000_000_000, 1e-9, Long.MIN_VALUE);
    store.saveTestScore("held", better);
    assertEquals(Optional.of(better), store.testScore("held"), "a new best's score replaces the old one");
    assertEquals(1, store.list().size());
  }

  @Test
  void aHeldOutTestScoreBelongsToItsStudyAndGoesWithIt() {
    store.createIfAbsent(record("a", OptionalInt.empty()));
    store.createIfAbsent(record("b", OptionalInt.empty()));
    store.saveTestScore("a", testScore(2, 0.9));
    assertEquals(Optional.empty(), store.testScore("b"));
    assertThrows(StoreException.class, () -> store.saveTestScore("nope", testScore(0, 0.5)));
    assertThrows(StoreException.class, () -> store.testScore("nope"));
    assertTrue(store.delete("a"));
    store.createIfAbsent(record("a", OptionalInt.empty()));
    assertEquals(Optional.empty(), store.testScore("a"), "a new study of a deleted name has no test score");
  }

  // --- following a study others run

  @Test
  void trialsSinceReadsOnlyNewAndReplacedTrials() {
    store.createIfAbsent(record("followed", OptionalInt.of(10)));
    store.addTrials("followed", List.of(trial(0, 0.5), trial(1, 0.6)));
    TrialsSince first = store.trialsSince("followed", TrialsSince.NOTHING_SEEN);
    assertEquals(List.of(0, 1), first.trials().stream().map(Trial::number).toList());
    assertEquals(2, first.rows().size());

    assertEquals(List.of(), store.trialsSince("followed", first.rows()).trials(), "nothing new: nothing read");

    TrialLedger ledger = store.ledger("followed");
    assertEquals(OptionalInt.of(2), ledger.claim(study("followed", 10), Instant.MAX));
    assertEquals(List.of(), store.trialsSince("followed", first.rows()).trials(), "a running trial is not finished");
    ledger.finish(trial(2, 0.7));
    store.addTrials("followed", List.of(trial(0, 0.9)));
    TrialsSince second = store.trialsSince("followed", first.rows());
    assertEquals(Set.of(0, 2), numbers(second.trials()), "the new trial and the one written again");
    assertEquals(0.89, second.trials().stream().filter(t -> t.number() == 0).findFirst().orElseThrow()
        .validation().mean(), 1e-9);
    assertEquals(3, second.rows().size());
  }

  @Test
  void activeWorkersCountsOwnersOfRunningTrials() {
    store.createIfAbsent(record("workers", OptionalInt.of(10)));
    assertEquals(0, store.activeWorkers("workers"));
    Study s = study("workers", 10);
    TrialLedger mine = store.ledger("workers");
    mine.claim(s, Instant.MAX);
    mine.claim(s, Instant.MAX);
    assertEquals(1, store.activeWorkers("workers"), "one process with two running trials is one worker");
    TrialLedger gone = store.ledger("workers", goneOwner());
    gone.claim(s, Instant.MAX);
    assertEquals(1, store.activeWorkers("workers"), "an owner that is gone is not active");
    mine.finish(trial(0, 0.5));
    mine.finish(trial(1, 0.5));
    assertEquals(0, store.activeWorkers("workers"));
    assertThrows(StoreException.class, () -> store.activeWorkers("nope"));
  }

  /** Distinct numbers, for assertions. */
  static Set<Integer> numbers(List<Trial> trials) {
    return new HashSet<>(trials.stream().map(Trial::number).toList());
  }

  // --- comparisons and kept predictions

  @Test
  void aComparisonComesBackAsSavedAndLeavesItsStudiesWhenDeleted() {
    store.createIfAbsent(record("svm-x", OptionalInt.of(9)));
    store.createIfAbsent(record("knn-x", OptionalInt.of(9)));
    EnsembleRecord vote = new EnsembleRecord("vote", List.of(new EnsembleRecord.Member("svm-x", 3),
        new EnsembleRecord.Member("knn-x", 0)), List.of(new FoldScore(0.9, 0.8), new FoldScore(1.0, Double.NaN)),
        java.util.OptionalDouble.of(0.75));
    EnsembleRecord stack = new EnsembleRecord("stack", List.of(new EnsembleRecord.Member("svm-x", 3)),
        List.of(new FoldScore(0.5, 0.4)), java.util.OptionalDouble.empty());
    EnsembleRecord greedy = new EnsembleRecord("greedy", List.of(new EnsembleRecord.Member("knn-x", 0, 3),
        new EnsembleRecord.Member("svm-x", 3, 1)), List.of(new FoldScore(0.7, 0.6)), java.util.OptionalDouble.empty());
    ComparisonRecord saved = new ComparisonRecord("iris models", Instant.parse("2026-01-02T03:04:05Z"),
        "sample-datasets/iris.csv", "ab".repeat(32), "target", "accuracy", "stratified 5-fold", 7,
        List.of("svm-x", "knn-x"), List.of(vote, stack, greedy));
    store.saveComparison(saved);
    ComparisonRecord back = store.findComparison("iris models").orElseThrow();
    assertEquals(saved.studies(), back.studies());
    assertEquals(saved.ensembles().get(0).members(), back.ensembles().get(0).members());
    // A greedy ensemble's members keep their order and weights.
    assertEquals(greedy.members(), back.ensembles().get(2).members());
    assertEquals(3, back.ensembles().get(2).members().get(0).weight());
    assertEquals(0.8, back.ensembles().get(0).folds().get(0).validation());
    assertTrue(Double.isNaN(back.ensembles().get(0).folds().get(1).validation()));
    assertEquals(0.75, back.ensembles().get(0).test().getAsDouble());
    assertTrue(back.ensembles().get(1).test().isEmpty());
    assertEquals(saved.withEnsembles(List.of()).withEnsembles(back.ensembles()), back);
    assertEquals(List.of("iris models"), store.comparisons().stream().map(ComparisonRecord::name).toList());

    store.saveComparison(saved.withEnsembles(List.of(stack)));
    assertEquals(List.of("stack"), store.findComparison("iris models").orElseThrow().ensembles().stream()
        .map(EnsembleRecord::kind).toList());

    assertTrue(store.delete("knn-x"));
    assertEquals(List.of("svm-x"), store.findComparison("iris models").orElseThrow().studies());
    assertTrue(store.deleteComparison("iris models"));
    assertFalse(store.deleteComparison("iris models"));
    assertTrue(store.find("svm-x").isPresent());
  }

  @Test
  void aComparisonOfAnUnknownStudyIsRefused() {
    ComparisonRecord c = new ComparisonRecord("c", Instant.now(), "d.csv", "ab", "y", "accuracy", "5-fold", 0,
        List.of("nowhere"), List.of());
    assertThrows(StoreException.class, () -> store.saveComparison(c));
  }

  @Test
  void keptPredictionsComeBackNumberForNumber() {
    store.createIfAbsent(record("p", OptionalInt.of(9)));
    List<org.tunescope.engine.study.FoldPredictions> folds = List.of(
        new org.tunescope.engine.study.FoldPredictions(2, new float[] {0.25f, 0.75f, 1f, 0f},
            new float[] {0.5f, 0.5f}),
        new org.tunescope.engine.study.FoldPredictions(2, new float[] {0.1f, 0.9f}, new float[] {0f, 1f, 0.3f, 0.7f}));
    store.savePredictions("p", 4, folds);
    List<org.tunescope.engine.study.FoldPredictions> back = store.predictions("p", 4).orElseThrow();
    assertEquals(2, back.size());
    for (int f = 0; f < 2; f++) {
      assertEquals(2, back.get(f).columns());
      org.junit.jupiter.api.Assertions.assertArrayEquals(folds.get(f).train(), back.get(f).train());
      org.junit.jupiter.api.Assertions.assertArrayEquals(folds.get(f).validation(), back.get(f).validation());
    }
    assertTrue(store.predictions("p", 5).isEmpty());
    store.savePredictions("p", 4, folds.subList(0, 1));
    assertEquals(1, store.predictions("p", 4).orElseThrow().size());
  }
}
