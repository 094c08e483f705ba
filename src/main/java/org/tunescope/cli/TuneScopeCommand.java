package org.tunescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunescope} command line: runs studies headless. */
@Command(name = "tunescope", mixinStandardHelpOptions = true, version = "TuneScope 0.1",
    description = "Explore hyperparameter tuning from the command line.")
public final class TuneScopeCommand implements Runnable {

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    return new CommandLine(new TuneScopeCommand()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
