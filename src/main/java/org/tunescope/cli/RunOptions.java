package org.tunescope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that runs trials ({@code tune}, {@code resume}): workers and output. */
final class RunOptions {

  @Option(names = "--workers", paramLabel = "N", description = "Trials evaluated at once (default: all cores).")
  Integer workers;

  @Option(names = "--out", paramLabel = "FILE", description = "Write every trial to FILE: .json or .csv.")
  Path out;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Option(names = "--log-trials",
      description = "Print a line per finished trial on standard error (the trial is stored when it is printed).")
  boolean logTrials;

  /** The number of workers: as given, or one per core. */
  int workerCount() {
    if (workers != null && workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    return workers == null ? Runtime.getRuntime().availableProcessors() : workers;
  }

  /**
   * Refuses an {@code --out} that cannot be written before any trial runs, so that a long search does not end
   * in an error with nothing saved: its folder must exist and be writable, and it must not be a folder itself.
   */
  void checkOut() {
    if (out != null) {
      OutFile.check(out, ".json or .csv");
    }
  }

}
