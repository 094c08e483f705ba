package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

class GeneticSamplerTest {

  @Test
  void sameSeedAndHistoryGiveTheSameTrials() {
    List<Trial> a = Samplers.run(new GeneticSampler(Samplers.MIXED, Direction.MAXIMIZE, 3), 60, Samplers::svmLikeMixed);
    List<Trial> b = Samplers.run(new GeneticSampler(Samplers.MIXED, Direction.MAXIMIZE, 3), 60, Samplers::svmLikeMixed);
    assertEquals(a.stream().map(Trial::params).toList(), b.stream().map(Trial::params).toList());
  }

  @Test
  void childrenStayInTheSpaceAndDoNotRepeatTrials() {
    List<Trial> trials = Samplers.run(new GeneticSampler(Samplers.MIXED, Direction.MAXIMIZE, 1), 150,
        Samplers::svmLikeMixed);
    for (Trial t : trials) {
      Samplers.assertInSpace(Samplers.MIXED, t.params());
    }
    assertEquals(150, new HashSet<>(trials.stream().map(Trial::params).toList()).size());
  }

  @Test
  void evolvesTowardsTheOptimumFasterThanRandomSearch() {
    double genetic = 0;
    double random = 0;
    for (long seed = 0; seed < 10; seed++) {
      genetic += Samplers.bestOfFirst(
          Samplers.run(new GeneticSampler(Samplers.SVM, Direction.MAXIMIZE, seed), 60, Samplers::svmLike), 60);
      random += Samplers.bestOfFirst(Samplers.run(new RandomSampler(Samplers.SVM, seed), 60, Samplers::svmLike), 60);
    }
    assertTrue(genetic > random, "mean best: genetic " + genetic / 10 + ", random " + random / 10);
  }
}
