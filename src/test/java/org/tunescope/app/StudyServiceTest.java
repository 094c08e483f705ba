package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.ObjectiveProbe;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyRecord;

/** A study's life through the application layer: create, run, finish, score, reopen. */
class StudyServiceTest {

  @TempDir
  Path dir;

  private static TuningRequest svm(String name) {
    return TuningRequest.builder(name, "target", "svm").fixOthers(true).metric(Optional.of("accuracy"))
        .ranges(Map.of("kernel", new Distribution.Choice(List.of("rbf")),
            "C", new Distribution.Choice(List.of(0.1, 10.0)), "gamma", new Distribution.Choice(List.of(1e-3, 0.1))))
        .folds(3).testFraction(OptionalDouble.of(0.2)).build();
  }

  private static PreparedStudy prepare(TuningRequest request, LoadedData data) {
    return new TuningSetup(ModelCatalog.standard()).prepare(request, data.table(), data.file(), data.sha256());
  }

  @Test
  void aRunThroughTheAppLayerFinishesKeepsItsTestScoreAndLeavesTheObjectiveClosed() {
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    StudyService service = new StudyService(new InMemoryStudyStore(), ModelCatalog.standard());
    TuningRequest request = svm("svm-cancer");
    PreparedStudy prepared = prepare(request, cancer);
    service.create(prepared, request, cancer.file());
    StudyRun run = service.start(prepared, 1);
    List<Long> keptDuringTheRun = new ArrayList<>();
    StudyResult result = run.run(e -> {
      if (e instanceof StudyEvent.TrialFinished) {
        keptDuringTheRun.add(ObjectiveProbe.distanceBytes(prepared.objective()));
      }
    });
    assertEquals(4, result.trials().size());
    assertTrue(keptDuringTheRun.stream().allMatch(b -> b > 0), "the trials shared fold distances: " + keptDuringTheRun);
    assertEquals(0, ObjectiveProbe.distanceBytes(prepared.objective()), "closed when the run ended");

    run.finish(result);
    assertTrue(service.store().get("svm-cancer").finished().isPresent());
    TestScoreKeeper.Scored scored = run.scoreHeldOut(result).orElseThrow();
    assertEquals(Optional.empty(), scored.notKept());
    assertEquals(Optional.of(scored.score()), service.store().testScore("svm-cancer"));
    assertEquals(result.best().orElseThrow().number(), scored.score().trial());
  }

  @Test
  void aStudyOfTheSameNameIsJoinedUnlessItIsFinishedOrSearchesAnotherWay() {
    LoadedData iris = DataLoader.load(Path.of("sample-datasets/iris.csv"));
    StudyService service = new StudyService(new InMemoryStudyStore(), ModelCatalog.standard());
    TuningRequest request = TuningRequest.builder("knn", "target", "knn").build();
    StudyRecord first = service.create(prepare(request, iris), request, iris.file());
    assertEquals(first, service.create(prepare(request, iris), request, iris.file()), "joined");
    assertEquals("knn-2", service.freshName("knn"));

    TuningRequest other = request.toBuilder().fixOthers(true).build();
    StudyRefusedException e = assertThrows(StudyRefusedException.class,
        () -> service.create(prepare(other, iris), other, iris.file()));
    assertEquals(StudyRefusedException.Reason.OTHER_SEARCH, e.reason());
    assertEquals("study 'knn' already exists with another search (this run asks for fix others true instead of"
        + " false)", e.getMessage());

    service.store().markFinished("knn");
    e = assertThrows(StudyRefusedException.class, () -> service.create(prepare(request, iris), request, iris.file()));
    assertEquals(StudyRefusedException.Reason.FINISHED, e.reason());
  }

  @Test
  void aStudyWhoseDataChangedIsRefusedUnlessForcedAndTheMessageNamesNoOption() throws Exception {
    Path file = dir.resolve("iris.csv");
    Files.copy(Path.of("sample-datasets/iris.csv"), file);
    LoadedData iris = DataLoader.load(file);
    StudyService service = new StudyService(new InMemoryStudyStore(), ModelCatalog.standard());
    TuningRequest request = TuningRequest.builder("knn", "target", "knn").build();
    StudyRecord record = service.create(prepare(request, iris), request, file);
    assertEquals(prepare(request, iris).info(), service.reopen(record, service.recordedData(record, w -> { }), false, w -> { }).prepared().info());

    Files.writeString(file, Files.readString(file) + "5.0,3.0,1.5,0.2,setosa\n");
    StudyRefusedException e = assertThrows(StudyRefusedException.class, () -> service.reopen(record, service.recordedData(record, w -> { }), false, w -> { }));
    assertEquals(StudyRefusedException.Reason.DATA_CHANGED, e.reason());
    assertTrue(e.getMessage().startsWith("the data file " + file.toAbsolutePath() + " changed since study knn began"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("--"), e.getMessage());
    List<String> notes = new ArrayList<>();
    assertEquals(151, service.reopen(record, service.recordedData(record, w -> { }), true, notes::add).prepared().problem().rows());
    assertEquals(List.of(e.getMessage()), notes);
  }
}
