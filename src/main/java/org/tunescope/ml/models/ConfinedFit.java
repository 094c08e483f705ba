package org.tunescope.ml.models;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Smile fit that uses parallel streams (random forests) on one thread. Smile's per-thread random
 * generator is re-seeded by each tree, and on the shared common pool a thread can take up another fit's
 * tree in the middle of one: the same seed then gives another forest. The study runner's workers are
 * already single-thread pools, so fits run there directly; anywhere else (the lab, importance) they go
 * through a pool of one thread of their own.
 */
public final class ConfinedFit {

  private static final ForkJoinPool POOL = new ForkJoinPool(1, pool -> {
    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    t.setName("tunescope-confined-fit");
    t.setDaemon(true);
    return t;
  }, null, false, 1, 1, 1, pool -> true, 30, TimeUnit.SECONDS);

  private ConfinedFit() {
  }

  /**
   * Calls {@code fit} where Smile's parallel streams stay on a single thread, with that thread's Smile
   * generator seeded by {@code seed} (as the caller's was).
   */
  public static <T> T call(long seed, Callable<T> fit) throws Exception {
    if (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool().getParallelism() == 1) {
      smile.math.MathEx.setSeed(seed);
      return fit.call();
    }
    try {
      return POOL.submit(() -> {
        smile.math.MathEx.setSeed(seed);
        return fit.call();
      }).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
