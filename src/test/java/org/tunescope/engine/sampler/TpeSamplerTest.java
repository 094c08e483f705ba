package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

class TpeSamplerTest {

  @Test
  void sameSeedAndHistoryGiveTheSameTrials() {
    List<Trial> a = Samplers.run(new TpeSampler(Samplers.MIXED, Direction.MAXIMIZE, 3), 40, Samplers::svmLikeMixed);
    List<Trial> b = Samplers.run(new TpeSampler(Samplers.MIXED, Direction.MAXIMIZE, 3), 40, Samplers::svmLikeMixed);
    assertEquals(a.stream().map(Trial::params).toList(), b.stream().map(Trial::params).toList());
    // Asked alone with the same history, trial 30 is the same.
    assertEquals(a.get(30).params(),
        new TpeSampler(Samplers.MIXED, Direction.MAXIMIZE, 3).sample(30, a.subList(0, 30)).orElseThrow());
  }

  @Test
  void startsLikeRandomSearchWithTheSameSeed() {
    List<Trial> tpe = Samplers.run(new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, 8), 10, Samplers::svmLike);
    List<Trial> random = Samplers.run(new RandomSampler(Samplers.SVM, 8), 10, Samplers::svmLike);
    assertEquals(random.stream().map(Trial::params).toList(), tpe.stream().map(Trial::params).toList());
  }

  @Test
  void valuesStayInTheirRangesAndConditionsHold() {
    for (Trial t : Samplers.run(new TpeSampler(Samplers.MIXED, Direction.MAXIMIZE, 1), 80, Samplers::svmLikeMixed)) {
      Samplers.assertInSpace(Samplers.MIXED, t.params());
    }
  }

  @Test
  void twoWorkersAskingWithTheSameHistoryGetDifferentPoints() {
    TpeSampler sampler = new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, 2);
    List<Trial> history = Samplers.run(sampler, 20, Samplers::svmLike);
    Map<String, Object> first = sampler.sample(20, history).orElseThrow();
    Map<String, Object> second = sampler.sample(21, history).orElseThrow();
    assertNotEquals(first, second);
  }

  @Test
  void aTrialAskedWhileAnotherRunsIsSentAwayFromIt() {
    // Two workers share one sampler: trial n is running (asked, not finished) when trial n + 1 is asked
    // with the same history. The running point counts as a bad one, so the second lands elsewhere.
    int closeWithoutLiar = 0;
    for (int n : new int[] {20, 45}) {
      for (long seed = 0; seed < 10; seed++) {
        List<Trial> history = Samplers.run(new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, seed), n, Samplers::svmLike);
        TpeSampler shared = new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, seed);
        Map<String, Object> running = shared.sample(n, history).orElseThrow();
        Map<String, Object> next = shared.sample(n + 1, history).orElseThrow();
        assertTrue(distance(running, next) > 0.08, "seed " + seed + ", " + n + " trials: " + running + " and " + next);
        // What the same ask gives when nothing runs: often next to the first point.
        Map<String, Object> alone = new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, seed).sample(n + 1, history)
            .orElseThrow();
        closeWithoutLiar += distance(running, alone) < 0.05 ? 1 : 0;
      }
    }
    assertTrue(closeWithoutLiar > 0, "without the liar some asks land next to the running point");
  }

  @Test
  void aFinishedTrialIsNoLongerALie() {
    // One worker: each trial finishes before the next is asked, so a shared sampler answers as a fresh one.
    TpeSampler shared = new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, 5);
    List<Trial> history = Samplers.run(shared, 30, Samplers::svmLike);
    assertEquals(new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, 5).sample(30, history).orElseThrow(),
        shared.sample(30, history).orElseThrow());
    // Asked again for the same number (a resumed trial), it gives the same point, not one away from itself.
    assertEquals(shared.sample(30, history).orElseThrow(), shared.sample(30, history).orElseThrow());
  }

  /** Distance in the unit square of the SVM space (each log range scaled to [0, 1]). */
  private static double distance(Map<String, Object> a, Map<String, Object> b) {
    double c = (Math.log10((Double) a.get("C")) - Math.log10((Double) b.get("C"))) / 5;
    double g = (Math.log10((Double) a.get("gamma")) - Math.log10((Double) b.get("gamma"))) / 5;
    return Math.hypot(c, g);
  }

  @Test
  void beatsRandomSearchOnTheSvmLikeSurfaceOverSeeds() {
    double tpe = 0;
    double random = 0;
    int wins = 0;
    for (long seed = 0; seed < 10; seed++) {
      double t = Samplers.bestOfFirst(
          Samplers.run(new TpeSampler(Samplers.SVM, Direction.MAXIMIZE, seed), 50, Samplers::svmLike), 50);
      double r = Samplers.bestOfFirst(Samplers.run(new RandomSampler(Samplers.SVM, seed), 50, Samplers::svmLike), 50);
      tpe += t / 10;
      random += r / 10;
      wins += t > r ? 1 : 0;
    }
    assertTrue(tpe > random, "mean best: TPE " + tpe + ", random " + random);
    assertTrue(wins >= 7, "TPE better on " + wins + " of 10 seeds");
  }

  @Test
  void minimisingLooksForTheLowestScore() {
    double tpe = 0;
    double random = 0;
    for (long seed = 0; seed < 5; seed++) {
      tpe += Samplers.run(new TpeSampler(Samplers.SVM, Direction.MINIMIZE, seed), 40, p -> -Samplers.svmLike(p))
          .stream().mapToDouble(t -> t.validation().mean()).min().orElseThrow();
      random += Samplers.run(new RandomSampler(Samplers.SVM, seed), 40, p -> -Samplers.svmLike(p))
          .stream().mapToDouble(t -> t.validation().mean()).min().orElseThrow();
    }
    assertTrue(tpe < random, "TPE " + tpe / 5 + ", random " + random / 5);
  }
}
