package org.tunescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunescope.app.importer.ImportSummary;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunescope import}: copies studies made by other tools into the store, where every other command
 * (show, export, report) works on them. Importing the same source again updates the study.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import studies made by other tools: an Optuna storage or scikit-learn's cv_results_.",
    subcommands = {ImportCommand.Optuna.class, ImportCommand.CvResultsFile.class})
final class ImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: say what to import: tunescope import optuna STORAGE, or tunescope import cv-results FILE.csv");
    err.flush();
    return TuneScopeCommand.BAD_INPUT;
  }

  /** {@code tunescope import optuna STORAGE}: one study of an Optuna storage, or all of them. */
  @Command(name = "optuna", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Import a study (or every study) of an Optuna storage: an SQLite file, sqlite:///FILE, or a"
          + " PostgreSQL database (postgresql://user@host:port/db; the password from PGPASSWORD or ~/.pgpass)."
          + " Importing it again adds the trials run since.")
  static final class Optuna implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "STORAGE", description = "The Optuna storage: a .db file, sqlite:///FILE or"
        + " postgresql://user@host:port/db.")
    String storage;

    @Option(names = "--study", paramLabel = "NAME", description = "The study to import (default: every study).")
    String study;

    @Option(names = "--objective", paramLabel = "K", defaultValue = "0",
        description = "Which objective the trials show, from 0 (default: ${DEFAULT-VALUE}).")
    int objective;

    @Option(names = "--name", paramLabel = "NAME", description = "The study's name in TuneScope (with --study;"
        + " default: its Optuna name).")
    String name;

    @Mixin
    StoreOption storeOption = new StoreOption();

    @Override
    public Integer call() {
      try (StudyStore store = storeOption.open()) {
        List<ImportSummary> done = new StudyImporter(store).importOptuna(storage, Optional.ofNullable(study),
            objective, Optional.ofNullable(name));
        PrintWriter out = spec.commandLine().getOut();
        for (ImportSummary s : done) {
          out.println(s.describe());
          if (s.origin().objectives().size() > 1) {
            out.println(s.objectivesLine("--objective K"));
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  /** {@code tunescope import cv-results FILE.csv}: a scikit-learn search's cv_results_. */
  @Command(name = "cv-results", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Import a scikit-learn search's cv_results_ saved with"
          + " pandas.DataFrame(search.cv_results_).to_csv(FILE).")
  static final class CvResultsFile implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The cv_results_ CSV file.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "The study's name (default: the file's name).")
    String name;

    @Option(names = "--metric", paramLabel = "NAME",
        description = "The metric the trials show, for a search that scored several.")
    String metric;

    @Mixin
    StoreOption storeOption = new StoreOption();

    @Override
    public Integer call() {
      try (StudyStore store = storeOption.open()) {
        ImportSummary s = new StudyImporter(store).importCvResults(file, Optional.ofNullable(name),
            Optional.ofNullable(metric));
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.describe());
        if (s.origin().objectives().size() > 1) {
          out.println(s.objectivesLine("--metric NAME"));
        }
        out.flush();
      }
      return 0;
    }
  }
}
