package org.tunescope.engine.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Trial;

/**
 * Bayesian optimisation with a tree-structured Parzen estimator (TPE), the method behind Optuna's
 * default sampler. The first trials are random (the same as {@link RandomSampler}'s with the same seed).
 * After that the complete trials are split into the best {@code gamma} fraction ("good") and the rest
 * ("bad"); each group gets a density over the {@link UnitSpace} cube (log ranges are searched in log
 * space), a mixture of one kernel per trial plus a flat prior: a product of Gaussians truncated to
 * [0, 1] on numeric parameters, smoothed counts on categorical ones, and flat on a parameter the trial
 * did not have (conditional parameters). Candidates are drawn from the good density and the one with the
 * highest ratio good / bad is chosen. The kernels are multivariate, so the sampler learns that C and
 * gamma of an SVM go together.
 *
 * <p>Trial n draws its candidates from a generator seeded by (seed, n): the same history gives the same
 * point. With several workers, a trial is often asked while others still run, with no score yet; the
 * sampler remembers the points it handed out and counts the unfinished ones as bad trials (a constant
 * liar, as Optuna's {@code constant_liar}), so that workers do not evaluate the same region twice. One
 * sampler serves all the workers of a run; with one worker no trial is running at an ask, and a seed
 * gives the same study as before. A candidate that repeats a finished or running trial is passed over.
 */
public final class TpeSampler implements Sampler {

  /** Random trials before the model takes over. */
  public static final int DEFAULT_STARTUP = 10;
  /** Candidates drawn from the good density for each trial. */
  public static final int DEFAULT_CANDIDATES = 24;

  private static final long STREAM = 0x7BEL;
  private static final double SQRT2 = Math.sqrt(2);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final UnitSpace unit;
  private final Direction direction;
  private final long seed;
  private final int startup;
  private final int candidates;
  private final RandomSampler random;
  /**
   * The parameters handed out for trials that have not finished, by trial number: the lies of the
   * constant liar. Only other workers' trials can be here, so with one worker it is empty at every ask.
   */
  private final Map<Integer, Map<String, Object>> running = new TreeMap<>();

  public TpeSampler(SearchSpace space, Direction direction, long seed) {
    this(space, direction, seed, DEFAULT_STARTUP, DEFAULT_CANDIDATES);
  }

  public TpeSampler(SearchSpace space, Direction direction, long seed, int startup, int candidates) {
    if (startup < 1 || candidates < 1) {
      throw new IllegalArgumentException("TPE needs at least 1 start-up trial and 1 candidate");
    }
    this.unit = new UnitSpace(space);
    this.direction = direction;
    this.seed = seed;
    this.startup = startup;
    this.candidates = candidates;
    this.random = new RandomSampler(space, seed);
  }

  /** The lies are this sampler's running points and every other worker's ({@code others}, from the store). */
  @Override
  public synchronized Optional<Map<String, Object>> sample(int number, List<Trial> finished,
      List<RunningTrial> others) {
    for (Trial t : finished) {
      running.remove(t.number());
    }
    // Asked again for the same number (a trial run again): its earlier answer is no other worker's point.
    running.remove(number);
    Map<Integer, Map<String, Object>> lies = new TreeMap<>(running);
    for (RunningTrial r : others) {
      if (r.number() != number) {
        lies.putIfAbsent(r.number(), r.params());
      }
    }
    Map<String, Object> chosen = choose(number, finished, List.copyOf(lies.values()));
    running.put(number, chosen);
    return Optional.of(chosen);
  }

  @Override
  public boolean watchesRunning() {
    return true;
  }

