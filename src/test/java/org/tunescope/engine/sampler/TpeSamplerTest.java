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
