package org.tunescope.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.ImportedTrial;

/**
 * Each imported trial's learning curve as the source recorded it: Optuna's intermediate values (the value
 * reported at each step, an epoch or a number of trees) that its pruner watched. A pruned trial's curve ends
 * at the step where it was stopped, short of the last step the study's trials reached.
 *
 * @param curves   the trials with at least one intermediate value, by number
 * @param lastStep the last step any trial reached
 */
public record IntermediateCurves(List<Curve> curves, long lastStep) {

  /** One trial's curve: its number, state and values by step (in step order). */
  public record Curve(int trial, TrialState state, List<ImportedTrial.Step> steps) {
    public Curve {
      steps = List.copyOf(steps);
    }

    /** Whether it was stopped before the end. */
    public boolean pruned() {
      return state == TrialState.PRUNED;
    }

    /** The last step it reached. */
    public long lastStep() {
      return steps.get(steps.size() - 1).step();
    }
  }

  public IntermediateCurves {
    curves = List.copyOf(curves);
  }

  /** The curves of an imported study's finished trials; empty when no trial of it recorded any. */
  public static Optional<IntermediateCurves> of(ViewedStudy study) {
    Map<Integer, TrialState> states = new HashMap<>();
    study.trials().forEach(t -> states.put(t.number(), t.state()));
    List<Curve> curves = new ArrayList<>();
    long last = 0;
    for (ImportedTrial t : study.extras()) {
      TrialState state = states.get(t.number());
      if (state != null && !t.intermediate().isEmpty()) {
        Curve c = new Curve(t.number(), state, t.intermediate());
        curves.add(c);
        last = Math.max(last, c.lastStep());
      }
    }
    return curves.isEmpty() ? Optional.empty() : Optional.of(new IntermediateCurves(curves, last));
  }

  /** The curve of trial {@code number}, if it has one. */
  public Optional<Curve> of(int number) {
    return curves.stream().filter(c -> c.trial() == number).findFirst();
  }

  /** How many of the curves were pruned. */
  public long prunedCount() {
    return curves.stream().filter(Curve::pruned).count();
  }
}
