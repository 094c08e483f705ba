package org.tunescope.ui.charts.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Rasterises the chart's lines on a background thread, so the JavaFX thread never waits for pixels: it
 * hands over a {@link Job} (copies of what to draw, taken in a fraction of a millisecond) and gets the
 * finished image back through {@code publish}, which it runs later. Jobs run in order; a full redraw makes
 * every older job pointless, so those still queued are skipped (a brush drag draws its latest position,
 * not every one in between).
 *
 * <p>Two layers: the faint base (every visible line, drawn once per layout and data, kept while brushing)
 * and the coloured lines on top. The pixel on an axis is drawn once: anti-aliased lines strip of columns by
 * strip (each segment owns the columns from its left axis to the next), counted ones band of rows by band
 * (each segment but the last leaves its end point to the next), in parallel with two processors or more.
 *
 * <p>Two ways of drawing. Up to {@link #ANTIALIASED_UP_TO} lines each is blended anti-aliased into colour
 * pixels ({@link LineRaster}); beyond, the lines are counted per pixel ({@link LineDensity}): a layer of all
 * visible lines, counted once per layout and data, and a layer of the kept ones, which a brush drag updates
 * by adding the lines that came into the brush and taking away those that left (or, when fewer, by copying
 * the layer of all lines and taking away the unkept ones: clearing the brushes is a copy). A redraw too big
 * for one frame (a new study, new axes) is first drawn at half or a quarter of the resolution and shown,
 * then at full resolution unless a newer redraw has come in first. A resize needs no coarse pass: the chart
 * stretches the sharp picture on screen onto the new axes in the same layout pass (see {@link Frame}) until
 * the recount at the new size is ready; while a window is being resized, the latest size is recounted.
 */
final class LineLayers {

  /** The most lines drawn anti-aliased; beyond, they are counted per pixel. */
  static final int ANTIALIASED_UP_TO = 300;

  /**
   * Pixel steps a full-resolution pass may take before a coarse pass is shown first: 12 to 20 ms on one
   * core of this machine (2 to 3.5 ns a step, depending on the moment). Loading 10,000 trials (16 million
   * steps to count every line) shows a coarse picture first; a brush drag (a few hundred lines in or out of
   * the brush) stays sharp.
   */
  static final long STEPS_PER_FRAME = 6_000_000;

  /** Lines to draw: their numbers, colour codes ({@link Palette}) and whether dashed. */
  record Lines(int[] order, byte[] code, boolean[] dashed, int count) {
    static final Lines NONE = new Lines(new int[0], new byte[0], new boolean[0], 0);
  }

  /**
   * The colours of the lines, straight ARGB whose alpha is one line's opacity: code 0 is the faint colour,
   * code 1 the kept failed or pruned trials, code 2 + b colour bucket b (higher is better, drawn on top).
   */
  record Palette(int[] colours, double keptOpacity) {
    static final int FAINT = 0;
    static final int INCOMPLETE = 1;
    static final int FIRST_BUCKET = 2;

    /** The premultiplied ARGB of a line of code {@code c}. */
    int premultiplied(int c) {
      int argb = colours[c];
      return LineRaster.premultiplied(argb & 0xFFFFFF, (argb >>> 24) / 255.0);
    }
  }

  /**
   * One redraw. A full one ({@code full}) starts from the base ({@code onBase}; the base rebuilt from
   * {@code base} first if its {@code baseVersion} changed) or from nothing, then draws {@code lines}; an
   * incremental one adds {@code base} to the base and {@code lines} on top. A {@code resizeOnly} redraw
   * draws the picture on screen at another size: that picture, stretched to the new axes, stands in until
   * this one is ready, so no coarse pass is drawn first.
   */
  record Job(long generation, boolean full, int width, int height, double[] axisX, float[][] pixelY,
      boolean antialiased, long baseVersion, boolean onBase, Lines base, Lines lines, Palette palette,
      boolean resizeOnly) {

    /** The mean pixel steps of one of the visible lines at full resolution. */
    long stepsPerLine() {
      if (base.count() == 0) {
        return 0;
      }
      long total = 0;
      for (int k = 1; k < axisX.length; k++) {
        double dx = axisX[k] - axisX[k - 1];
        float[] left = pixelY[k - 1];
        float[] right = pixelY[k];
        for (int j = 0; j < base.count(); j++) {
          int i = base.order()[j];
          total += (long) Math.max(dx, Math.abs(right[i] - left[i])) + 1;
        }
      }
      return total / base.count();
    }
  }

  /**
   * A finished image: premultiplied ARGB, the first {@code width * height} of {@code pixels}, drawn for a chart of
   * {@code plotWidth x plotHeight} at 1 / 2^{@code shift} of its resolution (a coarse one, to be scaled up),
   * by a job of this {@code generation}.
   */
  record Frame(int width, int height, int[] pixels, int shift, int plotWidth, int plotHeight, long generation) {
    boolean coarse() {
      return shift > 0;
    }
  }

  /**
   * Lines counted in parallel above this many segments, with two processors or more: a recount of 10,000
   * lines (60,000 segments) gains from the second core. A brush drag's redraw always goes to both: its few
   * hundred lines and the painting of the pixels are done band by band of rows, each band's lines and pixels
   * together, and a core that JavaFX keeps busy rendering takes fewer bands.
   */
  private static final long PARALLEL_ABOVE = 20_000;
  private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
  /** Bands of rows counted and painted in parallel. */
  private static final int BANDS = 8;

  private final LineRaster blendedBase = new LineRaster();
  private final LineRaster blended = new LineRaster();
  private long blendedBaseVersion = -1;
  /** Counted lines at full resolution, then at half and a quarter of it. */
  private final Level[] levels = {new Level(), new Level(), new Level()};
  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<Frame> ready = new AtomicReference<>();
  private final AtomicReference<int[]> spare = new AtomicReference<>();
  private final AtomicBoolean publishScheduled = new AtomicBoolean();
  private final AtomicLong pending = new AtomicLong();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "parallel-coordinates-lines");
    t.setDaemon(true);
    return t;
  });
  private final Consumer<Runnable> onFxThread;
  private final Consumer<Frame> publish;
  private final long stepsPerFrame;
  /** The colours of the last counted job and the palette they were made from (worker thread only). */
  private LineDensity.Colours colours;
  private int[] colourKey;
  private double colourKeyOpacity;
  private boolean colourKeyFaint;
  private volatile long lastDrawNanos;
  /** Coarse passes drawn (written by the background thread only; tests read it). */
  private volatile long coarsePasses;

  /**
   * @param onFxThread runs a task later on the JavaFX thread ({@code Platform::runLater})
   * @param publish shows a finished frame; called on the JavaFX thread, the frame's pixels are only valid
   *     during the call
   */
  LineLayers(Consumer<Runnable> onFxThread, Consumer<Frame> publish) {
    this(onFxThread, publish, STEPS_PER_FRAME);
  }

  /** With another budget of pixel steps before a coarse pass comes first (tests). */
  LineLayers(Consumer<Runnable> onFxThread, Consumer<Frame> publish, long stepsPerFrame) {
    this.onFxThread = onFxThread;
    this.publish = publish;
    this.stepsPerFrame = stepsPerFrame;
  }

  /** The generation a new full job gets; incremental jobs carry the current one. */
  long nextGeneration() {
    return generation.incrementAndGet();
  }

  long currentGeneration() {
    return generation.get();
  }

  /** Nanoseconds the background thread took to draw the last job it did not skip (for the benchmark). */
  long lastDrawNanos() {
    return lastDrawNanos;
  }

  /**
   * Coarse passes drawn so far. Counted where drawn, not where shown: a sharp frame that follows quickly
   * replaces a coarse one not yet shown, which is the point, so "shown" depends on the JavaFX thread's load.
   */
  long coarsePasses() {
    return coarsePasses;
  }

  /** Jobs handed over and not yet drawn and shown (or skipped). */
  long pending() {
    return pending.get();
  }

  void submit(Job job) {
    pending.incrementAndGet();
    try {
      worker.execute(() -> run(job));
    } catch (RejectedExecutionException e) {
      // disposed: nothing left to draw on, and nothing pending
      pending.decrementAndGet();
    }
  }

  void dispose() {
    worker.shutdownNow();
  }

  private void run(Job job) {
    try {
      draw(job);
    } finally {
      // A job counts as done once its image (or a later one) is shown, or when it was skipped.
      onFxThread.accept(pending::decrementAndGet);
    }
  }

  private void draw(Job job) {
    if (job.generation() < generation.get()) {
      // A newer full redraw replaces this image, but reuses the cached base when it is of the same
      // version: the new lines of a skipped incremental job must still reach that base.
      if (!job.full()) {
        addToBases(job);
      }
      return;
    }
    long t0 = System.nanoTime();
    if (job.antialiased()) {
      drawBlended(job);
    } else {
      drawCounted(job);
    }
    lastDrawNanos = System.nanoTime() - t0;
  }

  /** New lines of an incremental job reach every cached layer of all lines of the same version. */
  private void addToBases(Job job) {
    if (blendedBaseVersion == job.baseVersion() && sameSize(blendedBase.width(), blendedBase.height(), job, 0)) {
      draw(blendedBase, job, job.base(), true);
    }
    for (int shift = 0; shift < levels.length; shift++) {
      Level level = levels[shift];
      if (level.matches(job, shift)) {
        level.grow(job.pixelY()[0].length);
        addBase(level, job, shift);
      }
    }
  }

  // --- anti-aliased colour pixels, for a few hundred lines

  private void drawBlended(Job job) {
    if (job.full()) {
      if (job.onBase()) {
        if (blendedBaseVersion != job.baseVersion()
            || !sameSize(blendedBase.width(), blendedBase.height(), job, 0)) {
          blendedBase.reset(job.width(), job.height());
          draw(blendedBase, job, job.base(), true);
          blendedBaseVersion = job.baseVersion();
        }
        blended.copyFrom(blendedBase);
      } else {
        blended.reset(job.width(), job.height());
      }
    } else if (!sameSize(blended.width(), blended.height(), job, 0)) {
      return;
    } else {
      addToBases(job);
      if (job.onBase()) {
        draw(blended, job, job.base(), true);
      }
    }
    draw(blended, job, job.lines(), false);
    hand(job, job.width(), job.height(), 0,
        out -> System.arraycopy(blended.pixels(), 0, out, 0, job.width() * job.height()));
  }

  /** Draws lines in their colours, or all in the faint colour. */
  private static void draw(LineRaster target, Job job, Lines lines, boolean faint) {
    Palette palette = job.palette();
    int faintColour = palette.premultiplied(Palette.FAINT);
    strips(job, lines, (k, i, j) -> {
      double x0 = job.axisX()[k - 1];
      double x1 = job.axisX()[k];
      target.segment(x0, job.pixelY()[k - 1][i], x1, job.pixelY()[k][i],
          faint ? faintColour : palette.premultiplied(lines.code()[j] & 0xFF), lines.dashed()[j], from(job, k),
          to(job, k));
    });
  }

  // --- counted lines, for more

  /** A resolution of the counted lines, with which lines its kept layer holds and each line's weight. */
  private static final class Level {
    final LineDensity density = new LineDensity();
    /** By line number: whether the line is in the kept layer. */
    boolean[] kept = new boolean[0];
    /** By line number: what the line added to the layer of all lines (so it is taken away exactly). */
    long[] weight = new long[0];

    boolean matches(Job job, int shift) {
      return density.version() == job.baseVersion() && sameSize(density.width(), density.height(), job, shift);
    }

    void grow(int lines) {
      if (kept.length < lines) {
        kept = java.util.Arrays.copyOf(kept, Math.max(lines, kept.length * 2));
        weight = java.util.Arrays.copyOf(weight, kept.length);
      }
    }
  }

  /**
   * The kept layer's changes: line numbers to add ({@code add[0..adds)}) and to take away, after copying the
   * layer of all lines first when {@code fromAll}.
   */
  private record KeptPlan(int[] add, int adds, int[] remove, int removes, boolean fromAll) {
    long lines() {
      return adds + removes;
    }
  }

  private void drawCounted(Job job) {
    LineDensity.Colours colours = colours(job);
    if (!job.full()) {
      Level fine = levels[0];
      if (!fine.matches(job, 0)) {
        return;
      }
      addToBases(job);
      paint(fine, job, 0, new KeptPlan(job.lines().order(), job.lines().count(), new int[0], 0, false), colours);
      return;
    }
    boolean[] wanted = mask(job.lines(), job.pixelY()[0].length);
    // The full-resolution level's plan, when its layer of all lines can stay: it decides whether to go
    // coarse first, and a coarse pass leaves that level as it is, so the plan still holds after it.
    Level fine = levels[0];
    KeptPlan finePlan = fine.matches(job, 0) ? plan(fine, job, wanted) : null;
    int shift = job.resizeOnly() ? 0 : coarseness(job, finePlan);
    if (shift > 0) {
      Level coarse = levels[shift];
      paint(coarse, job, shift, count(coarse, job, shift, wanted, null), colours);
      coarsePasses++;
      if (generation.get() != job.generation()) {
        return; // a newer redraw is waiting: its turn, not this one's full resolution
      }
    }
    paint(fine, job, 0, count(fine, job, 0, wanted, finePlan), colours);
  }

  /**
   * The colours a counted job paints with: the same object while the palette stays, so the densities' cached
   * faint colours stay valid.
   */
  private LineDensity.Colours colours(Job job) {
    Palette p = job.palette();
    if (colours == null || colourKeyOpacity != p.keptOpacity() || colourKeyFaint != job.onBase()
        || !java.util.Arrays.equals(colourKey, p.colours())) {
      colours = LineDensity.Colours.of(p.colours()[Palette.FAINT], p.colours(), p.keptOpacity(), job.onBase());
      colourKey = p.colours().clone();
      colourKeyOpacity = p.keptOpacity();
      colourKeyFaint = job.onBase();
    }
    return colours;
  }

  /**
   * How much coarser the first pass is drawn: 0 when the job fits in a frame at full resolution, else
   * 1 (half) or 2 (a quarter of the resolution; a pass at half resolution takes half the steps).
   */
  private int coarseness(Job job, KeptPlan finePlan) {
    long lines = finePlan != null ? finePlan.lines()
        : job.base().count() + Math.min(job.lines().count(), job.base().count() - job.lines().count());
    long steps = lines * job.stepsPerLine();
    int shift = 0;
    while (shift < levels.length - 1 && steps >> shift > stepsPerFrame) {
      shift++;
    }
    return shift;
  }

  /**
   * Brings a level's layer of all lines to this job (recounted if their version or the size changed) and
   * returns how its kept layer gets to the wanted lines: {@code plan} when one was made for the level as it is.
   */
  private KeptPlan count(Level level, Job job, int shift, boolean[] wanted, KeptPlan plan) {
    LineDensity d = level.density;
    if (!level.matches(job, shift)) {
      d.resize(scaled(job.width(), shift), scaled(job.height(), shift));
      d.clear(job.baseVersion());
      level.kept = new boolean[wanted.length];
      level.weight = new long[wanted.length];
      addBase(level, job, shift);
      plan = null;
    }
    return plan != null ? plan : plan(level, job, wanted);
  }

  /** The cheaper way to the wanted kept lines: from the lines kept now, or from all lines. */
  private static KeptPlan plan(Level level, Job job, boolean[] wanted) {
    level.grow(wanted.length);
    Lines base = job.base();
    int[] added = new int[base.count()];
    int[] removed = new int[base.count()];
    int[] unkept = new int[base.count()];
    int adds = 0;
    int removes = 0;
    int unkepts = 0;
    for (int j = 0; j < base.count(); j++) {
      int i = base.order()[j];
      boolean want = i < wanted.length && wanted[i];
      if (want && !level.kept[i]) {
        added[adds++] = i;
      } else if (!want && level.kept[i]) {
        removed[removes++] = i;
      }
      if (!want) {
        unkept[unkepts++] = i;
      }
    }
    if (unkepts < adds + removes) {
      return new KeptPlan(new int[0], 0, unkept, unkepts, true);
    }
    return new KeptPlan(added, adds, removed, removes, false);
  }

  /**
   * Brings a level's kept layer to the plan and paints the frame, band of rows by band: each band's lines are
   * added and taken away, then its pixels painted, while they are still in the core's cache; bands go to
   * both cores, and one that finishes early takes the next band.
   */
  private void paint(Level level, Job job, int shift, KeptPlan plan, LineDensity.Colours colours) {
    LineDensity d = level.density;
    level.grow(job.pixelY()[0].length);
    hand(job, d.width(), d.height(), shift, out -> bands(d.height(), true, (from, to) -> {
      if (plan.fromAll()) {
        d.keepAll(from, to);
      }
      addRows(level, job, plan.add(), plan.adds(), shift, d.kept(), 1, from, to);
      addRows(level, job, plan.remove(), plan.removes(), shift, d.kept(), -1, from, to);
      d.compose(out, from, to, colours);
    }));
    if (plan.fromAll()) {
      // Kept now: exactly the lines in the layer of all lines (not the mask's spare room for lines to come).
      java.util.Arrays.fill(level.kept, false);
      Lines base = job.base();
      for (int j = 0; j < base.count(); j++) {
        level.kept[base.order()[j]] = true;
      }
    }
    for (int j = 0; j < plan.adds(); j++) {
      level.kept[plan.add()[j]] = true;
    }
    for (int j = 0; j < plan.removes(); j++) {
      level.kept[plan.remove()[j]] = false;
    }
  }

  /**
   * Adds (sign 1) or takes away (sign -1) the lines {@code order[0..n)} in a layer of a level, each with the
   * weight it was counted with (incomplete trials, weight 1, are dashed): in bands of rows, in parallel when
   * there are enough.
   */
  private static void add(Level level, Job job, int[] order, int n, int shift, long[] layer, int sign) {
    boolean parallel = (long) n * (job.axisX().length - 1) >= PARALLEL_ABOVE;
    bands(level.density.height(), parallel,
        (from, to) -> addRows(level, job, order, n, shift, layer, sign, from, to));
    if (layer == level.density.all() && n > 0) {
      level.density.allChanged();
    }
  }

  /** Adds the job's base lines to the level's layer of all lines, each weighed by its colour and dash. */
  private static void addBase(Level level, Job job, int shift) {
    Lines base = job.base();
    for (int j = 0; j < base.count(); j++) {
      level.weight[base.order()[j]] = LineDensity.weight(base.code()[j] & 0xFF, !base.dashed()[j]);
    }
    add(level, job, base.order(), base.count(), shift, level.density.all(), 1);
  }

  /** {@link #add} in the rows {@code [fromRow, toRow)} only. */
  private static void addRows(Level level, Job job, int[] order, int n, int shift, long[] layer, int sign,
      int fromRow, int toRow) {
    double scale = 1.0 / (1 << shift);
    LineDensity d = level.density;
    double[] axisX = job.axisX();
    long dashed = LineDensity.weight(0, false);
    for (int k = 1; k < axisX.length; k++) {
      float[] left = job.pixelY()[k - 1];
      float[] right = job.pixelY()[k];
      double x0 = axisX[k - 1] * scale;
      double x1 = axisX[k] * scale;
      boolean withEnd = k == axisX.length - 1;
      for (int j = 0; j < n; j++) {
        int i = order[j];
        long w = level.weight[i];
        d.add(layer, x0, left[i] * scale, x1, right[i] * scale, w == dashed, withEnd, fromRow, toRow, sign * w);
      }
    }
  }

  /** A band of rows {@code [from, to)}. */
  private interface Band {
    void run(int from, int to);
  }

  /** Runs {@code band} over {@link #BANDS} bands of {@code height} rows, in parallel when asked and possible. */
  private static void bands(int height, boolean parallel, Band band) {
    IntStream bands = IntStream.range(0, BANDS);
    if (PARALLEL && parallel) {
      bands = bands.parallel();
    }
    bands.forEach(b -> band.run(height * b / BANDS, height * (b + 1) / BANDS));
  }

  /** By line number, whether {@code lines} holds it. */
  private static boolean[] mask(Lines lines, int size) {
    boolean[] mask = new boolean[size];
    for (int j = 0; j < lines.count(); j++) {
      mask[lines.order()[j]] = true;
    }
    return mask;
  }

  // --- shared

  /** One segment of one line: strip k (from axis k-1 to axis k), line number i, list position j. */
  private interface SegmentAction {
    void draw(int k, int i, int j);
  }

  /** Runs {@code action} for every segment of {@code lines}, strip by strip (in parallel when worth it). */
  private static void strips(Job job, Lines lines, SegmentAction action) {
    int[] order = lines.order();
    int n = lines.count();
    int segments = job.axisX().length - 1;
    if (segments <= 0 || n == 0) {
      return;
    }
    IntStream strips = IntStream.rangeClosed(1, segments);
    if (PARALLEL && (long) n * segments >= PARALLEL_ABOVE) {
      strips = strips.parallel();
    }
    strips.forEach(k -> {
      for (int j = 0; j < n; j++) {
        action.draw(k, order[j], j);
      }
    });
  }

  /** The first column strip k (from axis k-1 to axis k) owns (the first strip takes the margin). */
  private static int from(Job job, int k) {
    return k == 1 ? 0 : (int) Math.floor(job.axisX()[k - 1] + 0.5);
  }

  /** The column after strip k's last (the last strip takes the margin). */
  private static int to(Job job, int k) {
    return k == job.axisX().length - 1 ? Integer.MAX_VALUE : (int) Math.floor(job.axisX()[k] + 0.5);
  }

  private static int scaled(int size, int shift) {
    return (size + (1 << shift) - 1) >> shift;
  }

  private static boolean sameSize(int width, int height, Job job, int shift) {
    return width == scaled(job.width(), shift) && height == scaled(job.height(), shift);
  }

  /** Hands an image to the JavaFX thread, painted by {@code paint} into a buffer; an untaken frame is replaced. */
  private void hand(Job job, int width, int height, int shift, Consumer<int[]> paint) {
    int size = width * height;
    int[] pixels = spare.getAndSet(null);
    if (pixels == null || pixels.length < size) {
      pixels = new int[size]; // only when growing: smaller frames use the first width * height pixels
    }
    paint.accept(pixels);
    Frame old = ready.getAndSet(new Frame(width, height, pixels, shift, job.width(), job.height(),
        job.generation()));
    if (old != null) {
      spare.set(old.pixels());
    }
    if (publishScheduled.compareAndSet(false, true)) {
      onFxThread.accept(this::publishReady);
    }
  }

  private void publishReady() {
    publishScheduled.set(false);
    Frame frame = ready.getAndSet(null);
    if (frame != null) {
      publish.accept(frame);
      spare.set(frame.pixels());
    }
  }
}
