package org.tunescope.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tunescope.app.StudyRun;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TestScore;
import org.tunescope.store.ComparisonRecord;

/**
 * A run of a new comparison's studies, one after another, each through its {@link StudyRun}: run, finish,
 * held-out score. {@link #cancel} (from any thread) stops the study running and starts no other.
 */
public final class ComparisonRun {

  private final ComparisonRecord comparison;
  private final List<StudyRun> runs;
  private volatile boolean cancelled;
  private volatile StudyRun current;

  ComparisonRun(ComparisonRecord comparison, List<StudyRun> runs) {
    this.comparison = comparison;
    this.runs = List.copyOf(runs);
  }

  public ComparisonRecord comparison() {
    return comparison;
  }

  /** The studies' runs, in the order they go. */
  public List<StudyRun> runs() {
    return runs;
  }

  /**
   * Runs the studies on the calling thread, one after another, until all met their budget or one stopped
   * (cancelled, failed); a study's held-out score is computed as soon as it ends.
   *
   * @param listeners the listener of each study's run
   * @return what each study that ran came to, in order
   */
  public List<Outcome> run(Function<StudyRun, StudyListener> listeners) {
    List<Outcome> outcomes = new ArrayList<>();
    for (StudyRun run : runs) {
      if (cancelled) {
        break;
      }
      current = run;
      StudyResult result = run.run(listeners.apply(run));
      run.finish(result);
      Optional<TestScoreKeeper.Scored> test = run.scoreHeldOut(result);
      outcomes.add(new Outcome(run, result, test.map(TestScoreKeeper.Scored::score),
          test.flatMap(TestScoreKeeper.Scored::notKept)));
      if (result.stopReason().isPresent()) {
        break;
      }
    }
    current = null;
    return outcomes;
  }

  /** Stops the running study (its finished trials are kept) and starts no other. */
  public void cancel() {
    cancelled = true;
    StudyRun running = current;
    if (running != null) {
      running.cancel();
    }
  }

  /**
   * What one study of the comparison came to.
   *
   * @param test    the held-out score of its best trial, when the study holds rows out
   * @param notKept why the store did not keep that score, when it did not (said as {@code tune} says it)
   */
  public record Outcome(StudyRun run, StudyResult result, Optional<TestScore> test, Optional<String> notKept) {
  }
}
