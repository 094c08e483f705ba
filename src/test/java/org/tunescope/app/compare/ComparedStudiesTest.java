package org.tunescope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.app.StudyService;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.ResultsFile;
import org.tunescope.store.StudyStore;

/** Three real studies on iris compared: the leaderboard, the paired comparison checked against exported files. */
class ComparedStudiesTest {

  private static final StudyStore STORE = new InMemoryStudyStore();
  private static List<String> names;

  @TempDir
  Path dir;

  @BeforeAll
  static void runStudies() {
    names = CompareFixtures.threeModels(STORE);
  }

  @Test
  void theLeaderboardHasEachStudysBestTrialBestFirst() {
    ComparedStudies c = ComparedStudies.load(STORE, ModelCatalog.standard(), names);
    List<LeaderboardRow> rows = c.leaderboard();
    assertEquals(3, rows.size());
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).validationMean() >= rows.get(i).validationMean(), "best first: " + rows);
    }
    for (LeaderboardRow r : rows) {
      double best = STORE.trials(r.study()).stream().filter(t -> t.isComplete())
          .mapToDouble(t -> t.validation().mean()).max().orElseThrow();
      assertEquals(best, r.validationMean(), 0);
      assertEquals(r.trial().orElseThrow().train().mean() - r.validationMean(), r.gap(), 1e-12);
    }
    assertEquals(List.of("decision_tree", "knn", "logistic_regression"),
        rows.stream().map(LeaderboardRow::label).sorted().toList());
    assertTrue(c.paretoFront().size() >= 1);
  }

  @Test
  void aStoredComparisonIsFoundByItsStudiesOrItsNameAndItsEnsemblesRankAmongTheirBestTrials() {
    List<String> reversed = new ArrayList<>(names);
    java.util.Collections.reverse(reversed);
    assertTrue(ComparedStudies.stored(STORE, names.subList(0, 2)).isEmpty(), "not these two alone");
    // A vote scored 0.99 on every fold (train 1.0): first, with a gap of 0.01.
    CompareFixtures.withEnsemble(STORE, "three-on-iris", names, "vote", 0.99);
    try {
      org.tunescope.store.ComparisonRecord found = ComparedStudies.stored(STORE, reversed).orElseThrow();
      assertEquals("three-on-iris", found.name());
      assertEquals(3, ComparedStudies.load(STORE, ModelCatalog.standard(), names).leaderboard().size(),
          "studies alone: no ensemble");
      List<LeaderboardRow> rows = ComparedStudies.loadComparison(STORE, ModelCatalog.standard(), "three-on-iris")
          .leaderboard();
      assertEquals(4, rows.size());
      LeaderboardRow vote = rows.get(0);
      assertTrue(vote.isEnsemble());
      assertEquals("vote of 3", vote.label());
      assertEquals(0.99, vote.validationMean(), 1e-12);
      assertEquals(0.01, vote.gap(), 1e-12);
      ComparisonException e = assertThrows(ComparisonException.class,
          () -> ComparedStudies.loadComparison(STORE, ModelCatalog.standard(), "nope"));
      assertEquals("there is no comparison named nope", e.getMessage());
    } finally {
      STORE.deleteComparison("three-on-iris");
    }
  }

  /**
   * An ensemble is one more candidate in every view: its cost is its members' summed, read from their stored
   * trials; it sits on the Pareto front when it beats every trial; the history places it where its last member
   * finished; the paired comparison takes it when it is one of the two best.
   */
  @Test
  void anEnsembleIsOneMoreCandidateInTheCostHistoryAndPairedViews() {
    CompareFixtures.withEnsemble(STORE, "best-is-a-vote", names, "vote", 1.0);
    try {
      ComparedStudies c = ComparedStudies.loadComparison(STORE, ModelCatalog.standard(), "best-is-a-vote");
      List<org.tunescope.engine.study.Trial> members = names.stream().map(n -> STORE.trials(n).get(0)).toList();
      LeaderboardRow vote = c.ensembleRows().get(0);
      assertEquals(members.stream().mapToDouble(org.tunescope.engine.study.Trial::fitSeconds).sum(),
          vote.fitSeconds(), 1e-12);
      assertEquals(members.stream().mapToDouble(t -> t.bytesAllocated() / 1e6).sum(), vote.megabytes(), 1e-9);
      assertEquals(List.of(vote), c.ensembleRows());

      // No iris trial here scores 1.0 on every fold, so the vote is both best and on the front.
      assertTrue(names.stream().flatMap(n -> STORE.trials(n).stream()).allMatch(t -> t.validation().mean() < 1.0));
      assertEquals(vote, c.paretoFront().get(c.paretoFront().size() - 1), "dearest and best of the front");

      // Each study's first trial is trial 0: the last member finished at trial 0 of its study.
      assertEquals(members.stream().mapToDouble(t -> t.number()).max().orElseThrow(),
          c.lastMemberAt(vote.ensemble().orElseThrow(), false).orElseThrow(), 0);
      double lastByTime = 0;
      for (String n : names) {
        lastByTime = Math.max(lastByTime, org.tunescope.ml.tuning.OptimisationHistory.x(STORE.trials(n).get(0),
            STORE.trials(n), true));
      }
      assertEquals(lastByTime, c.lastMemberAt(vote.ensemble().orElseThrow(), true).orElseThrow(), 1e-9);

      PairedFolds paired = c.pairedBest().orElseThrow();
      LeaderboardRow second = c.leaderboard().get(1);
      assertEquals("vote of 3", paired.first());
      assertEquals(second.label(), paired.second());
      for (int f = 0; f < paired.folds(); f++) {
        assertEquals(1.0 - second.trial().orElseThrow().folds().get(f).validation(), paired.differences().get(f),
            1e-12);
      }
    } finally {
      STORE.deleteComparison("best-is-a-vote");
    }
  }

  /** A saved leaderboard has the ensembles' rows: kind, members, fold scores, summed cost; and only whole files. */
  @Test
  void theSavedLeaderboardHasTheEnsemblesRowsWrittenWhole() throws Exception {
    CompareFixtures.withEnsemble(STORE, "saved-vote", names, "vote", 1.0);
    try {
      ComparedStudies c = ComparedStudies.loadComparison(STORE, ModelCatalog.standard(), "saved-vote");
      LeaderboardRow vote = c.ensembleRows().get(0);
      Path folder = Files.createDirectory(dir.resolve("saved"));
      Path board = folder.resolve("board.json");
      Files.writeString(board, "an older file");
      LeaderboardFile.write(board, c);
      JsonNode saved = new ObjectMapper().readTree(board.toFile());
      JsonNode row = saved.get("leaderboard").get(0);
      List<String> members = new ArrayList<>();
      row.get("members").forEach(m -> members.add(m.get("study").asText() + " #" + m.get("trial").asInt()));
      List<String> expected = names.stream().map(n -> n + " #" + STORE.trials(n).get(0).number()).toList();
      assertEquals(4, saved.get("leaderboard").size());
      assertEquals("vote", row.get("ensemble").asText());
      assertTrue(row.get("trial").isNull());
      assertEquals(expected, members);
      assertEquals(vote.fitSeconds(), row.get("fit_seconds").asDouble(), 1e-12);
      assertEquals(3, row.get("validation_folds").size());
      assertEquals(1.0, row.get("validation_folds").get(2).asDouble(), 0);
      assertEquals("vote of 3", saved.get("paired").get("first").asText());

      Path csv = folder.resolve("board.csv");
      LeaderboardFile.write(csv, c);
      List<String> lines = Files.readAllLines(csv);
      assertEquals(5, lines.size());
      assertTrue(lines.get(0).endsWith(",validation_fold_2,ensemble,members"), lines.get(0));
      assertTrue(lines.get(1).startsWith("1,vote of 3,saved-vote,,1.0,"), lines.get(1));
      assertTrue(lines.get(1).endsWith(",1.0,1.0,1.0,vote," + String.join(" ", expected)), lines.get(1));
      assertTrue(lines.get(2).endsWith(",,"), "a trial's row has no kind and no members: " + lines.get(2));
      try (var files = Files.list(folder)) {
        assertEquals(List.of("board.csv", "board.json"), files.map(f -> f.getFileName().toString()).sorted().toList(),
            "no temporary file left behind");
      }
    } finally {
      STORE.deleteComparison("saved-vote");
    }
  }

  /** The issue's check: the paired comparison agrees with a plain computation from the exported fold scores. */
  @Test
  void thePairedComparisonAgreesWithAPlainComputationFromTheExportedFoldScores() throws Exception {
    ComparedStudies c = ComparedStudies.load(STORE, ModelCatalog.standard(), names);
    PairedFolds paired = c.pairedBest().orElseThrow();
    List<LeaderboardRow> rows = c.leaderboard();

    // Export each study as `tunescope export` does, and read the best trials' fold scores back from the JSON.
    ObjectMapper json = new ObjectMapper();
    List<List<Double>> folds = new ArrayList<>();
    for (LeaderboardRow r : rows.subList(0, 2)) {
      Path file = dir.resolve(r.study() + ".json");
      ResultsFile.write(file, STORE.get(r.study()).info(), STORE.trials(r.study()), Optional.empty(), false,
          Optional.empty(), Optional.empty());
      JsonNode best = null;
      for (JsonNode t : json.readTree(file.toFile()).get("trials")) {
        if ("complete".equalsIgnoreCase(t.get("state").asText()) && (best == null
            || t.get("validation").get("mean").asDouble() > best.get("validation").get("mean").asDouble())) {
          best = t;
        }
      }
      List<Double> scores = new ArrayList<>();
      best.get("validation").get("folds").forEach(v -> scores.add(v.asDouble()));
      folds.add(scores);
    }
    int n = folds.get(0).size();
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = folds.get(0).get(i) - folds.get(1).get(i);
      sum += d[i];
    }
    double mean = sum / n;
    double ss = 0;
    int ahead = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
      ahead += v > 0 ? 1 : 0;
    }
    assertEquals(3, n);
    assertEquals(mean, paired.mean(), 1e-12);
    assertEquals(Math.sqrt(ss / (n - 1)), paired.std(), 1e-12);
    assertEquals(4.302653 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n), paired.halfWidth(), 1e-5); // t(0.975, 2)
    assertEquals(ahead, paired.firstAhead());
    assertEquals(rows.get(0).label(), paired.first());

    // The leaderboard file carries the same fold scores and the same sentence.
    Path board = dir.resolve("board.json");
    LeaderboardFile.write(board, c);
    JsonNode saved = json.readTree(board.toFile());
    assertEquals(folds.get(0).get(2), saved.get("leaderboard").get(0).get("validation_folds").get(2).asDouble(), 0);
    assertEquals(paired.sentence(), saved.get("paired").get("sentence").asText());
    Path csv = dir.resolve("board.csv");
    LeaderboardFile.write(csv, c);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(4, lines.size());
    assertTrue(lines.get(0).startsWith("rank,model,study,trial,validation_mean"), lines.get(0));
    assertTrue(lines.get(1).startsWith("1," + rows.get(0).model() + "," + rows.get(0).study() + ","), lines.get(1));
  }

  @Test
  void studiesOnOtherFoldsOrTooFewAreRefusedInOneSentence() {
    StudyService service = new StudyService(STORE, ModelCatalog.standard());
    CompareFixtures.run(service, DataLoader.load(CompareFixtures.IRIS), TuningRequest.builder("knn-5fold", "target",
        "knn").metric(Optional.of("accuracy")).folds(5).budget(new Budget(OptionalInt.of(2), Optional.empty())).build());
    ComparisonException e = assertThrows(ComparisonException.class,
        () -> ComparedStudies.load(STORE, ModelCatalog.standard(), List.of("knn-iris", "knn-5fold")));
    assertEquals("cannot compare knn-iris with knn-5fold: they differ in folds (3 stratified 3-fold vs 5 stratified "
        + "5-fold). Models are compared on the same data, target, metric and folds.", e.getMessage());
    assertThrows(ComparisonException.class, () -> ComparedStudies.load(STORE, ModelCatalog.standard(),
        List.of("knn-iris")));
    assertThrows(ComparisonException.class, () -> ComparedStudies.load(STORE, ModelCatalog.standard(),
        List.of("knn-iris", "nope")));
  }

  @Test
  void twoStudiesOfOneModelAreNamedByStudy() {
    ComparedStudies c = ComparedStudies.load(STORE, ModelCatalog.standard(), List.of("knn-iris", "tree-iris"));
    assertEquals(Map.of("knn-iris", "knn", "tree-iris", "decision_tree"), Map.of(
        c.studies().get(0).record().name(), c.studies().get(0).label(),
        c.studies().get(1).record().name(), c.studies().get(1).label()));
    assertEquals(Direction.MAXIMIZE, c.direction());
  }
}
