package org.tunescope.engine.study;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a study on a pool of worker threads. Each worker claims the next trial number from the study's
 * {@link TrialLedger}, asks the sampler for its parameters, evaluates it, has the ledger keep it and only
 * then publishes the result. A trial's parameters and seed depend only
 * on its number (and, for adaptive samplers, on the history), so the same seed gives the same trials
 * whatever the number of workers.
 */
public final class StudyRunner {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final int workers;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public StudyRunner(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.workers = workers;
  }

  /** Asks the run to stop: no trial or fold starts after this; running folds finish. */
  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  public StudyResult run(Study study, Objective objective, StudyListener listener) {
    return run(study, objective, listener, new InMemoryTrialLedger());
  }

  /**
   * Runs the study with its trials kept by {@code ledger} (a store's, for a study that survives the
   * process or is shared by several). The result holds every trial the ledger has finished, including
   * those of earlier runs and of other processes. When the ledger cannot keep a trial, the run stops
   * and the result's stop reason says why.
   */
  public StudyResult run(Study study, Objective objective, StudyListener listener, TrialLedger ledger) {
    Instant start = Instant.now();
    Run run = new Run(study, objective, listener, ledger, start);
    List<ForkJoinPool> pools = new ArrayList<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        ForkJoinPool pool = confinedPool();
        pools.add(pool);
        futures.add(pool.submit(run::workLoop));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancel();
        } catch (java.util.concurrent.ExecutionException e) {
          run.abort("internal error: " + e.getCause());
        }
      }
    } finally {
      pools.forEach(ForkJoinPool::shutdownNow);
    }
    Optional<String> reason = Optional.ofNullable(run.abortReason.get())
        .or(() -> cancelled.get() ? Optional.of("cancelled") : Optional.empty());
    List<Trial> trials;
    try {
      trials = ledger.finished();
    } catch (RuntimeException e) {
      reason = reason.or(() -> Optional.of(describe(e)));
      trials = run.ownTrials();
    }
    return new StudyResult(study, trials, Duration.between(start, Instant.now()), reason);
  }

  private static final AtomicInteger WORKER_IDS = new AtomicInteger();

  /**
   * A worker: a fork-join pool of exactly one thread. A model library's parallel streams (Smile's random
   * forest trains trees on one) then run on the worker's own thread instead of the shared common pool, so
   * that trials do not compete for cores, a trial's memory is counted on the thread that evaluates it,
   * and the library's per-thread random generator cannot be re-seeded by another trial's task mid-fit
   * (which made forests differ from run to run).
   */
  private static ForkJoinPool confinedPool() {
    ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      t.setName("tunescope-worker-" + WORKER_IDS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ForkJoinPool(1, factory, null, false, 1, 1, 1, pool -> true, 30, TimeUnit.SECONDS);
  }

  /** One run: its ledger, and why it stopped early. */
  private final class Run {
    private final Study study;
    private final Objective objective;
    private final StudyListener listener;
    private final TrialLedger ledger;
    private final Instant deadline;
    private final List<Trial> own = new ArrayList<>();
    private final AtomicReference<String> abortReason = new AtomicReference<>();

    Run(Study study, Objective objective, StudyListener listener, TrialLedger ledger, Instant start) {
      this.study = study;
      this.objective = objective;
      this.listener = listener;
      this.ledger = ledger;
      this.deadline = study.budget().maxTime().map(start::plus).orElse(Instant.MAX);
    }

    void abort(String reason) {
      abortReason.compareAndSet(null, reason);
      cancel();
    }

    /** The trials this run finished, for a result when the ledger can no longer be read. */
    synchronized List<Trial> ownTrials() {
      return List.copyOf(own);
    }

    void workLoop() {
      while (!cancelled.get()) {
        OptionalInt claim;
        try {
          claim = ledger.claim(study, deadline);
        } catch (RuntimeException e) {
          abort(describe(e));
          return;
        }
        if (claim.isEmpty()) {
          return;
        }
        int number = claim.getAsInt();
        Optional<Map<String, Object>> params = study.sampler().sample(number, history(), running(number));
        if (params.isEmpty()) {
          releaseQuietly(number);
          return;
        }
        try {
          if (study.sampler().watchesRunning()) {
            ledger.started(number, params.get(), study.sampler().budget(number));
          }
        } catch (RuntimeException e) {
          abort(describe(e));
          releaseQuietly(number);
          return;
        }
        Trial trial = evaluate(number, params.get());
        try {
          ledger.finish(trial);
        } catch (RuntimeException e) {
          // The trial cannot be kept (a full disk): nobody must see it as done, and going on would
          // produce more trials that cannot be kept.
          abort("could not save trial " + number + ": " + describe(e));
          releaseQuietly(number);
          return;
        }
        synchronized (this) {
          own.add(trial);
        }
        publish(new StudyEvent.TrialFinished(trial));
      }
    }

    /** Frees a claim; when even that fails, the ledger marks the claim interrupted once this process is gone. */
    private void releaseQuietly(int number) {
      try {
        ledger.release(number);
      } catch (RuntimeException e) {
        abort(describe(e));
      }
    }

    /**
     * The finished trials, read from the ledger only if the sampler looks at them: grid and random
     * samplers never do, and a database ledger need not load the whole study for every trial.
     */
    private List<Trial> history() {
      return lazy(ledger::finished);
    }

    /** The other running trials, read from the ledger only if the sampler looks at them, as {@link #history}. */
    private List<RunningTrial> running(int number) {
      return lazy(() -> ledger.running().stream().filter(r -> r.number() != number).toList());
    }

    private static <T> List<T> lazy(java.util.function.Supplier<List<T>> read) {
      return new AbstractList<>() {
        private List<T> loaded;

        private List<T> loaded() {
          if (loaded == null) {
            loaded = read.get();
          }
          return loaded;
        }

        @Override
        public T get(int index) {
          return loaded().get(index);
        }

        @Override
        public int size() {
          return loaded().size();
        }
      };
    }

    private Trial evaluate(int number, Map<String, Object> params) {
      long seed = Seeds.derive(study.seed(), number);
      double budget = study.sampler().budget(number);
      Instant started = Instant.now();
      publish(new StudyEvent.TrialStarted(number, params, started));
      long thread = Thread.currentThread().getId();
      long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
      long t0 = System.nanoTime();
      TrialState state = TrialState.COMPLETE;
      List<FoldScore> folds = List.of();
      Optional<String> error = Optional.empty();
      TrialContext context = new TrialContext(number, seed, cancelled::get, budget);
      try {
        folds = objective.evaluate(params, context);
        Optional<String> invalid = invalidScore(folds);
        if (invalid.isPresent()) {
          state = TrialState.FAILED;
          error = invalid;
        } else if (budget < 1) {
          state = TrialState.PRUNED;
        }
      } catch (TrialCancelledException e) {
        state = TrialState.INTERRUPTED;
        error = Optional.of("cancelled before all folds ran");
      } catch (Exception | StackOverflowError | OutOfMemoryError e) {
        state = TrialState.FAILED;
        error = Optional.of(describe(e));
      }
      double seconds = Math.max(0, (System.nanoTime() - t0) / 1e9 + context.fitTimeCorrection().sum());
      long bytes = Math.max(0, THREADS.getThreadAllocatedBytes(thread) - bytesBefore);
      return new Trial(number, state, params, folds, seed, seconds, bytes, error, started, budget,
          context.attributes());
    }

    private void publish(StudyEvent event) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // A listener that fails stops the study: going on would produce trials nobody sees.
        abort(describe(e));
      }
    }
  }

  private static Optional<String> invalidScore(List<FoldScore> folds) {
    if (folds.isEmpty()) {
      return Optional.of("the objective returned no fold scores");
    }
    for (int i = 0; i < folds.size(); i++) {
      FoldScore f = folds.get(i);
      if (!Double.isFinite(f.validation()) || !Double.isFinite(f.train())) {
        return Optional.of("score is not a number in fold " + (i + 1)
            + " (train " + f.train() + ", validation " + f.validation() + ")");
      }
    }
    return Optional.empty();
  }

  /** A one-line, readable account of an exception: its message, or its kind when it has none. */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return kind;
    }
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      return message.strip();
    }
    return kind + ": " + message.strip();
  }
}
