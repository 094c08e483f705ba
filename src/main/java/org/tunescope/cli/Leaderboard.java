package org.tunescope.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.tuning.CrossValidatedObjective;

/** The ranked table of a study's best trials that {@code tune}, {@code resume} and {@code show} print. */
final class Leaderboard {

  static final int SIZE = 10;

  private Leaderboard() {
  }

  /**
   * Prints the heading line (trials, time, how many complete, why the run stopped) and the best trials.
   *
   * @param metric the study's metric, named with its direction above the table
   * @param varied the parameters to show: the ones the search varies
   */
  static void print(PrintWriter out, List<Trial> trials, String metric, Direction direction,
                    Optional<Duration> elapsed, Optional<String> stopReason, Set<String> varied, int size) {
    List<Trial> ranked = StudyResult.ranked(trials, direction);
    long pruned = trials.stream().filter(t -> t.state() == org.tunescope.engine.study.TrialState.PRUNED).count();
    long notComplete = trials.size() - ranked.size() - pruned;
    out.printf("%n%d trials%s (%d complete%s%s)%s%n", trials.size(),
        elapsed.map(e -> " in " + ProgressPrinter.clock(e.toMillis() / 1000.0)).orElse(""), ranked.size(),
        pruned > 0 ? ", " + pruned + " pruned at a partial budget" : "",
        notComplete > 0 ? ", " + notComplete + " failed or interrupted" : "",
        stopReason.map(r -> "; stopped: " + r).orElse(""));
    if (ranked.isEmpty()) {
      trials.stream().filter(t -> t.error().isPresent()).findFirst()
          .ifPresent(t -> out.println("no trial completed; trial " + t.number() + " failed: " + t.error().get()));
      return;
    }
    // The metric and its direction, and the gap's sign: for an error metric the gap is validation minus
    // train, so that a positive gap means "worse on unseen rows" whatever the metric.
    out.printf("%n%s; gap = %s, positive when validation is worse%n", direction.label(metric),
        direction == Direction.MAXIMIZE ? "train - validation" : "validation - train");
    // The round early stopping chose, only when some trial shown has one: most studies do not stop early.
    List<Trial> shown = ranked.subList(0, Math.min(size, ranked.size()));
    boolean rounds = shown.stream().anyMatch(t -> t.attributes().containsKey(CrossValidatedObjective.BEST_ROUND));
    out.printf("%4s %5s  %-17s %-17s %8s %7s%s  %s%n", "rank", "trial", "train mean±std", "valid mean±std", "gap",
        "fit s", rounds ? String.format("%11s", "best_round") : "", "params");
    for (int i = 0; i < shown.size(); i++) {
      Trial t = shown.get(i);
      Double round = t.attributes().get(CrossValidatedObjective.BEST_ROUND);
      out.printf(Locale.ROOT, "%4d %5d  %-17s %-17s %8.4f %7.2f%s  %s%n", i + 1, t.number(),
          meanStd(t.train().mean(), t.train().std()), meanStd(t.validation().mean(), t.validation().std()),
          t.gap(direction), t.fitSeconds(),
          !rounds ? "" : String.format("%11s", round == null ? "" : String.valueOf(Math.round(round))),
          formatParams(t.params(), varied));
    }
    List<Trial> failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).toList();
    if (!failed.isEmpty()) {
      Trial first = failed.get(0);
      out.printf("%d trials failed; the first (trial %d): %s%n", failed.size(), first.number(),
          first.error().orElse(""));
    }
  }

  /** The parameters that take more than one value across the trials. */
  static Set<String> varied(List<Trial> trials) {
    Map<String, Set<Object>> values = new java.util.HashMap<>();
    for (Trial t : trials) {
      t.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>()).add(String.valueOf(v)));
    }
    return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static String meanStd(double mean, double std) {
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, std);
  }

  static String formatParams(Map<String, Object> params, Set<String> varied) {
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> {
      if (varied.contains(k)) {
        parts.add(k + "=" + (v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v));
      }
    });
    return String.join(" ", parts);
  }
}
