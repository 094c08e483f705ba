package org.tunescope.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunescope models}: the catalog with each model's hyperparameters and default ranges. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List the models and their hyperparameters (default search range, default value, meaning).")
final class ModelsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--task", description = "Only models for this task: classification or regression.")
  String task;

  @Option(names = "--brief", description = "One line per model, without hyperparameters.")
  boolean brief;

  /** Accepted like on every command; the catalog does not need the store. */
  @picocli.CommandLine.Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Task> only = Optional.ofNullable(task).map(Task::parse);
    ModelCatalog catalog = ModelCatalog.standard();
    for (Task t : Task.values()) {
      if (only.isPresent() && only.get() != t) {
        continue;
      }
      out.println(t.id().toUpperCase(java.util.Locale.ROOT));
      for (ModelSpec m : catalog.forTask(t)) {
        out.printf("  %-20s %s. %s%n", m.id(), m.name(), m.description());
        if (brief) {
          continue;
        }
        for (HyperParameter h : m.hyperParameters()) {
          String when = h.condition().map(c -> "  (when " + c.parent() + " = "
              + String.join("|", c.values().stream().map(String::valueOf).sorted().toList()) + ")").orElse("");
          out.printf("      %-16s %-28s default %-10s %s%s%n", h.name(),
              DistributionParser.format(h.defaultSearch()), h.defaultValue(), h.meaning(), when);
        }
      }
      out.println();
    }
    out.flush();
    return 0;
  }
}
