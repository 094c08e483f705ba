package org.tunescope.app.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tunescope.engine.space.Distribution;

/**
 * One parameter's distribution as Optuna stores it ({@code trial_params.distribution_json}): the 3.x names
 * ({@code FloatDistribution} with log and step, {@code IntDistribution}, {@code CategoricalDistribution}) and
 * the 2.x ones ({@code UniformDistribution}, {@code LogUniformDistribution}, {@code DiscreteUniformDistribution},
 * {@code IntUniformDistribution}, {@code IntLogUniformDistribution}), read into one form.
 *
 * @param kind    float, int or categorical
 * @param step    the grid a float or int snaps to, when it has one (Optuna's step, q)
 * @param choices a categorical parameter's choices, as Optuna's JSON (strings, numbers, booleans, null)
 */
public record OptunaDistribution(Kind kind, double low, double high, boolean log, OptionalDouble step,
                                 List<JsonNode> choices) {

  /** The three kinds Optuna 3.x knows; the 2.x distributions are each one of them. */
  public enum Kind { FLOAT, INT, CATEGORICAL }

  private static final ObjectMapper JSON = new ObjectMapper();

  static OptunaDistribution parse(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new ImportException("a parameter's distribution cannot be read: " + json);
    }
    JsonNode a = n.path("attributes");
    String name = n.path("name").asText();
    return switch (name) {
      case "FloatDistribution" -> new OptunaDistribution(Kind.FLOAT, a.get("low").asDouble(), a.get("high").asDouble(),
          a.path("log").asBoolean(false), step(a.get("step")), List.of());
      case "UniformDistribution" -> new OptunaDistribution(Kind.FLOAT, a.get("low").asDouble(),
          a.get("high").asDouble(), false, OptionalDouble.empty(), List.of());
      case "LogUniformDistribution" -> new OptunaDistribution(Kind.FLOAT, a.get("low").asDouble(),
          a.get("high").asDouble(), true, OptionalDouble.empty(), List.of());
      case "DiscreteUniformDistribution" -> new OptunaDistribution(Kind.FLOAT, a.get("low").asDouble(),
          a.get("high").asDouble(), false, step(a.get("q")), List.of());
      case "IntDistribution" -> new OptunaDistribution(Kind.INT, a.get("low").asDouble(), a.get("high").asDouble(),
          a.path("log").asBoolean(false), step(a.get("step")), List.of());
      case "IntUniformDistribution" -> new OptunaDistribution(Kind.INT, a.get("low").asDouble(),
          a.get("high").asDouble(), false, step(a.get("step")), List.of());
      case "IntLogUniformDistribution" -> new OptunaDistribution(Kind.INT, a.get("low").asDouble(),
          a.get("high").asDouble(), true, step(a.get("step")), List.of());
      case "CategoricalDistribution" -> {
        List<JsonNode> choices = new ArrayList<>();
        a.get("choices").forEach(choices::add);
        yield new OptunaDistribution(Kind.CATEGORICAL, Double.NaN, Double.NaN, false, OptionalDouble.empty(), choices);
      }
      default -> throw new ImportException("unknown Optuna distribution '" + name + "' in " + json);
    };
  }

  private static OptionalDouble step(JsonNode step) {
    return step == null || step.isNull() ? OptionalDouble.empty() : OptionalDouble.of(step.asDouble());
  }

  /**
   * A stored value ({@code trial_params.param_value}, a float) as the value the user's code saw: a Double,
   * a Long, or for a categorical parameter the choice at that index (see {@link #choice}).
   */
  Object external(double stored) {
    return switch (kind) {
      case FLOAT -> stored;
      case INT -> Math.round(stored);
      case CATEGORICAL -> choice((int) stored).orElse(null);
    };
  }

  /**
   * A categorical choice in TuneScope's terms: numbers stay numbers when every choice is one (Long when
   * all are whole), anything else is its Python text ("True", "None"), so the categories read as in Python.
   */
  Optional<Object> choice(int index) {
    if (index < 0 || index >= choices.size()) {
      throw new ImportException("a categorical value's index " + index + " is outside its "
          + choices.size() + " choices");
    }
    JsonNode c = choices.get(index);
    if (choices.stream().allMatch(JsonNode::isIntegralNumber)) {
      return Optional.of(c.asLong());
    }
    if (choices.stream().allMatch(JsonNode::isNumber)) {
      return Optional.of(c.asDouble());
    }
    return Optional.of(pythonText(c));
  }

  private static String pythonText(JsonNode c) {
    if (c.isNull()) {
      return "None";
    }
    if (c.isBoolean()) {
      return c.asBoolean() ? "True" : "False";
    }
    return c.isTextual() ? c.asText() : c.toString();
  }

  /** The engine's distribution: ranges with their scale, categories as listed. */
  Distribution toEngine() {
    return switch (kind) {
      case FLOAT -> new Distribution.FloatRange(low, high, log);
      case INT -> new Distribution.IntRange(Math.round(low), Math.round(high), log);
      case CATEGORICAL -> {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
          values.add(choice(i).orElseThrow());
        }
        yield new Distribution.Choice(values);
      }
    };
  }

  /** The declaration in Optuna 3.x's words, for the import record (the step stays there: axes ignore it). */
  String declaration() {
    com.fasterxml.jackson.databind.node.ObjectNode n = JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode a = JSON.createObjectNode();
    switch (kind) {
      case FLOAT -> {
        n.put("name", "FloatDistribution");
        a.put("low", low).put("high", high).put("log", log);
        if (step.isPresent()) {
          a.put("step", step.getAsDouble());
        } else {
          a.putNull("step");
        }
      }
      case INT -> {
        n.put("name", "IntDistribution");
        a.put("low", Math.round(low)).put("high", Math.round(high)).put("log", log)
            .put("step", Math.round(step.orElse(1)));
      }
      default -> {
        n.put("name", "CategoricalDistribution");
        a.putArray("choices").addAll(choices);
      }
    }
    n.set("attributes", a);
    return n.toString();
  }

  /** The union of two declarations of one parameter (a study whose ranges changed between trials). */
  OptunaDistribution union(OptunaDistribution other) {
    if (other.kind != kind) {
      return other;
    }
    if (kind == Kind.CATEGORICAL) {
      List<JsonNode> all = new ArrayList<>(choices);
      other.choices.stream().filter(c -> !all.contains(c)).forEach(all::add);
      return new OptunaDistribution(kind, low, high, log, step, all);
    }
    return new OptunaDistribution(kind, Math.min(low, other.low), Math.max(high, other.high), log && other.log,
        step.isPresent() && other.step.isPresent() && step.getAsDouble() == other.step.getAsDouble() ? step
            : OptionalDouble.empty(), choices);
  }
}
