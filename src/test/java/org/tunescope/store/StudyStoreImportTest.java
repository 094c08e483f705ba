package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

/** Imported studies in both stores: kept with their origin and trial extras, updated by a re-import, never mixed. */
class StudyStoreImportTest {

  @TempDir
  static Path dir;

  static Stream<Function<String, StudyStore>> stores() {
    return Stream.of(name -> new InMemoryStudyStore(), name -> SqliteStudyStore.open(dir.resolve(name + ".db")));
  }

  static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("C", new Distribution.FloatRange(1e-3, 1e3, true)),
      SearchParameter.of("depth", new Distribution.IntRange(1, 8, false)),
      SearchParameter.of("kernel", new Distribution.Choice(List.of("rbf", "linear"))),
      SearchParameter.of("width", new Distribution.Choice(List.of(16L, 32L)))));

  static ImportRecord origin(String source) {
    return new ImportRecord(ImportRecord.OPTUNA, source, Optional.of("svm"), 1,
        List.of(new ImportRecord.Objective("accuracy", "maximize"), new ImportRecord.Objective("latency", "minimize")),
        SPACE, Map.of("C", "{\"name\":\"FloatDistribution\"}"), Instant.parse("2026-12-05T10:00:00Z"));
  }

  static ImportedTrial extra(int number) {
    return new ImportedTrial(number, Optional.of("id" + number), Optional.of(Instant.parse("2026-12-05T09:00:00Z")),
        List.of(0.9, Double.NaN, Double.POSITIVE_INFINITY),
        List.of(new ImportedTrial.Step(0, 0.5), new ImportedTrial.Step(3, Double.NaN)),
        Map.of("note", "\"hello\"", "train_scores", "[1.0,0.5]"));
  }

  static ImportedStudy study(String source, int trials) {
    List<org.tunescope.engine.study.Trial> t = java.util.stream.IntStream.range(0, trials)
        .mapToObj(i -> StudyStoreContract.trial(i, 0.5 + 0.01 * i)).toList();
    List<ImportedTrial> x = java.util.stream.IntStream.range(0, trials).mapToObj(StudyStoreImportTest::extra).toList();
    return new ImportedStudy(StudyStoreContract.record("svm", OptionalInt.empty()), origin(source), t, x);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void anImportedStudyKeepsItsOriginAndWhatItsTrialsHoldBeyondScores(Function<String, StudyStore> open) {
    try (StudyStore store = open.apply("kept")) {
      ImportedStudy s = study("/a/optuna.db", 3);
      store.saveImport(s);
      assertEquals(s.study(), store.get("svm"));
      assertEquals(s.trials(), store.trials("svm"));
      assertEquals(Optional.of(s.origin()), store.importRecord("svm"));
      assertEquals(s.extras(), store.importedTrials("svm"));
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void importingTheSameSourceAgainReplacesTheTrialsWithoutDuplicates(Function<String, StudyStore> open) {
    try (StudyStore store = open.apply("again")) {
      store.saveImport(study("/a/optuna.db", 3));
      Instant created = store.get("svm").provenance().created();
      ImportedStudy more = study("/a/optuna.db", 5);
      store.saveImport(more);
      assertEquals(more.trials(), store.trials("svm"));
      assertEquals(5, store.importedTrials("svm").size());
      assertEquals(created, store.get("svm").provenance().created());
      assertEquals(1, store.list().size());
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aStudyOfTheSameNameFromElsewhereIsNeverOverwritten(Function<String, StudyStore> open) {
    try (StudyStore store = open.apply("conflict")) {
      store.saveImport(study("/a/optuna.db", 2));
      StoreException e = assertThrows(StoreException.class, () -> store.saveImport(study("/b/other.db", 4)));
      assertTrue(e.getMessage().contains("already in the store and was imported from the Optuna storage /a/optuna.db"),
          e.getMessage());
      assertEquals(2, store.trials("svm").size());
      assertEquals("/a/optuna.db", store.importRecord("svm").orElseThrow().source());

      store.createIfAbsent(StudyStoreContract.record("ran", OptionalInt.of(9)));
      ImportedStudy named = study("/a/optuna.db", 1);
      ImportedStudy clash = new ImportedStudy(StudyStoreContract.record("ran", OptionalInt.empty()), named.origin(),
          named.trials(), named.extras());
      StoreException ran = assertThrows(StoreException.class, () -> store.saveImport(clash));
      assertTrue(ran.getMessage().contains("was run by TuneScope"), ran.getMessage());
      assertEquals(List.of(), store.trials("ran"));
      assertEquals(Optional.empty(), store.importRecord("ran"));
      assertEquals(List.of(), store.importedTrials("ran"));
    }
  }
}
