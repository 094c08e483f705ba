package org.tunescope.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tunescope.ml.data.generate.TeachingDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunescope generate}: writes a seeded teaching data set as CSV. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a generated teaching data set: moons, circles, xor (classification), sine, line (regression).",
    footer = {"", "Example:", "  tunescope generate moons --rows 400 --noise 0.3 --seed 0 --out moons.csv"})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "moons, circles, xor, sine or line.")
  String kind;

  @Option(names = "--rows", defaultValue = "400", description = "Number of rows (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--noise", defaultValue = "0.2", description = "Standard deviation of the noise (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    TeachingDataset dataset = TeachingDataset.parse(kind);
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      dataset.write(stdout, rows, noise, seed);
      return 0;
    }
    OutFile.check(out, ".csv");
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
      dataset.write(w, rows, noise, seed);
    }
    spec.commandLine().getErr().println("wrote " + rows + " rows of " + dataset.id() + " to " + out);
    return 0;
  }
}
