package org.tunescope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while trials run: a shutdown hook cancels the run (no new fold starts) and waits, up to 30 s, for
 * the command's thread to keep what finished. Closing it, when the run has ended, lets the hook go.
 */
final class CancelOnInterrupt implements AutoCloseable {

  private final CountDownLatch ended = new CountDownLatch(1);
  private final Thread hook;

  private CancelOnInterrupt(Runnable cancel, String threadName) {
    hook = new Thread(() -> {
      cancel.run();
      try {
        ended.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, threadName);
  }

  /** Installs the hook until {@link #close}. */
  static CancelOnInterrupt install(Runnable cancel, String threadName) {
    CancelOnInterrupt c = new CancelOnInterrupt(cancel, threadName);
    Runtime.getRuntime().addShutdownHook(c.hook);
    return c;
  }

  @Override
  public void close() {
    ended.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C): the hook is running and waits for us.
    }
  }
}
