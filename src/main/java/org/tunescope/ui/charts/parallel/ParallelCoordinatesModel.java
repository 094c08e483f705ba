package org.tunescope.ui.charts.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * The parallel-coordinates chart without the drawing: its axes and scales, each finished trial's
 * normalised position on every axis, its colour, the best trial, the brushes and which trials they
 * keep, and the brushed ranges as search distributions. It knows no JavaFX, so tests check it directly.
 *
 * <p>Trials arrive one at a time while a study runs; {@link #add} keeps each trial's positions and
 * recomputes a whole column only when a score axis must widen.
 */
public final class ParallelCoordinatesModel {

  /** A brushed interval of normalised positions, {@code lo <= hi}. */
  public record Interval(double lo, double hi) {
    public Interval {
      if (lo > hi) {
        double t = lo;
        lo = hi;
        hi = t;
      }
    }

    public boolean contains(double v) {
      return v >= lo && v <= hi;
    }
  }

  /** The names of the score axes. */
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  public static final String GAP = "gap";

  private final SearchSpace space;
  private final Direction direction;
  private final List<Axis> axes = new ArrayList<>();
  /** Every axis in the person's order; {@link #order} is this without the hidden ones. */
  private final List<Axis> arrangement = new ArrayList<>();
  private final java.util.Set<String> hidden = new java.util.HashSet<>();
  private final List<Axis> order = new ArrayList<>();
  private final Map<String, Interval> brushes = new LinkedHashMap<>();
  private final Map<Integer, Integer> lineOfTrial = new HashMap<>();
  private long rebuilds;
  private final double[] scoreMin;
  private final double[] scoreMax;
  private final boolean[] fitted;

  private Trial[] trials = new Trial[64];
  private float[][] columns;
  private float[] colour = new float[64];
  private boolean[] kept = new boolean[64];
  private int size;
  private int best = -1;
  private int keptCount;
  private boolean includeIncomplete = true;

  public ParallelCoordinatesModel(SearchSpace space, Direction direction) {
    this(space, direction, "");
  }

  /** A model whose train and validation axes are titled with the study's metric ("validation rmse"). */
  public ParallelCoordinatesModel(SearchSpace space, Direction direction, String metric) {
    this.space = space;
    this.direction = direction;
    for (SearchParameter p : space.parameters()) {
      // a fixed parameter, or one no trial can have (its condition never holds), would be an empty axis
      if (!(p.distribution() instanceof Distribution.Fixed) && space.canApply(p)) {
        axes.add(new Axis(axes.size(), p.name(), Axis.Kind.PARAMETER, Scale.of(p.distribution())));
      }
    }
    String suffix = metric.isBlank() ? "" : " " + metric;
    axes.add(new Axis(axes.size(), TRAIN, TRAIN + suffix, Axis.Kind.TRAIN,
        Scale.Numeric.fitting(Double.NaN, Double.NaN)));
    axes.add(new Axis(axes.size(), VALIDATION, VALIDATION + suffix, Axis.Kind.VALIDATION,
        Scale.Numeric.fitting(Double.NaN, Double.NaN)));
    axes.add(new Axis(axes.size(), GAP, Axis.Kind.GAP, Scale.Numeric.fitting(Double.NaN, Double.NaN)));
    arrangement.addAll(axes);
    order.addAll(axes);
    columns = new float[axes.size()][64];
    scoreMin = new double[axes.size()];
    scoreMax = new double[axes.size()];
    fitted = new boolean[axes.size()];
    Arrays.fill(scoreMin, Double.POSITIVE_INFINITY);
    Arrays.fill(scoreMax, Double.NEGATIVE_INFINITY);
  }

  /** An empty model: no space yet. */
  public static ParallelCoordinatesModel empty() {
    return new ParallelCoordinatesModel(new SearchSpace(List.of()), Direction.MAXIMIZE);
  }

  // --- axes

  /** The axes in display order: the varied parameters in space order, then train, validation, gap. */
  public List<Axis> axes() {
    return Collections.unmodifiableList(order);
  }

  public Optional<Axis> axis(String name) {
    return axes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Moves the axis at display index {@code from} to display index {@code to}. */
  public void moveAxis(int from, int to) {
    if (from == to || from < 0 || to < 0 || from >= order.size() || to >= order.size()) {
      return;
    }
    Axis moved = order.get(from);
    Axis onto = order.get(to);
    arrangement.remove(moved);
    int at = arrangement.indexOf(onto);
    arrangement.add(from < to ? at + 1 : at, moved);
    showArrangement();
  }

  /** Every axis's name, hidden ones included, in the person's order (what is remembered between runs). */
  public List<String> arrangementNames() {
    return arrangement.stream().map(Axis::name).toList();
  }

  /**
   * Puts the axes named in {@code names} in that order among themselves, in the places they hold now (a
   * remembered order, from a study with other parameters: the axes it does not name stay where they are).
   */
  public void arrange(List<String> names) {
    List<Axis> named = new ArrayList<>();
    for (String name : names) {
      axis(name).filter(a -> !named.contains(a)).ifPresent(named::add);
    }
    java.util.Iterator<Axis> next = named.iterator();
    for (int k = 0; k < arrangement.size(); k++) {
      if (named.contains(arrangement.get(k))) {
        arrangement.set(k, next.next());
      }
    }
    showArrangement();
  }

  /**
   * Hides the axes named (names of no axis here are ignored), shows the others; at least one axis stays
   * shown. A hidden axis's brush goes: it would keep lines by a cut no one can see.
   */
  public void setHidden(java.util.Collection<String> names) {
    hidden.clear();
    for (Axis a : arrangement) {
      if (names.contains(a.name()) && hidden.size() < arrangement.size() - 1) {
        hidden.add(a.name());
      }
    }
    if (brushes.keySet().removeIf(hidden::contains)) {
      recomputeKept();
    }
    showArrangement();
  }

  /** Whether axis {@code name} is hidden. */
  public boolean isHidden(String name) {
    return hidden.contains(name);
  }

  /** Every axis, hidden ones included, in the person's order (for a list to show or hide them). */
  public List<Axis> allAxes() {
    return Collections.unmodifiableList(arrangement);
  }

  private void showArrangement() {
    order.clear();
    arrangement.stream().filter(a -> !hidden.contains(a.name())).forEach(order::add);
  }

  public SearchSpace space() {
    return space;
  }

  public Direction direction() {
    return direction;
  }

  // --- trials

  /** Replaces every line with the finished trials of {@code all} (running ones are skipped). */
  public void setTrials(Collection<Trial> all) {
    rebuilds++;
    size = 0;
    best = -1;
    lineOfTrial.clear();
    Arrays.fill(scoreMin, Double.POSITIVE_INFINITY);
    Arrays.fill(scoreMax, Double.NEGATIVE_INFINITY);
    for (Trial t : all) {
      if (t.state().isFinished()) {
        append(t);
      }
    }
    for (Axis a : axes) {
      if (a.isScore()) {
        a.setScale(Scale.Numeric.fitting(scoreMin[a.id()], scoreMax[a.id()]));
        fitted[a.id()] = scoreMin[a.id()] <= scoreMax[a.id()];
      }
    }
    recomputeAll();
  }

  /** Whether a trial of this number has a line. */
  public boolean hasLine(Trial t) {
    return lineOfTrial.containsKey(t.number());
  }

  /** How many times every line was rebuilt from a list of trials (for tests). */
  long rebuildCount() {
    return rebuilds;
  }

  /**
   * Adds a finished trial (or replaces the line of a trial with the same number).
   *
   * @return true when a scale changed and every line moved, false when only the new line needs drawing
   */
  public boolean add(Trial t) {
    if (!t.state().isFinished()) {
      return false;
    }
    Integer existing = lineOfTrial.get(t.number());
    if (existing != null) {
      List<Trial> all = new ArrayList<>(Arrays.asList(trials).subList(0, size));
      all.set(existing, t);
      setTrials(all);
      return true;
    }
    int i = append(t);
    boolean rescaled = false;
    for (Axis a : axes) {
      if (a.isScore() && a.scale() instanceof Scale.Numeric s
          && scoreMin[a.id()] <= scoreMax[a.id()]
          && (!fitted[a.id()] || outside(s, scoreMin[a.id()]) || outside(s, scoreMax[a.id()]))) {
        a.setScale(Scale.Numeric.fitting(scoreMin[a.id()], scoreMax[a.id()]));
        fitted[a.id()] = true;
        rescaled = true;
      }
    }
    if (rescaled) {
      recomputeAll();
    } else {
      position(i);
      kept[i] = inside(i);
      keptCount += kept[i] ? 1 : 0;
    }
    return rescaled;
  }

  /** Outside the scale by more than rounding noise (the scale's ends are rounded). */
  private static boolean outside(Scale.Numeric s, double v) {
    double tolerance = 1e-9 * Math.max(1e-12, s.high() - s.low());
    return v < s.low() - tolerance || v > s.high() + tolerance;
  }

  private int append(Trial t) {
    if (size == trials.length) {
      int n = size * 2;
      trials = Arrays.copyOf(trials, n);
      colour = Arrays.copyOf(colour, n);
      kept = Arrays.copyOf(kept, n);
      for (int a = 0; a < columns.length; a++) {
        columns[a] = Arrays.copyOf(columns[a], n);
      }
    }
    int i = size++;
    trials[i] = t;
    lineOfTrial.put(t.number(), i);
    if (t.isComplete()) {
      for (Axis a : axes) {
        if (a.isScore()) {
          double v = score(a, t);
          if (Double.isFinite(v)) {
            scoreMin[a.id()] = Math.min(scoreMin[a.id()], v);
            scoreMax[a.id()] = Math.max(scoreMax[a.id()], v);
          }
        }
      }
      if (best < 0 || direction.isBetter(t.validation().mean(), trials[best].validation().mean())) {
        best = i;
      }
    }
    return i;
  }

  private double score(Axis a, Trial t) {
    return switch (a.kind()) {
      case TRAIN -> t.train().mean();
      case VALIDATION -> t.validation().mean();
      case GAP -> t.gap(direction);
      case PARAMETER -> Double.NaN;
    };
  }

  private void recomputeAll() {
    for (int i = 0; i < size; i++) {
      position(i);
    }
    recomputeKept();
  }

  private void position(int i) {
    Trial t = trials[i];
    for (Axis a : axes) {
      double u;
      if (a.isScore()) {
        u = ((Scale.Numeric) a.scale()).toUnit(score(a, t));
      } else {
        u = a.scale().toUnit(t.params().get(a.name()));
      }
      // Rounding noise at the ends (and incomplete trials' partial scores) stay on the axis.
      if (!Double.isNaN(u)) {
        u = Math.max(0, Math.min(1, u));
      }
      columns[a.id()][i] = (float) u;
    }
    Axis validation = axes.get(axes.size() - 2);
    double c = columns[validation.id()][i];
    colour[i] = (float) (direction == Direction.MAXIMIZE ? c : 1 - c);
  }

  /** How many lines the model holds: every finished trial, complete or not. */
  public int size() {
    return size;
  }

  public Trial trial(int line) {
    return trials[line];
  }

  /** The line of trial {@code number}, if it has one. */
  public OptionalInt lineOf(int number) {
    Integer i = lineOfTrial.get(number);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The normalised position of a line on an axis; NaN when the trial has no value there ("n/a"). */
  public double position(int line, Axis axis) {
    return columns[axis.id()][line];
  }

  /** The raw column of one axis (positions of lines 0..size-1), for fast drawing; do not modify. */
  float[] column(Axis axis) {
    return columns[axis.id()];
  }

  public boolean isComplete(int line) {
    return trials[line].isComplete();
  }

  /** Whether a line is drawn: complete trials always, failed, pruned and interrupted ones on request. */
  public boolean isVisible(int line) {
    return includeIncomplete || trials[line].isComplete();
  }

  public boolean includesIncomplete() {
    return includeIncomplete;
  }

  public void setIncludeIncomplete(boolean on) {
    includeIncomplete = on;
    recomputeKept();
  }

  // --- colour

  /**
   * Where a line's validation score sits on the colour map, in [0, 1]: 1 (the bright end) is the best
   * end of the validation axis whichever the direction; NaN for trials without a score.
   */
  public double colourValue(int line) {
    return colour[line];
  }

  /** The line's colour as 0xRRGGBB (viridis). */
  public int rgb(int line) {
    return Viridis.rgb(colour[line]);
  }

  /** The validation scores at the dark (0) and bright (1) ends of the colour map, for the legend. */
  public double[] legendRange() {
    Scale.Numeric s = (Scale.Numeric) axes.get(axes.size() - 2).scale();
    return direction == Direction.MAXIMIZE ? new double[] {s.low(), s.high()} : new double[] {s.high(), s.low()};
  }

  /** The line of the best complete trial, by validation score and the study's direction. */
  public OptionalInt best() {
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }

  // --- brushes

  /** Keeps, on axis {@code name}, the lines whose positions lie in [lo, hi] (normalised). */
  public void setBrush(String name, double lo, double hi) {
    if (axis(name).isEmpty()) {
      throw new IllegalArgumentException("no axis " + name);
    }
    brushes.put(name, new Interval(Math.max(0, Math.min(lo, hi)), Math.min(1, Math.max(lo, hi))));
    recomputeKept();
  }

  /** A brush in the axis's own units (numeric axes only). */
  public void setBrushValues(String name, double low, double high) {
    Axis a = axis(name).orElseThrow(() -> new IllegalArgumentException("no axis " + name));
    if (!(a.scale() instanceof Scale.Numeric s)) {
      throw new IllegalArgumentException(name + " is categorical");
    }
    setBrush(name, s.toUnit(low), s.toUnit(high));
  }

  public void clearBrush(String name) {
    if (brushes.remove(name) != null) {
      recomputeKept();
    }
  }

  public void clearBrushes() {
    brushes.clear();
    recomputeKept();
  }

  public Map<String, Interval> brushes() {
    return Collections.unmodifiableMap(brushes);
  }

  public Optional<Interval> brush(String name) {
    return Optional.ofNullable(brushes.get(name));
  }

  /** The kept mask, one pass over the brushed columns (a brush drag calls this at every mouse move). */
  private void recomputeKept() {
    int n = brushes.size();
    float[][] cols = new float[n][];
    double[] lo = new double[n];
    double[] hi = new double[n];
    int b = 0;
    for (Map.Entry<String, Interval> e : brushes.entrySet()) {
      cols[b] = columns[axis(e.getKey()).orElseThrow().id()];
      lo[b] = e.getValue().lo();
      hi[b] = e.getValue().hi();
      b++;
    }
    keptCount = 0;
    for (int i = 0; i < size; i++) {
      boolean in = isVisible(i);
      for (int j = 0; j < n && in; j++) {
        double u = cols[j][i];
        in = u >= lo[j] && u <= hi[j];
      }
      kept[i] = in;
      keptCount += in ? 1 : 0;
    }
  }

  private boolean inside(int i) {
    if (!isVisible(i)) {
      return false;
    }
    for (Map.Entry<String, Interval> b : brushes.entrySet()) {
      Axis a = axis(b.getKey()).orElseThrow();
      double u = columns[a.id()][i];
      if (Double.isNaN(u) || !b.getValue().contains(u)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a visible line lies inside every brush. */
  public boolean isKept(int line) {
    return kept[line];
  }

  /** The trials inside every brush (every visible trial when nothing is brushed), in arrival order. */
  public List<Trial> kept() {
    List<Trial> out = new ArrayList<>(keptCount);
    for (int i = 0; i < size; i++) {
      if (kept[i]) {
        out.add(trials[i]);
      }
    }
    return out;
  }

  public int keptCount() {
    return keptCount;
  }

  public int visibleCount() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      n += isVisible(i) ? 1 : 0;
    }
    return n;
  }

  /**
   * Whether {@link #narrowedRanges()} has something to give: a brushed parameter, or a brushed score
   * that keeps some trials. Cheap, for the button's state at every brush move.
   */
  public boolean canNarrow() {
    boolean scoreBrushed = false;
    for (String name : brushes.keySet()) {
      Axis a = axis(name).orElseThrow();
      if (!a.isScore()) {
        return true;
      }
      scoreBrushed = true;
    }
    return scoreBrushed && keptCount > 0 && axes.stream().anyMatch(a -> !a.isScore());
  }

  /**
   * The brushes as search distributions in the parameters' units, ready for the search space. A brushed
   * parameter gives its brush: numeric brushes back through the scale (10^x on log axes), int ranges
   * rounded outward, categorical brushes as the categories inside. When a score is brushed (say the best
   * validation scores), every other parameter gives the span of the values the kept trials used (a
   * single value becomes fixed, categories keep those used); a parameter no kept trial used is left out.
   */
  public Map<String, Distribution> narrowedRanges() {
    Map<String, Distribution> out = new LinkedHashMap<>();
    boolean scoreBrushed = brushes.keySet().stream().anyMatch(n -> axis(n).orElseThrow().isScore());
    for (Axis a : order) {
      Interval b = brushes.get(a.name());
      if (a.isScore()) {
        continue;
      }
      if (b == null) {
        if (scoreBrushed) {
          keptSpan(a).ifPresent(d -> out.put(a.name(), d));
        }
        continue;
      }
      if (a.scale() instanceof Scale.Numeric s) {
        double lo = Scale.clean(s.fromUnit(b.lo()));
        double hi = Scale.clean(s.fromUnit(b.hi()));
        if (s.integer()) {
          long l = Math.max((long) Math.ceil(s.low()), (long) Math.floor(lo + 1e-9));
          long h = Math.min((long) Math.floor(s.high()), (long) Math.ceil(hi - 1e-9));
          out.put(a.name(), new Distribution.IntRange(l, Math.max(l, h), s.log()));
        } else {
          out.put(a.name(), new Distribution.FloatRange(Math.max(s.low(), lo), Math.min(s.high(), Math.max(lo, hi)),
              s.log()));
        }
      } else if (a.scale() instanceof Scale.Categorical c) {
        List<Object> inside = c.within(b.lo(), b.hi());
        if (inside.size() == 1) {
          out.put(a.name(), new Distribution.Fixed(inside.get(0)));
        } else if (!inside.isEmpty()) {
          out.put(a.name(), new Distribution.Choice(inside));
        }
      }
    }
    return out;
  }

  /** The values the kept trials used on parameter axis {@code a}, as a distribution. */
  private Optional<Distribution> keptSpan(Axis a) {
    if (a.scale() instanceof Scale.Categorical c) {
      List<Object> used = new ArrayList<>();
      for (Object category : c.categories()) {
        for (int i = 0; i < size; i++) {
          if (kept[i] && category.equals(trials[i].params().get(a.name()))) {
            used.add(category);
            break;
          }
        }
      }
      return used.isEmpty() ? Optional.empty()
          : Optional.of(used.size() == 1 ? new Distribution.Fixed(used.get(0)) : new Distribution.Choice(used));
    }
    Scale.Numeric s = (Scale.Numeric) a.scale();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      if (kept[i] && trials[i].params().get(a.name()) instanceof Number n) {
        lo = Math.min(lo, n.doubleValue());
        hi = Math.max(hi, n.doubleValue());
      }
    }
    if (lo > hi) {
      return Optional.empty();
    }
    if (s.integer()) {
      long l = (long) Math.floor(lo + 1e-9);
      long h = (long) Math.ceil(hi - 1e-9);
      return Optional.of(l == h ? new Distribution.Fixed(l) : new Distribution.IntRange(l, h, s.log()));
    }
    return Optional.of(lo == hi ? new Distribution.Fixed(lo) : new Distribution.FloatRange(lo, hi, s.log()));
  }

  // --- hit testing

  /**
   * The visible line nearest to pixel (px, py) within {@code maxDistance} pixels, given where the axes
   * are drawn; lines kept by the brushes win over faint ones.
   */
  public OptionalInt nearest(PlotGeometry g, double px, double py, double maxDistance) {
    double[] xs = g.axisX();
    if (size == 0 || xs.length == 0) {
      return OptionalInt.empty();
    }
    int seg = 0;
    while (seg < xs.length - 2 && px > xs[seg + 1]) {
      seg++;
    }
    Axis left = order.get(seg);
    Axis right = order.get(Math.min(seg + 1, order.size() - 1));
    int found = -1;
    double bestD = Double.POSITIVE_INFINITY;
    boolean bestKept = false;
    for (int i = 0; i < size; i++) {
      if (!isVisible(i)) {
        continue;
      }
      double d = distance(px, py, xs[seg], g.y(columns[left.id()][i]), xs[Math.min(seg + 1, xs.length - 1)],
          g.y(columns[right.id()][i]));
      if (d > maxDistance) {
        continue;
      }
      boolean k = kept[i];
      if (k && !bestKept || k == bestKept && d < bestD) {
        found = i;
        bestD = d;
        bestKept = k;
      }
    }
    return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
  }

  private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
  }

  /** A line's values, one "axis: value" per line, for a tooltip. */
  public String describe(int line) {
    Trial t = trials[line];
    StringBuilder sb = new StringBuilder("trial ").append(t.number());
    if (!t.isComplete()) {
      sb.append(" (").append(t.state().id()).append(')');
    }
    for (Axis a : order) {
      sb.append('\n').append(a.title()).append(": ");
      if (a.isScore()) {
        double v = score(a, t);
        sb.append(Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", v));
      } else {
        sb.append(a.scale().format(t.params().get(a.name())));
      }
    }
    return sb.toString();
  }
}
