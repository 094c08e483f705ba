package org.tunescope.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One long job at a time, and the refusal names the one that holds the window. */
class BusyTest {

  @Test
  void oneJobHoldsTheWindowUntilItGivesItBack() {
    Busy busy = new Busy();
    AtomicInteger cancelled = new AtomicInteger();
    assertTrue(busy.take("a comparison", cancelled::incrementAndGet));
    assertFalse(busy.take("a study", () -> { }), "a study cannot start meanwhile");
    assertEquals("a comparison is running; cancel it or wait before opening another store",
        busy.refusal("before opening another store"));
    busy.cancel();
    assertEquals(1, cancelled.get());
    busy.release("a study");
    assertTrue(busy.isBusy(), "only the holder gives the window back");
    busy.release("a comparison");
    assertFalse(busy.isBusy());
    busy.cancel();
    assertEquals(1, cancelled.get(), "nothing to cancel once released");
    assertTrue(busy.take("a study", () -> { }));
  }

  @Test
  void anotherJobsProgressIsTheRunBarsLine() {
    RunViewModel run = new RunViewModel(new org.tunescope.ui.UiScheduler() {
      @Override
      public void ui(Runnable r) {
        r.run();
      }

      @Override
      public void background(Runnable r) {
      }
    }, new org.tunescope.ui.Notifications());
    assertFalse(run.busy().isBusy());
    assertTrue(run.busy().take("a comparison", () -> { }));
    run.busy().say("Comparing: knn (1 of 2): trial 3 of 10");
    assertEquals("Comparing: knn (1 of 2): trial 3 of 10", run.statusProperty().get(), "the run bar's line");
    assertEquals(-1, run.progressProperty().get(), "an indeterminate bar: the comparison's total is not known");
  }
}
