package org.tunescope.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

/** The JSON columns of imported studies and trials ({@code study_imports}, {@code imported_trials}). */
final class ImportJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportJson() {
  }

  static String objectives(List<ImportRecord.Objective> objectives) {
    ArrayNode a = JSON.createArrayNode();
    objectives.forEach(o -> a.addObject().put("name", o.name()).put("direction", o.direction()));
    return a.toString();
  }

  static List<ImportRecord.Objective> objectives(String json) {
    List<ImportRecord.Objective> out = new ArrayList<>();
    read(json).forEach(n -> out.add(new ImportRecord.Objective(n.get("name").asText(), n.get("direction").asText())));
    return out;
  }

  static String space(SearchSpace space) {
    ObjectNode o = JSON.createObjectNode();
    for (SearchParameter p : space.parameters()) {
      ObjectNode d = o.putObject(p.name());
      if (p.distribution() instanceof Distribution.FloatRange r) {
        d.put("type", "float").put("low", r.low()).put("high", r.high()).put("log", r.log());
      } else if (p.distribution() instanceof Distribution.IntRange r) {
        d.put("type", "int").put("low", r.low()).put("high", r.high()).put("log", r.log());
      } else if (p.distribution() instanceof Distribution.Choice c) {
        ArrayNode values = d.put("type", "choice").putArray("values");
        c.values().forEach(v -> values.add(JSON.valueToTree(v)));
      } else {
        d.put("type", "fixed").set("value", JSON.valueToTree(((Distribution.Fixed) p.distribution()).value()));
      }
    }
    return o.toString();
  }

  static SearchSpace space(String json) {
    List<SearchParameter> params = new ArrayList<>();
    read(json).fields().forEachRemaining(e -> {
      JsonNode d = e.getValue();
      Distribution distribution = switch (d.get("type").asText()) {
        case "float" -> new Distribution.FloatRange(d.get("low").asDouble(), d.get("high").asDouble(),
            d.get("log").asBoolean());
        case "int" -> new Distribution.IntRange(d.get("low").asLong(), d.get("high").asLong(), d.get("log").asBoolean());
        case "choice" -> {
          List<Object> values = new ArrayList<>();
          d.get("values").forEach(v -> values.add(value(v)));
          yield new Distribution.Choice(values);
        }
        default -> new Distribution.Fixed(value(d.get("value")));
      };
      params.add(SearchParameter.of(e.getKey(), distribution));
    });
    return new SearchSpace(params);
  }

  /** A JSON value as a parameter value: Long, Double, Boolean or String. */
  private static Object value(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return v.isBoolean() ? (Object) v.asBoolean() : v.asText();
  }

  static String texts(Map<String, String> map) {
    ObjectNode o = JSON.createObjectNode();
    map.forEach(o::put);
    return o.toString();
  }

  static Map<String, String> texts(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    read(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static String numbers(List<Double> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(v -> a.add(numberNode(v)));
    return a.toString();
  }

  /** A number as JSON: null for NaN, "inf" and "-inf" for infinities (JSON has no such numbers). */
  private static JsonNode numberNode(double v) {
    if (Double.isNaN(v)) {
      return JSON.nullNode();
    }
    if (Double.isInfinite(v)) {
      return JSON.getNodeFactory().textNode(v > 0 ? "inf" : "-inf");
    }
    return JSON.getNodeFactory().numberNode(v);
  }

  static List<Double> numbers(String json) {
    List<Double> out = new ArrayList<>();
    read(json).forEach(n -> out.add(number(n)));
    return out;
  }

  private static double number(JsonNode n) {
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      return n.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.NaN;
  }

  static String steps(List<ImportedTrial.Step> steps) {
    ArrayNode a = JSON.createArrayNode();
    steps.forEach(st -> a.addArray().add(st.step()).add(numberNode(st.value())));
    return a.toString();
  }

  static List<ImportedTrial.Step> steps(String json) {
    List<ImportedTrial.Step> out = new ArrayList<>();
    read(json).forEach(n -> out.add(new ImportedTrial.Step(n.get(0).asLong(), number(n.get(1)))));
    return out;
  }

  static Optional<Instant> instant(String text) {
    return Optional.ofNullable(text).map(Instant::parse);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new StoreException("an imported study's stored details cannot be read: " + e.getMessage(), e);
    }
  }
}
