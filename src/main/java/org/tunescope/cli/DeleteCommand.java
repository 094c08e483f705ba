package org.tunescope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunescope delete STUDY}: removes a study and its trials from the store. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored study and its trials.")
final class DeleteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see: tunescope studies).")
  String name;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StudyStore store = storeOption.open()) {
      int trials = store.trials(name).size();
      if (!store.delete(name)) {
        throw StoreException.unknownStudy(name);
      }
      out.printf("deleted study %s and its %d trials%n", name, trials);
    }
    out.flush();
    return 0;
  }
}
