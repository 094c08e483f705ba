package org.tunescope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.tunescope.store.HomeFolder;

/**
 * TuneScope's log: {@code logs/tunescope-0.log} under the TuneScope folder, rotated over {@value #FILES}
 * files of at most {@value #LIMIT_BYTES} bytes each. Libraries' logging (Smile and SQLite through SLF4J's
 * java.util.logging binding, XGBoost through Commons Logging) goes there and not to the terminal, where
 * it used to interleave with the progress lines: warnings and errors of libraries, everything of TuneScope's
 * own from INFO up.
 */
public final class AppLog {

  /** Bytes per file before it rotates. */
  public static final int LIMIT_BYTES = 1_000_000;
  /** Files kept: tunescope-0.log (the newest), tunescope-1.log ... */
  public static final int FILES = 3;

  /** java.util.logging's pattern: %g numbers the files, 0 being the one written now. */
  private static final String PATTERN = "tunescope-%g.log";

  private static final Logger QUIET = Logger.getLogger("smile.classification.AdaBoost");
  private static Path installedIn;
  private static Handler handler;

  private AppLog() {
  }

  /** The current log file. */
  public static synchronized Path file() {
    return installedIn != null ? installedIn : HomeFolder.path().resolve("logs").resolve(PATTERN.replace("%g", "0"));
  }

  /**
   * Sends all logging to the log file of the TuneScope folder (again only if that folder changed since the
   * last call). If the file cannot be opened (a read-only home), library logging still stays off the
   * terminal.
   */
  public static synchronized void install() {
    Path target = HomeFolder.path().resolve("logs").resolve(PATTERN.replace("%g", "0"));
    if (target.equals(installedIn)) {
      return;
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      if (h instanceof ConsoleHandler) {
        root.removeHandler(h);
      }
    }
    if (handler != null) {
      root.removeHandler(handler);
      handler.close();
      handler = null;
    }
    root.setLevel(Level.WARNING);
    Logger.getLogger("org.tunescope").setLevel(Level.INFO);
    // AdaBoost logs "Skip the weak classifier" as an error whenever a tree is perfect or useless: normal
    // while tuning, and thousands of lines in a search.
    QUIET.setLevel(Level.OFF);
    installedIn = target;
    try {
      Files.createDirectories(target.getParent());
      handler = new FileHandler(target.getParent().resolve(PATTERN).toString(), LIMIT_BYTES, FILES, true);
      handler.setFormatter(new SimpleFormatter());
      handler.setLevel(Level.ALL);
      handler.setEncoding("UTF-8");
      handler.setFilter(new Repeats());
      root.addHandler(handler);
    } catch (IOException | RuntimeException e) {
      // No log file: keep going. TuneScope's own errors still reach the person through its dialogs.
      handler = null;
    }
  }

  /** Of a library's message repeated over and over, how many are written before it is only counted. */
  static final int REPEATS_WRITTEN = 10;
  /** Then one line in this many is written, with the count so far. */
  static final int REPEAT_EVERY = 1000;

  /**
   * Keeps a library's message that comes again and again (Smile's "Decision tree trained without OOB samples",
   * once per tree: thousands in a search on a small file) from filling the size-bounded log and rotating
   * every other line out of it: its first {@value #REPEATS_WRITTEN} are written, then one in
   * {@value #REPEAT_EVERY} with the count. TuneScope's own lines are all written.
   */
  static final class Repeats implements java.util.logging.Filter {
    private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    private java.util.logging.LogRecord lastRecord;
    private boolean lastAnswer;

    @Override
    public synchronized boolean isLoggable(java.util.logging.LogRecord r) {
      // FileHandler asks twice per record (its publish, then StreamHandler's): one count, one answer.
      if (r == lastRecord) {
        return lastAnswer;
      }
      lastRecord = r;
      lastAnswer = decide(r);
      return lastAnswer;
    }

    private boolean decide(java.util.logging.LogRecord r) {
      String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
      if (logger.startsWith("org.tunescope")) {
        return true;
      }
      if (seen.size() > 10_000) {
        seen.clear(); // bounded: a long session of ever new messages starts counting again
      }
      int n = seen.merge(logger + '\0' + r.getMessage(), 1, Integer::sum);
      if (n == REPEATS_WRITTEN) {
        r.setMessage(r.getMessage() + " (again and again: from now on one line in " + REPEAT_EVERY + ")");
      } else if (n > REPEATS_WRITTEN && n % REPEAT_EVERY == 0) {
        r.setMessage(r.getMessage() + " (" + n + " times so far)");
      }
      return n <= REPEATS_WRITTEN || n % REPEAT_EVERY == 0;
    }
  }

  /** Writes what is pending to the file (before the process exits, and in tests). */
  public static synchronized void flush() {
    if (handler != null) {
      handler.flush();
    }
  }
}
