package org.tunescope.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ResultsFile;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunescope export STUDY}: a stored study's trials as JSON (the shape of {@code tune --out}, with the
 * kept held-out test score as {@code study.test}, and where an imported study came from as {@code study.origin})
 * or CSV.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a stored study's trials as JSON (the same shape as tune --out) or CSV.")
final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see: tunescope studies).")
  String name;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "json or csv (default: from the --out file's extension, else json).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() throws IOException {
    boolean csv = csv();
    if (out != null) {
      OutFile.check(out, ".json or .csv");
    }
    try (StudyStore store = storeOption.open()) {
      StudyRecord r = store.get(name);
      List<Trial> trials = store.trials(name);
      Optional<TestScore> test = store.testScore(name);
      Optional<ImportRecord> origin = store.importRecord(name);
      if (out != null) {
        ResultsFile.write(out, r.info(), trials, Optional.empty(), csv, test, origin);
        spec.commandLine().getErr().println("wrote " + trials.size() + " trials to " + out);
      } else {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (csv) {
          ResultsFile.writeCsv(bytes, r.info(), trials);
        } else {
          ResultsFile.writeJson(bytes, r.info(), trials, Optional.empty(), test, origin);
          bytes.write('\n');
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(bytes.toString(StandardCharsets.UTF_8));
        stdout.flush();
      }
    }
    return 0;
  }

  private boolean csv() {
    if (format == null) {
      return out != null && ResultsFile.isCsv(out);
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> true;
      case "json" -> false;
      default -> throw new IllegalArgumentException("unknown format '" + format + "'; use json or csv");
    };
  }
}
