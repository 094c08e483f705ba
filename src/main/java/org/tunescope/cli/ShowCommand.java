package org.tunescope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.Provenance;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunescope show STUDY}: a stored study's provenance, held-out test score and leaderboard. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a stored study: its data, model, search and versions, its held-out test score and its"
        + " best trials.")
final class ShowCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see: tunescope studies).")
  String name;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Trials in the leaderboard (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StudyStore store = storeOption.open()) {
      StudyRecord r = store.get(name);
      List<Trial> trials = store.trials(name);
      StudySummary summary = store.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
      StudyInfo i = r.info();
      Provenance p = r.provenance();
      out.printf("study     %s (%s)%n", i.name(), summary.state().id());
      out.printf("model     %s, %s%n", i.model(), i.task());
      out.printf("data      %s (%d rows, %d features, target %s)%n", i.dataset(), i.rows(), i.features(), i.target());
      out.printf("sha256    %s%n", i.sha256());
      out.printf("search    %s%s, seed %d; %s; metric %s (%s)%n", i.search(),
          i.search().equals("grid") ? " of " + i.gridPoints() + " points per range" : "", i.seed(), i.foldMethod(),
          i.metric(), i.direction());
      out.printf("space     %s%n", String.join("  ", i.space().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).toList()));
      long interrupted = trials.stream().filter(t -> t.state() == TrialState.INTERRUPTED).count();
      out.printf("trials    %d done of %s%s%s%s%n", summary.done(),
          r.plannedTrials().isPresent() ? String.valueOf(r.plannedTrials().getAsInt()) : "an open number",
          r.request().maxTime().map(t -> ", time budget " + ProgressPrinter.clock(t.toMillis() / 1000.0)).orElse(""),
          summary.running() > 0 ? ", " + summary.running() + " running" : "",
          interrupted > 0 ? ", " + interrupted + " interrupted (resume runs them again)" : "");
      Optional<TestScore> test = store.testScore(name);
      if (test.isPresent()) {
        TestScore t = test.get();
        Optional<Trial> best = StudyResult.best(trials, Direction.of(i.direction()));
        out.printf(Locale.ROOT, "test      %s %.4f on %d held-out rows (fraction %s, seed %d); trial %d refitted on %d"
                + " rows, cv %.4f, cv minus test %+.4f%s%n", t.metric(), t.test(), t.testRows(), t.fraction(),
            t.seed(), t.trial(), t.tuningRows(), t.validation(), t.optimism(),
            best.isPresent() && best.get().number() != t.trial()
                ? "; trial " + best.get().number() + " is best now and has no test score yet" : "");
      } else if (r.request().testFraction().isPresent()) {
        out.printf(Locale.ROOT, "test      fraction %s of the rows held out; no test score kept yet%n",
            r.request().testFraction().getAsDouble());
      }
      out.printf(Locale.ROOT, "made with TuneScope %s, Smile %s, Java %s, %d cores; created %s%s%n",
          p.tunescopeVersion(), p.smileVersion(), p.javaVersion(), p.cores(), p.created(),
          r.finished().map(f -> ", finished " + f).orElse(""));
      Leaderboard.print(out, trials, i.metric(), Direction.of(i.direction()), Optional.empty(),
          Optional.empty(), Leaderboard.varied(trials), top);
    }
    out.flush();
    return 0;
  }
}
