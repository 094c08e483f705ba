package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Trial;

/**
 * A seeded study draws exactly the values it drew before the scale type took over the samplers'
 * mapping: the digests below were taken from the code as it was (every double printed in full).
 */
class SeededDrawsTest {

  private static String digest(Sampler sampler, int n) {
    List<Map<String, Object>> params = Samplers.run(sampler, n, Samplers::svmLikeMixed).stream()
        .map(Trial::params).toList();
    return params.get(0) + " #" + Integer.toHexString(params.toString().hashCode());
  }

  @Test
  void randomSobolTpeAndGeneticDrawWhatTheyDrewBefore() {
    assertEquals("{kernel=linear, C=65.60565307941468, alpha=-0.16493086454078032, trees=15, depth=1, tol=0.001} #604b3983",
        digest(new RandomSampler(Samplers.MIXED, 7), 60));
    assertEquals("{kernel=linear, C=10.412543895757986, alpha=0.9398633468257387, trees=36, depth=2, tol=0.001} #fa8a2169",
        digest(new SobolSampler(Samplers.MIXED, 7), 60));
    assertEquals("{kernel=linear, C=65.60565307941468, alpha=-0.16493086454078032, trees=15, depth=1, tol=0.001} #62a168a4",
        digest(new TpeSampler(Samplers.MIXED, Direction.MAXIMIZE, 7), 60));
    assertEquals("{kernel=linear, C=65.60565307941468, alpha=-0.16493086454078032, trees=15, depth=1, tol=0.001} #ff285093",
        digest(new GeneticSampler(Samplers.MIXED, Direction.MAXIMIZE, 7), 60));
  }

  @Test
  void gridTriesWhatItTriedBefore() {
    assertEquals("{kernel=linear, C=0.01, alpha=-1.0, trees=19, depth=2, tol=0.001} #f2c51e12",
        new GridSampler(Samplers.MIXED, 7).points().get(5) + " #"
        + Integer.toHexString(new GridSampler(Samplers.MIXED, 7).points().toString().hashCode()));
  }
}
