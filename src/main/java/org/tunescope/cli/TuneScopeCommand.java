package org.tunescope.cli;

import java.io.PrintWriter;
import org.tunescope.ml.data.DataException;
import org.tunescope.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code tunescope} command line: runs studies headless, never starting JavaFX. */
@Command(name = "tunescope", mixinStandardHelpOptions = true, version = "TuneScope " + Versions.TUNESCOPE,
    description = "Explore hyperparameter tuning: cross-validated searches that record train and validation"
        + " scores for every fold of every trial.",
    subcommands = {ModelsCommand.class, TuneCommand.class, ResumeCommand.class, StudiesCommand.class,
        ShowCommand.class, ExportCommand.class, DeleteCommand.class, GenerateCommand.class, BenchCommand.class, ReportCommand.class,
        ImportCommand.class, WorkerCommand.class})
public final class TuneScopeCommand implements Runnable {

  /** Exit code for input the user can fix: a missing file, an unknown column, a bad range, a locked store. */
  public static final int BAD_INPUT = 2;

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with one-line error reporting. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TuneScopeCommand());
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("error: " + ex.getMessage());
      err.println("(see: tunescope " + ex.getCommandLine().getCommandName() + " --help)");
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof IllegalArgumentException || ex instanceof DataException || ex instanceof StoreException
          || ErrorWords.isFileProblem(ex)) {
        err.println("error: " + ErrorWords.of(ex));
        return BAD_INPUT;
      }
      err.println("error: " + org.tunescope.engine.study.StudyRunner.describe(ex)
          + " (this is a bug in TuneScope; please report it)");
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
