package org.tunescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tunescope studies}: every stored study, one line each. */
@Command(name = "studies", mixinStandardHelpOptions = true,
    description = "List the stored studies: model, dataset, trials done/planned, best validation score, state.")
final class StudiesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StudyStore store = storeOption.open()) {
      List<StudySummary> studies = store.list();
      if (studies.isEmpty()) {
        out.println("no studies yet (start one with: tunescope tune ...)");
      } else {
        int width = Math.max(5, studies.stream().mapToInt(s -> s.name().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + width + "s  %-20s %-24s %11s %10s  %s%n", "STUDY", "MODEL", "DATASET", "TRIALS",
            "BEST", "STATE");
        for (StudySummary s : studies) {
          String trials = s.done() + "/" + (s.planned().isPresent() ? String.valueOf(s.planned().getAsInt()) : "-");
          String best = s.best().isPresent() ? String.format(Locale.ROOT, "%.4f", s.best().getAsDouble()) : "-";
          String state = s.state().id() + (s.running() > 0 ? " (" + s.running() + ")" : "");
          out.printf(Locale.ROOT, "%-" + width + "s  %-20s %-24s %11s %10s  %s%n", s.name(), s.model(),
              Path.of(s.dataset()).getFileName(), trials, best, state);
        }
      }
    }
    out.flush();
    return 0;
  }
}
