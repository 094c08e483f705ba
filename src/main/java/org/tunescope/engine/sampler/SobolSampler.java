package org.tunescope.engine.sampler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.Trial;

/**
 * Quasi-random search: trial n takes point n + 1 of a Sobol sequence (the first point, the origin, is
 * skipped), one dimension per parameter, mapped like {@link RandomSampler}'s draws (log ranges in log
 * space, integers and choices by bins, conditional parameters only when they apply). The points fill
 * the space more evenly than independent draws. A random shift per dimension, drawn from the seed and
 * added modulo 1 (a Cranley-Patterson rotation), keeps that evenness while making different seeds give
 * different points.
 */
public final class SobolSampler implements Sampler {

  private static final long STREAM = 0x50B0L;

  private final UnitSpace unit;
  private final double[] shift;
  private final SobolSequenceGenerator generator;

  public SobolSampler(SearchSpace space, long seed) {
    this.unit = new UnitSpace(space);
    int dimensions = Math.max(1, unit.dimensions());
    this.generator = new SobolSequenceGenerator(dimensions);
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed ^ STREAM, 0));
    this.shift = new double[dimensions];
    for (int d = 0; d < dimensions; d++) {
      shift[d] = random.nextDouble();
    }
  }

  @Override
  public Optional<Map<String, Object>> sample(int number, List<Trial> finished) {
    double[] point = point(number);
    return Optional.of(unit.decode(d -> point[d]));
  }

  /** Point {@code number} of the rotated sequence, in the unit cube. */
  double[] point(int number) {
    double[] raw;
    synchronized (generator) {
      raw = generator.skipTo(number + 1);
    }
    double[] u = new double[raw.length];
    for (int d = 0; d < raw.length; d++) {
      double x = raw[d] + shift[d];
      u[d] = x >= 1 ? x - 1 : x;
    }
    return u;
  }

  @Override
  public String name() {
    return "sobol";
  }
}
