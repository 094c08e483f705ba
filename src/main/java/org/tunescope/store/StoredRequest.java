package org.tunescope.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tunescope.engine.study.Budget;

/**
 * A study's request in a form that can be kept and read back: enough to rebuild the study from its data
 * file. Ranges are kept in the command line's syntax; {@code app.StudyRecords} maps it to and from a
 * tuning request.
 *
 * @param dataPath the data file, as it was given
 */
public record StoredRequest(
    String dataPath,
    String target,
    Optional<String> task,
    String model,
    Map<String, String> ranges,
    boolean fixOthers,
    Optional<String> metric,
    String search,
    int gridPoints,
    OptionalInt maxTrials,
    Optional<Duration> maxTime,
    int folds,
    int repeats,
    Optional<String> foldColumn,
    long seed,
    OptionalDouble testFraction) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public StoredRequest {
    ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }

  public Budget budget() {
    return new Budget(maxTrials, maxTime);
  }

  /** The setting {@link #difference} names when only {@code fixOthers} differs. */
  public static final String FIX_OTHERS = "fix others";

  /**
   * A setting in which a run asks for another study than the stored one.
   *
   * @param asked  the run's value, as shown
   * @param stored the stored study's value, as shown
   */
  public record Difference(String setting, String asked, String stored) {
  }

  /**
   * The first setting in which {@code other} asks for a different study than this one (the data path and
   * the budget may differ), or empty when both describe the same search.
   */
  public Optional<Difference> difference(StoredRequest other) {
    Map<String, Object[]> fields = new LinkedHashMap<>();
    fields.put("model", new Object[] {model, other.model});
    fields.put("target", new Object[] {target, other.target});
    fields.put("task", new Object[] {task, other.task});
    fields.put("parameter ranges", new Object[] {ranges, other.ranges});
    fields.put(FIX_OTHERS, new Object[] {fixOthers, other.fixOthers});
    fields.put("metric", new Object[] {metric, other.metric});
    fields.put("search", new Object[] {search, other.search});
    fields.put("grid points", new Object[] {gridPoints, other.gridPoints});
    fields.put("folds", new Object[] {folds, other.folds});
    fields.put("repeats", new Object[] {repeats, other.repeats});
    fields.put("fold column", new Object[] {foldColumn, other.foldColumn});
    fields.put("seed", new Object[] {seed, other.seed});
    fields.put("test fraction", new Object[] {testFraction, other.testFraction});
    for (Map.Entry<String, Object[]> e : fields.entrySet()) {
      if (!e.getValue()[0].equals(e.getValue()[1])) {
        return Optional.of(new Difference(e.getKey(), show(e.getValue()[1]), show(e.getValue()[0])));
      }
    }
    return Optional.empty();
  }

  private static String show(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(String::valueOf).orElse("(default)");
    }
    if (value instanceof OptionalDouble d) {
      return d.isPresent() ? String.valueOf(d.getAsDouble()) : "(none)";
    }
    return String.valueOf(value);
  }

  public String toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("data", dataPath);
    n.put("target", target);
    task.ifPresent(t -> n.put("task", t));
    n.put("model", model);
    ObjectNode r = n.putObject("ranges");
    ranges.forEach(r::put);
    n.put("fix_others", fixOthers);
    metric.ifPresent(m -> n.put("metric", m));
    n.put("search", search);
    n.put("grid_points", gridPoints);
    maxTrials.ifPresent(t -> n.put("max_trials", t));
    maxTime.ifPresent(t -> n.put("max_time_ms", t.toMillis()));
    n.put("folds", folds);
    n.put("repeats", repeats);
    foldColumn.ifPresent(c -> n.put("fold_column", c));
    n.put("seed", seed);
    testFraction.ifPresent(f -> n.put("test_fraction", f));
    return n.toString();
  }

  public static StoredRequest fromJson(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      Map<String, String> ranges = new LinkedHashMap<>();
      n.get("ranges").fields().forEachRemaining(e -> ranges.put(e.getKey(), e.getValue().asText()));
      return new StoredRequest(n.get("data").asText(), n.get("target").asText(), text(n, "task"),
          n.get("model").asText(), ranges, n.get("fix_others").asBoolean(), text(n, "metric"),
          n.get("search").asText(), n.get("grid_points").asInt(),
          n.has("max_trials") ? OptionalInt.of(n.get("max_trials").asInt()) : OptionalInt.empty(),
          n.has("max_time_ms") ? Optional.of(Duration.ofMillis(n.get("max_time_ms").asLong())) : Optional.empty(),
          n.get("folds").asInt(), n.get("repeats").asInt(), text(n, "fold_column"), n.get("seed").asLong(),
          n.has("test_fraction") ? OptionalDouble.of(n.get("test_fraction").asDouble()) : OptionalDouble.empty());
    } catch (java.io.IOException | RuntimeException e) {
      throw new StoreException("the stored request of a study cannot be read: " + e.getMessage(), e);
    }
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
