package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The start-up warm-up fits the study's model on made-up rows, runs the caller's steps, and never fails. */
class StartupWarmUpTest {

  @Test
  void fitsTheStudysModel() throws Exception {
    assertTrue(StartupWarmUp.fits("svm") > 0, "svm (on shared squared distances)");
    assertTrue(StartupWarmUp.fits("xgboost") > 0, "xgboost (loads its native library)");
    assertTrue(StartupWarmUp.fits("ridge") > 0, "a regression-only model");
    assertEquals(0, StartupWarmUp.fits("no_such_model"), "an unknown model is the study's to report");
  }

  @Test
  void runsTheCallersStepsOnADaemonThreadAndSwallowsTheirFailures() throws InterruptedException {
    AtomicBoolean ran = new AtomicBoolean();
    Thread t = StartupWarmUp.start("no_such_model", () -> {
      throw new IllegalStateException("a driver that does not load");
    }, () -> ran.set(true));
    assertTrue(t.isDaemon(), "the process never waits for it");
    t.join(60_000);
    assertFalse(t.isAlive());
    assertTrue(ran.get(), "a failing step does not stop the next");
  }
}
