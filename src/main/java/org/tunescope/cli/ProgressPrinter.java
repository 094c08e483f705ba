package org.tunescope.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.Trial;

/**
 * The live progress line of {@code tune}: trials done of planned, failures, best validation score so far,
 * elapsed time and ETA. On a terminal it rewrites one line; elsewhere it prints a line every few seconds.
 */
final class ProgressPrinter implements StudyListener {

  private static final long QUIET_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final OptionalInt planned;
  private final Duration timeBudget;
  private final Direction direction;
  private final long start = System.nanoTime();
  private int done;
  private int failed;
  private double best = Double.NaN;
  private int bestNumber = -1;
  private long lastPrint;

  ProgressPrinter(PrintWriter err, boolean terminal, OptionalInt planned, Duration timeBudget, Direction direction) {
    this.err = err;
    this.terminal = terminal;
    this.planned = planned;
    this.timeBudget = timeBudget;
    this.direction = direction;
  }

  @Override
  public synchronized void onEvent(StudyEvent event) {
    if (!(event instanceof StudyEvent.TrialFinished finished)) {
      return;
    }
    Trial t = finished.trial();
    done++;
    if (t.isComplete()) {
      double v = t.validation().mean();
      if (direction.isBetter(v, best)) {
        best = v;
        bestNumber = t.number();
      }
    } else {
      failed++;
    }
    long now = System.nanoTime();
    if (terminal || now - lastPrint > QUIET_INTERVAL_NANOS) {
      lastPrint = now;
      print(false);
    }
  }

  /** Prints the final state of the line and ends it. */
  synchronized void finish() {
    print(true);
  }

  private void print(boolean last) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    StringBuilder line = new StringBuilder();
    line.append("trials ").append(done);
    planned.ifPresent(p -> line.append('/').append(p));
    if (failed > 0) {
      line.append(" (").append(failed).append(" not complete)");
    }
    line.append("  best ").append(Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.4f (#%d)", best, bestNumber));
    line.append("  elapsed ").append(clock(elapsed));
    if (!last) {
      eta(elapsed).ifPresent(eta -> line.append("  ETA ").append(clock(eta)));
    }
    if (terminal) {
      err.print("\r" + line + "   " + (last ? System.lineSeparator() : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  private java.util.Optional<Double> eta(double elapsed) {
    Double byTrials = null;
    if (planned.isPresent() && done > 0) {
      byTrials = elapsed / done * Math.max(0, planned.getAsInt() - done);
    }
    Double byTime = timeBudget == null ? null : Math.max(0, timeBudget.toMillis() / 1000.0 - elapsed);
    if (byTrials == null) {
      return java.util.Optional.ofNullable(byTime);
    }
    return java.util.Optional.of(byTime == null ? byTrials : Math.min(byTrials, byTime));
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