  private Map<String, Object> choose(int number, List<Trial> finished, List<Map<String, Object>> lies) {
    List<Trial> ranked = History.ranked(finished, direction);
    if (ranked.size() < startup) {
      return random.sample(number, finished).orElseThrow();
    }
    int nGood = good(ranked.size());
    Parzen good = new Parzen(encode(ranked.subList(0, nGood).stream().map(Trial::params).toList()));
    // The running trials join the bad ones as if they had scored worst (Optuna's constant_liar): the
    // density ratio is then low where another worker already is, so this trial goes elsewhere.
    List<Map<String, Object>> worse = new ArrayList<>();
    ranked.subList(nGood, ranked.size()).forEach(t -> worse.add(t.params()));
    worse.addAll(lies);
    Parzen bad = new Parzen(encode(worse));
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed ^ STREAM, number));
    List<Scored> scored = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      double[] u = good.draw(rng);
      Map<String, Object> params = unit.decode(d -> u[d]);
      double[] at = unit.encode(params);
      scored.add(new Scored(params, good.logDensity(at) - bad.logDensity(at), c));
    }
    scored.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.index, b.index));
    // The liar alone only lowers the ratio near a running point (one kernel among all the bad ones), so
    // a candidate within the bad kernels' width of a running point, which the model cannot tell apart
    // from it, is passed over as well.
    double[][] running = encode(lies);
    for (Scored s : scored) {
      double[] at = unit.encode(s.params);
      if (!History.seen(finished, s.params) && Arrays.stream(running).noneMatch(r -> near(at, r, bad.sigma))) {
        return s.params;
      }
    }
    return random.sample(number, finished).orElseThrow();
  }

  /** Whether two points are within {@code radius} of each other on their numeric coordinates, in the same categories. */
  private boolean near(double[] a, double[] b, double radius) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      if (!unit.varies(d) || (Double.isNaN(a[d]) && Double.isNaN(b[d]))) {
        continue;
      }
      if (Double.isNaN(a[d]) != Double.isNaN(b[d])) {
        return false;
      }
      if (unit.categorical(d)) {
        int bins = unit.categories(d);
        if ((int) (a[d] * bins) != (int) (b[d] * bins)) {
          return false;
        }
      } else {
        double z = (a[d] - b[d]) / radius;
        sum += z * z;
      }
    }
    return sum < 1;
  }

  /** How many of n complete trials count as good: Optuna's default, 10 % rounded up, at most 25. */
  static int good(int n) {
    return Math.max(1, Math.min((int) Math.ceil(0.1 * n), 25));
  }

  @Override
  public String name() {
    return "bayes";
  }

  private double[][] encode(List<Map<String, Object>> points) {
    double[][] u = new double[points.size()][];
    for (int i = 0; i < u.length; i++) {
      u[i] = unit.encode(points.get(i));
    }
    return u;
  }

  private record Scored(Map<String, Object> params, double score, int index) {
  }

  /** A Parzen density over the cube: one kernel per observation plus a flat prior of weight 1. */
  private final class Parzen {
    private final double[][] obs;
    private final double sigma;
    private final double smoothing;
    /** log of each kernel's normaliser: its mass inside [0, 1], and the Gaussian's constant. */
    private final double[][] logNorm;

    Parzen(double[][] obs) {
      this.obs = obs;
      int n = obs.length;
      int dims = Math.max(1, unit.dimensions());
      // Scott's rule, as Optuna's multivariate TPE, floored so the kernels never become spikes.
      this.sigma = Math.max(0.2 * Math.pow(Math.max(n, 1), -1.0 / (dims + 4)), 1.0 / Math.min(100, n + 1));
      this.smoothing = 1.0 / (n + 1);
      // The error function is the costly part of a truncated Gaussian and depends on the kernel alone.
      this.logNorm = new double[n][unit.dimensions()];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < unit.dimensions(); d++) {
          double mu = obs[i][d];
          if (!Double.isNaN(mu) && unit.varies(d) && !unit.categorical(d)) {
            double mass = 0.5 * (erf((1 - mu) / (sigma * SQRT2)) - erf((0 - mu) / (sigma * SQRT2)));
            logNorm[i][d] = LOG_SQRT_2PI + Math.log(sigma) + Math.log(Math.max(mass, 1e-300));
          }
        }
      }
    }

    /** A point drawn from the density: a kernel chosen at random (or the prior), then each coordinate. */
    double[] draw(SplittableRandom rng) {
      int k = rng.nextInt(obs.length + 1);
      double[] centre = k < obs.length ? obs[k] : null;
      double[] u = new double[unit.dimensions()];
      for (int d = 0; d < u.length; d++) {
        double mu = centre == null ? Double.NaN : centre[d];
        if (Double.isNaN(mu) || !unit.varies(d)) {
          u[d] = rng.nextDouble();
        } else if (unit.categorical(d)) {
          int bins = unit.categories(d);
          int bin = rng.nextDouble() < smoothing ? rng.nextInt(bins) : (int) (mu * bins);
          u[d] = (bin + 0.5) / bins;
        } else {
          u[d] = truncatedNormal(rng, mu, sigma);
        }
      }
      return u;
    }

    /** log density at a point; NaN coordinates (inactive parameters) are left out. */
    double logDensity(double[] u) {
      double[] logs = new double[obs.length + 1];
      logs[obs.length] = 0; // the flat prior: density 1 on every coordinate
      for (int i = 0; i < obs.length; i++) {
        double sum = 0;
        for (int d = 0; d < u.length; d++) {
          double mu = obs[i][d];
          if (Double.isNaN(u[d]) || Double.isNaN(mu) || !unit.varies(d)) {
            continue;
          }
          if (unit.categorical(d)) {
            int bins = unit.categories(d);
            boolean same = (int) (u[d] * bins) == (int) (mu * bins);
            // A density over the bins of width 1/bins: probability times bins.
            sum += Math.log(((same ? 1 - smoothing : 0) + smoothing / bins) * bins);
          } else {
            double z = (u[d] - mu) / sigma;
            sum += -0.5 * z * z - logNorm[i][d];
          }
        }
        logs[i] = sum;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double l : logs) {
        max = Math.max(max, l);
      }
      double total = 0;
      for (double l : logs) {
        total += Math.exp(l - max);
      }
      return max + Math.log(total) - Math.log(obs.length + 1);
    }
  }

  private static double truncatedNormal(SplittableRandom rng, double mu, double sigma) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double x = mu + sigma * gaussian(rng);
      if (x >= 0 && x < 1) {
        return x;
      }
    }
    return Math.min(Math.max(mu, 0), Math.nextDown(1.0));
  }

  /** A standard normal draw (Box-Muller), from the generator alone so it is reproducible. */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * The error function to 1.5e-7 (Abramowitz and Stegun 7.1.26): ample for normalising kernels, and
   * much cheaper than an exact series, which dominated the time per trial.
   */
  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }
}
