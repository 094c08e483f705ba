package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Objective;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

class HalvingSamplerTest {

  /** The SVM-like surface, blurred by less data: a partial budget scores lower and noisier, as in life. */
  static final Objective PARTIAL = (params, ctx) -> {
    double score = Samplers.svmLike(params) - 0.5 * (1 - ctx.budget());
    List<FoldScore> folds = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      folds.add(new FoldScore(score + 0.1, score + 0.01 * f));
    }
    return folds;
  };

  private static StudyResult run(long seed, int trials) {
    Study study = new Study("halving", "score", Direction.MAXIMIZE, Samplers.SVM,
        new HalvingSampler(Samplers.SVM, Direction.MAXIMIZE, seed), Budget.trials(trials), seed);
    return new StudyRunner(1).run(study, PARTIAL, StudyListener.NONE);
  }

  @Test
  void budgetsAreThirdsUpToTheFullEvaluation() {
    assertArrayEquals(new double[] {1 / 9.0, 1 / 3.0, 1}, new HalvingSampler(Samplers.SVM, Direction.MAXIMIZE, 0).budgets(),
        1e-12);
  }

  @Test
  void partialEvaluationsArePrunedWithTheirScoresAndTheBestArePromoted() {
    StudyResult result = run(4, 60);
    assertEquals(60, result.trials().size());
    List<Trial> pruned = result.trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
    List<Trial> complete = result.trials().stream().filter(Trial::isComplete).toList();
    assertTrue(pruned.size() > complete.size(), pruned.size() + " pruned, " + complete.size() + " complete");
    assertTrue(complete.size() >= 2, "some configurations reach the full budget");
    for (Trial t : pruned) {
      assertTrue(t.budget() < 1);
      assertEquals(3, t.folds().size(), "a pruned trial keeps its partial fold scores");
      assertEquals(Samplers.svmLike(t.params()) - 0.5 * (1 - t.budget()), t.validation().mean(), 0.02);
    }
    for (Trial t : complete) {
      assertEquals(1.0, t.budget());
      // A full evaluation is a promotion: the same configuration was evaluated at 1/3 before, and at 1/9.
      assertTrue(result.trials().stream().anyMatch(p -> p.number() < t.number() && p.params().equals(t.params())
          && Math.abs(p.budget() - 1 / 3.0) < 1e-12));
    }
    // Promoted configurations are among the best of their rung.
    List<Trial> lowest = result.trials().stream().filter(t -> t.budget() < 0.2).toList();
    double median = lowest.stream().mapToDouble(t -> t.validation().mean()).sorted().toArray()[lowest.size() / 2];
    for (Trial t : complete) {
      assertTrue(Samplers.svmLike(t.params()) - 0.5 * (1 - 1 / 9.0) > median);
    }
  }

  @Test
  void aConfigurationAnotherWorkerRunsAtTheNextRungIsNotPromotedTwice() {
    // Nine configurations evaluated at 1/9: the best third (three) earn 1/3. Two machines, each with a sampler
    // of its own, ask at once; the second sees the first's promotion only as a running trial.
    List<Trial> rung0 = new ArrayList<>();
    RandomSampler configurations = new RandomSampler(Samplers.SVM, 5);
    for (int n = 0; n < 9; n++) {
      Map<String, Object> p = configurations.sample(n, List.of()).orElseThrow();
      double score = Samplers.svmLike(p);
      rung0.add(new Trial(n, TrialState.PRUNED, p, List.of(new FoldScore(score, score)), n, 0, 0,
          java.util.Optional.empty(), java.time.Instant.EPOCH, 1 / 9.0));
    }
    HalvingSampler first = new HalvingSampler(Samplers.SVM, Direction.MAXIMIZE, 5);
    Map<String, Object> promotedByFirst = first.sample(9, rung0).orElseThrow();
    assertEquals(1 / 3.0, first.budget(9), 1e-12);
    RunningTrial running = new RunningTrial(9, promotedByFirst, 1 / 3.0);

    HalvingSampler second = new HalvingSampler(Samplers.SVM, Direction.MAXIMIZE, 5);
    assertEquals(promotedByFirst, new HalvingSampler(Samplers.SVM, Direction.MAXIMIZE, 5).sample(10, rung0)
        .orElseThrow(), "blind to the running trial, it would promote the same configuration");
    Map<String, Object> promotedBySecond = second.sample(10, rung0, List.of(running)).orElseThrow();
    assertEquals(1 / 3.0, second.budget(10), 1e-12);
    assertTrue(!promotedBySecond.equals(promotedByFirst), "the next best instead");
    assertTrue(rung0.stream().anyMatch(t -> t.params().equals(promotedBySecond)));
  }

  @Test
  void sameSeedSameStudy() {
    List<Map<String, Object>> a = run(7, 40).trials().stream().map(Trial::params).toList();
    List<Map<String, Object>> b = run(7, 40).trials().stream().map(Trial::params).toList();
    assertEquals(a, b);
    assertEquals(run(7, 40).trials().stream().map(Trial::budget).toList(),
        run(7, 40).trials().stream().map(Trial::budget).toList());
  }
}
