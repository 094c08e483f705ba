package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

class HyperbandSamplerTest {

  private static final double EPS = 1e-12;

  private static StudyResult run(long seed, int trials) {
    Study study = new Study("hyperband", "score", Direction.MAXIMIZE, Samplers.SVM,
        new HyperbandSampler(Samplers.SVM, Direction.MAXIMIZE, seed), Budget.trials(trials), seed);
    return new StudyRunner(1).run(study, HalvingSamplerTest.PARTIAL, StudyListener.NONE);
  }

  @Test
  void bracketsStartAtEachRungAndShareTheTrialsAsHyperbandDoes() {
    HyperbandSampler sampler = new HyperbandSampler(Samplers.SVM, Direction.MAXIMIZE, 0);
    assertArrayEquals(new double[] {1 / 9.0, 1 / 3.0, 1}, sampler.startBudgets(), EPS);
    // 9 configurations at 1/9, 3 at 1/3, 1 at 1; 5 at 1/3 and 1 at 1; 3 at 1.
    assertArrayEquals(new int[] {13, 6, 3}, HyperbandSampler.evaluationsPerBracket(3, 3));
    assertArrayEquals(new int[] {81 + 27 + 9 + 3 + 1, 34 + 11 + 3 + 1, 15 + 5 + 1, 8 + 2, 5},
        HyperbandSampler.evaluationsPerBracket(3, 5));
    int[] counts = new int[3];
    for (int n = 0; n < 22; n++) {
      counts[sampler.bracket(n)]++;
    }
    assertArrayEquals(new int[] {13, 6, 3}, counts);
    // Interleaved: the first few trials already visit every bracket.
    assertEquals(3, java.util.stream.IntStream.range(0, 8).map(sampler::bracket).distinct().count());
  }

  @Test
  void everyBracketRunsAndStartsItsConfigurationsAtItsBudget() {
    StudyResult result = run(3, 66);
    HyperbandSampler sampler = new HyperbandSampler(Samplers.SVM, Direction.MAXIMIZE, 3);
    double[] start = sampler.startBudgets();
    double[] spent = new double[3];
    int[] complete = new int[3];
    for (Trial t : result.trials()) {
      int b = sampler.bracket(t.number());
      spent[b] += t.budget();
      complete[b] += t.isComplete() ? 1 : 0;
      assertEquals(t.budget() < 1, t.state() == TrialState.PRUNED, "partial evaluations end pruned: " + t);
      boolean firstSeen = result.trials().stream()
          .noneMatch(p -> p.number() < t.number() && p.params().equals(t.params()));
      if (firstSeen) {
        assertEquals(start[b], t.budget(), EPS, "a new configuration starts at its bracket's budget: " + t);
      }
    }
    for (int b = 0; b < 3; b++) {
      assertTrue(complete[b] >= 1, "bracket " + b + " brings configurations to the full budget");
    }
    // About the same compute in each bracket, as in Hyperband.
    double mean = (spent[0] + spent[1] + spent[2]) / 3;
    for (int b = 0; b < 3; b++) {
      assertTrue(spent[b] > 0.5 * mean && spent[b] < 1.5 * mean, java.util.Arrays.toString(spent));
    }
  }

  @Test
  void onlyTheTopThirdOfARungIsPromotedWithinItsBracket() {
    StudyResult result = run(11, 88);
    HyperbandSampler sampler = new HyperbandSampler(Samplers.SVM, Direction.MAXIMIZE, 11);
    int promotions = 0;
    for (Trial t : result.trials()) {
      int b = sampler.bracket(t.number());
      if (t.budget() <= sampler.startBudgets()[b] + EPS) {
        continue;
      }
      promotions++;
      double lower = t.budget() / 3;
      // The rung it came from, in its own bracket, as it stood when the promotion was decided (one worker).
      List<Trial> rung = result.trials().stream()
          .filter(p -> p.number() < t.number() && sampler.bracket(p.number()) == b)
          .filter(p -> Math.abs(p.budget() - lower) < EPS).toList();
      Trial source = rung.stream().filter(p -> p.params().equals(t.params())).findFirst().orElseThrow();
      long better = rung.stream().filter(p -> p.validation().mean() > source.validation().mean()).count();
      assertTrue(better < rung.size() / 3, "trial " + t.number() + " promoted from rank " + better + " of " + rung.size());
    }
    assertTrue(promotions >= 5, promotions + " promotions");
  }

  @Test
  void sameSeedSameStudy() {
    StudyResult a = run(7, 40);
    StudyResult b = run(7, 40);
    assertEquals(a.trials().stream().map(Trial::params).toList(), b.trials().stream().map(Trial::params).toList());
    assertEquals(a.trials().stream().map(Trial::budget).toList(), b.trials().stream().map(Trial::budget).toList());
    List<Map<String, Object>> other = run(8, 40).trials().stream().map(Trial::params).toList();
    assertTrue(!other.equals(a.trials().stream().map(Trial::params).toList()), "another seed, another study");
  }

  @Test
  void isTheHyperbandSearchMethod() {
    Sampler sampler = SearchMethod.parse("hyperband").sampler(Samplers.SVM, Direction.MAXIMIZE, 0, 5);
    assertTrue(sampler instanceof HyperbandSampler);
    assertEquals("hyperband", sampler.name());
  }
}
