package org.tunescope.engine.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.Trial;

/**
 * Independent random draws: uniform, or log-uniform on log ranges. Trial n draws from its own generator
 * seeded by (seed, n), so the sequence is the same whichever worker asks and a resumed study continues it.
 */
public final class RandomSampler implements Sampler {

  private static final long STREAM = 0x5A4D;

  private final SearchSpace space;
  private final long seed;

  public RandomSampler(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
  }

  @Override
  public Optional<Map<String, Object>> sample(int number, List<Trial> finished) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed ^ STREAM, number));
    Map<String, Object> chosen = new LinkedHashMap<>();
    for (SearchParameter p : space.parameters()) {
      if (p.isActive(chosen)) {
        chosen.put(p.name(), draw(p.distribution(), random));
      }
    }
    return Optional.of(chosen);
  }

  @Override
  public String name() {
    return "random";
  }

  /**
   * One random value of a distribution. Choices and linear integers draw an index and a range of one value
   * draws nothing, as they always have, so that a seeded study draws what it drew before.
   */
  private static Object draw(Distribution d, SplittableRandom random) {
    if (d instanceof Distribution.Choice c) {
      return c.values().get(random.nextInt(c.values().size()));
    }
    if (d instanceof Distribution.IntRange r && !r.log()) {
      return r.low() + random.nextLong(r.high() - r.low() + 1);
    }
    boolean constant = d instanceof Distribution.Fixed || d instanceof Distribution.FloatRange r && r.low() == r.high();
    return Scale.of(d).valueAt(constant ? 0 : random.nextDouble());
  }
}
