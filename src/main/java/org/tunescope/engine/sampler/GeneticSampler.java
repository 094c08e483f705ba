package org.tunescope.engine.sampler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Trial;

/**
 * A steady-state genetic algorithm in ask-and-tell form. The first {@code population} trials are random
 * (the same as {@link RandomSampler}'s); after that the population is the best {@code population}
 * complete trials so far, and each new trial is a child: two parents picked by tournaments of three,
 * uniform crossover of their {@link UnitSpace} coordinates (so log ranges cross and mutate in log space),
 * then Gaussian mutation of each numeric coordinate (reflected at the ends) and a fresh draw of each
 * categorical one, with probability 1 / (parameters searched). One trial in ten is a random immigrant, to
 * keep exploring. A child that repeats a finished trial is mutated again.
 *
 * <p>Why not Smile's {@code smile.gap.GeneticAlgorithm}: the engine may not depend on Smile, and that
 * class is generational (it evaluates a whole population through a fitness function it calls itself),
 * while a study asks for one trial at a time from several workers and is told the results later.
 */
public final class GeneticSampler implements Sampler {

  public static final int DEFAULT_POPULATION = 10;

  private static final long STREAM = 0x6E7EL;
  private static final double IMMIGRANTS = 0.1;
  private static final double MUTATION_SIGMA = 0.1;
  private static final int TOURNAMENT = 3;

  private final UnitSpace unit;
  private final Direction direction;
  private final long seed;
  private final int population;
  private final RandomSampler random;

  public GeneticSampler(SearchSpace space, Direction direction, long seed) {
    this(space, direction, seed, DEFAULT_POPULATION);
  }

  public GeneticSampler(SearchSpace space, Direction direction, long seed, int population) {
    if (population < 2) {
      throw new IllegalArgumentException("a population needs at least 2 members, got " + population);
    }
    this.unit = new UnitSpace(space);
    this.direction = direction;
    this.seed = seed;
    this.population = population;
    this.random = new RandomSampler(space, seed);
  }

  /** A child that repeats a trial running now (any worker's, from the store) is mutated again, as a finished one. */
  @Override
  public Optional<Map<String, Object>> sample(int number, List<Trial> finished, List<RunningTrial> running) {
    List<Trial> ranked = History.ranked(finished, direction);
    if (ranked.size() < population) {
      return random.sample(number, finished);
    }
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed ^ STREAM, number));
    if (rng.nextDouble() < IMMIGRANTS) {
      return random.sample(number, finished);
    }
    List<Trial> pool = ranked.subList(0, population);
    double[] a = unit.encode(tournament(pool, rng).params());
    double[] b = unit.encode(tournament(pool, rng).params());
    double[] child = new double[unit.dimensions()];
    for (int d = 0; d < child.length; d++) {
      double pick = rng.nextBoolean() ? a[d] : b[d];
      double other = Double.isNaN(pick) ? (Double.isNaN(a[d]) ? b[d] : a[d]) : pick;
      child[d] = Double.isNaN(other) ? rng.nextDouble() : other;
    }
    long searched = java.util.stream.IntStream.range(0, unit.dimensions()).filter(unit::varies).count();
    double rate = 1.0 / Math.max(1, searched);
    for (int attempt = 0; attempt < 20; attempt++) {
      mutate(child, rate, rng);
      Map<String, Object> params = unit.decode(d -> child[d]);
      if (!History.seen(finished, params) && running.stream().noneMatch(r -> r.params().equals(params))) {
        return Optional.of(params);
      }
      rate = Math.min(1, rate * 1.5);
    }
    return random.sample(number, finished);
  }

  @Override
  public boolean watchesRunning() {
    return true;
  }

  @Override
  public String name() {
    return "genetic";
  }

  /** The best of {@value #TOURNAMENT} members drawn at random; the pool is ranked, so the lowest index wins. */
  private static Trial tournament(List<Trial> ranked, SplittableRandom rng) {
    int best = ranked.size();
    for (int i = 0; i < TOURNAMENT; i++) {
      best = Math.min(best, rng.nextInt(ranked.size()));
    }
    return ranked.get(best);
  }

  private void mutate(double[] u, double rate, SplittableRandom rng) {
    for (int d = 0; d < u.length; d++) {
      if (!unit.varies(d) || rng.nextDouble() >= rate) {
        continue;
      }
      if (unit.categorical(d)) {
        u[d] = rng.nextDouble();
      } else {
        double x = u[d] + MUTATION_SIGMA * TpeSampler.gaussian(rng);
        // Reflect at the ends so that values near a bound stay as likely as elsewhere.
        x = Math.abs(x);
        x = x >= 1 ? 2 - x : x;
        u[d] = Math.min(Math.max(x, 0), Math.nextDown(1.0));
      }
    }
  }
}
