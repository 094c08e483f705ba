package org.tunescope.app.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The import fixtures of {@code src/test/resources/import} (made by make_fixtures.py with the real tools), copied
 * into a test's folder so that no test opens a resource itself, and what the tools reported for them.
 */
final class Fixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {
  }

  static Path copy(String name, Path dir) {
    try {
      Path source = Path.of(Fixtures.class.getResource("/import/" + name).toURI());
      return Files.copy(source, dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the tool reported for a fixture: {@code optuna_basic.db} -> {@code optuna_basic.expected.json}. */
  static JsonNode expected(String fixture) {
    String base = fixture.substring(0, fixture.lastIndexOf('.'));
    try {
      return JSON.readTree(Fixtures.class.getResource("/import/" + base + ".expected.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parameters as the tool printed them, in TuneScope's types: Long, Double, String, or null for None. */
  static Map<String, Object> params(JsonNode params) {
    Map<String, Object> out = new LinkedHashMap<>();
    params.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
    return out;
  }

  static Object value(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "True" : "False";
    }
    return v.asText();
  }
}
