package org.tunescope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tunescope.ml.data.DataException;
import org.tunescope.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code tunescope} command line: runs studies headless, never starting JavaFX. */
@Command(name = "tunescope", mixinStandardHelpOptions = true, version = "TuneScope " + Versions.TUNESCOPE,
    description = "Explore hyperparameter tuning: cross-validated searches that record train and validation"
        + " scores for every fold of every trial.")
public final class TuneScopeCommand implements Runnable {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(ModelsCommand.class, TuneCommand.class,
      CompareCommand.class, ResumeCommand.class, StudiesCommand.class, ShowCommand.class, ExportCommand.class, DeleteCommand.class,
      GenerateCommand.class, BenchCommand.class, ReportCommand.class, ImportCommand.class, WorkerCommand.class);

  /** Exit code for input the user can fix: a missing file, an unknown column, a bad range, a locked store. */
  public static final int BAD_INPUT = 2;

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    return commandLine(args).execute(args);
  }

  /** The configured command line with every subcommand, with one-line error reporting. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for these arguments: when the first names a subcommand, with that one
   * only. picocli reads the options of every subcommand it is given, which took 0.1 s of a start's CPU
   * for the eleven a run does not use; help, a typo or no subcommand get them all.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new TuneScopeCommand());
    Class<?> named = null;
    for (Class<?> command : SUBCOMMANDS) {
      if (args.length > 0 && command.getAnnotation(Command.class).name().equals(args[0])) {
        named = command;
      }
    }
    for (Class<?> command : named != null ? List.of(named) : SUBCOMMANDS) {
      cli.addSubcommand(command);
    }
    cli.setParameterExceptionHandler((ex, given) -> {
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
    commandLine().usage(System.out);
  }
}
