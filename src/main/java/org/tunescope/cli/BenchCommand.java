package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunescope bench}: the workloads of {@code docs/benchmarks.md}, the same as the scikit-learn and
 * Optuna scripts in {@code ../shared/bench/} run (stratified 5-fold without shuffling, standardised
 * inside the folds), timed from the first trial to the last. Benchmarks are a command, never timed tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a benchmark workload: svm-grid, forest-grid or sample-efficiency.",
    footer = {"", "Example:", "  tunescope bench svm-grid --data sample-datasets/breast_cancer.csv"})
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKLOAD", description = "svm-grid, forest-grid or sample-efficiency.")
  String workload;

  @Option(names = "--data", defaultValue = "sample-datasets/breast_cancer.csv", paramLabel = "FILE",
      description = "The dataset, with a column named target (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--workers", defaultValue = "2", paramLabel = "N",
      description = "Workers of the grids (default: ${DEFAULT-VALUE}); sample efficiency runs on one.")
  int workers;

  @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
      description = "Warm runs of a grid after the cold one (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--methods", defaultValue = "random,bayes", split = ",", paramLabel = "M,M",
      description = "Search methods compared by sample-efficiency (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--trials", defaultValue = "50", paramLabel = "N", description = "Trials per study (default: 50).")
  int trials;

  @Option(names = "--seeds", defaultValue = "5", paramLabel = "N", description = "Seeds 0..N-1 (default: 5).")
  int seeds;

  private PrintWriter out;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    LoadedData loaded = DataLoader.load(data);
    switch (workload) {
      case "svm-grid" -> grid(loaded, "svm", Map.of("kernel", "rbf", "C", "0.01:1000:log", "gamma", "0.0001:10:log"), 10);
      case "forest-grid" -> grid(loaded, "random_forest",
          Map.of("trees", "50,100,200", "max_depth", "2,4,8,16,1000", "max_features", "sqrt,half"), 1);
      case "sample-efficiency" -> sampleEfficiency(loaded);
      default -> throw new IllegalArgumentException("unknown workload '" + workload
          + "'; use svm-grid, forest-grid or sample-efficiency");
    }
    out.flush();
    return 0;
  }

  /** A grid run once cold (the JVM's first) and then {@code runs} times warm. */
  private void grid(LoadedData loaded, String model, Map<String, String> params, int points) {
    out.printf("%s on %s, %d workers, %s%n", model, data.getFileName(), workers, params);
    List<Double> warm = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      // A new study each time: the objective's fold cache is part of what a run pays for.
      PreparedStudy prepared = prepare(loaded, model, params, SearchMethod.GRID, points, Budget.unlimited(), 0);
      StudyResult result = new StudyRunner(workers).run(prepared.study(), prepared.objective(), StudyListener.NONE);
      double seconds = result.elapsed().toNanos() / 1e9;
      Trial best = result.best().orElseThrow();
      out.printf(Locale.ROOT, "%s run: %.2f s, %d trials, best validation accuracy %.4f %s%n",
          run == 0 ? "cold" : "warm", seconds, result.trials().size(), best.validation().mean(), best.params());
      if (run > 0) {
        warm.add(seconds);
      }
      out.flush();
    }
    if (!warm.isEmpty()) {
      out.printf(Locale.ROOT, "warm: best %.2f s, median %.2f s%n", warm.stream().mapToDouble(d -> d).min().orElseThrow(),
          warm.stream().sorted().toList().get(warm.size() / 2));
    }
  }

  /**
   * The SVM problem (C and gamma on log ranges) searched by each method, {@code trials} trials on one
   * worker, seeds 0..seeds-1: the best validation accuracy after 10, 25 and all trials (mean over
   * seeds), and the time the sampler took per trial.
   */
  private void sampleEfficiency(LoadedData loaded) {
    Map<String, String> params = Map.of("kernel", "rbf", "C", "0.01:1000:log", "gamma", "0.0001:10:log");
    int[] checkpoints = {10, 25, trials};
    out.printf("svm on %s, %d trials, seeds 0..%d, 1 worker%n", data.getFileName(), trials, seeds - 1);
    out.printf("%-8s %8s %8s %8s %16s %10s%n", "method", "best@" + checkpoints[0], "best@" + checkpoints[1],
        "best@" + checkpoints[2], "sampler ms/trial", "wall s");
    for (String m : methods) {
      SearchMethod method = SearchMethod.parse(m);
      double[] sums = new double[checkpoints.length];
      long samplerNanos = 0;
      long asks = 0;
      long t0 = System.nanoTime();
      for (int seed = 0; seed < seeds; seed++) {
        PreparedStudy prepared = prepare(loaded, "svm", params, method, 10, Budget.trials(trials), seed);
        Study s = prepared.study();
        TimedSampler timed = new TimedSampler(s.sampler());
        Study study = new Study(s.name(), s.metric(), s.direction(), s.space(), timed, s.budget(), s.seed());
        StudyResult result = new StudyRunner(1).run(study, prepared.objective(), StudyListener.NONE);
        for (int c = 0; c < checkpoints.length; c++) {
          final int k = checkpoints[c];
          // Only full evaluations count: successive halving's partial scores are not comparable.
          sums[c] += result.trials().stream().filter(t -> t.number() < k).filter(Trial::isComplete)
              .mapToDouble(t -> t.validation().mean()).max().orElse(Double.NaN);
        }
        samplerNanos += timed.nanos.get();
        asks += timed.asks.get();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "%-8s %8.4f %8.4f %8.4f %16.3f %10.1f%n", method.id(), sums[0] / seeds, sums[1] / seeds,
          sums[2] / seeds, samplerNanos / 1e6 / Math.max(1, asks), wall);
      out.flush();
    }
  }

  private PreparedStudy prepare(LoadedData loaded, String model, Map<String, String> params, SearchMethod method,
      int points, Budget budget, long seed) {
    TuningSetup setup = new TuningSetup(ModelCatalog.standard());
    ModelSpec spec = setup.findModel(model, Task.CLASSIFICATION);
    Map<String, Distribution> ranges = new LinkedHashMap<>();
    // In the model's declared order, so conditional parameters follow their parents.
    spec.hyperParameters().stream().filter(h -> params.containsKey(h.name()))
        .forEach(h -> ranges.put(h.name(), DistributionParser.parse(h, params.get(h.name()))));
    TuningRequest request = TuningRequest.builder("bench-" + workload, "target", model)
        .task(Optional.of(Task.CLASSIFICATION)).ranges(ranges).fixOthers(true).metric(Optional.of("accuracy"))
        .search(method).gridPoints(points).budget(budget).seed(seed).build();
    return setup.prepare(request, loaded.table(), data, loaded.sha256());
  }

  /** Counts the time a sampler spends choosing parameters: the search method's own overhead per trial. */
  private static final class TimedSampler implements Sampler {
    private final Sampler inner;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong asks = new AtomicLong();

    TimedSampler(Sampler inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Map<String, Object>> sample(int number, List<Trial> finished,
        List<org.tunescope.engine.study.RunningTrial> running) {
      long t0 = System.nanoTime();
      try {
        return inner.sample(number, finished, running);
      } finally {
        nanos.addAndGet(System.nanoTime() - t0);
        asks.incrementAndGet();
      }
    }

    @Override
    public boolean watchesRunning() {
      return inner.watchesRunning();
    }

    @Override
    public double budget(int number) {
      return inner.budget(number);
    }

    @Override
    public OptionalInt size() {
      return inner.size();
    }

    @Override
    public String name() {
      return inner.name();
    }
  }
}
