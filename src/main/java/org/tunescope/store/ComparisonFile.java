package org.tunescope.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.study.Direction;

/**
 * A comparison as one JSON document: {@code {"comparison": {...}, "studies": [...], "ensembles": [...]}}, each
 * study in the shape of {@link ResultsFile} ({@code tune --out}), each ensemble with its {@code kind},
 * {@code members} ({@code study}, {@code trial} and {@code weight}: how many times it counts in a greedy
 * ensemble's average, 1 in the others), {@code train} and {@code validation} like a trial's
 * ({@code mean}, {@code std}, {@code folds}), its {@code gap} and, when the studies hold rows out, {@code test}.
 */
public final class ComparisonFile {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ComparisonFile() {
  }

  /**
   * The JSON tree of a comparison, its studies read from the store.
   *
   * @param runs how each study's run went, by study name, for the studies that just ran
   */
  public static ObjectNode toJson(StudyStore store, ComparisonRecord c, Map<String, ResultsFile.StudyRun> runs) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode comparison = root.putObject("comparison");
    comparison.put("name", c.name());
    comparison.put("created", c.created().toString());
    comparison.put("dataset", c.dataset());
    comparison.put("sha256", c.sha256());
    comparison.put("target", c.target());
    comparison.put("metric", c.metric());
    comparison.put("fold_method", c.folds());
    comparison.put("seed", c.seed());
    ArrayNode names = comparison.putArray("studies");
    c.studies().forEach(names::add);
    ArrayNode studies = root.putArray("studies");
    Direction direction = Direction.MAXIMIZE;
    for (String name : c.studies()) {
      StudyRecord record = store.get(name);
      direction = Direction.of(record.info().direction());
      studies.add(ResultsFile.toJson(record.info(), store.trials(name), Optional.ofNullable(runs.get(name)),
          store.testScore(name)));
    }
    ArrayNode ensembles = root.putArray("ensembles");
    for (EnsembleRecord e : c.ensembles()) {
      ObjectNode node = ensembles.addObject();
      node.put("kind", e.kind());
      ArrayNode members = node.putArray("members");
      e.members().forEach(m -> members.addObject().put("study", m.study()).put("trial", m.trial())
          .put("weight", m.weight()));
      ResultsFile.summary(node.putObject("train"), e.train());
      ResultsFile.summary(node.putObject("validation"), e.validation());
      ResultsFile.putNumber(node, "gap", direction.gap(e.train().mean(), e.validation().mean()));
      e.test().ifPresent(t -> ResultsFile.putNumber(node, "test", t));
    }
    return root;
  }

  public static void write(Path file, StudyStore store, ComparisonRecord c, Map<String, ResultsFile.StudyRun> runs)
      throws IOException {
    AtomicFile.write(file, out -> JSON.writeValue(out, toJson(store, c, runs)));
  }
}
