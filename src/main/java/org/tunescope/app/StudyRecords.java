package org.tunescope.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileVersion;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.Provenance;
import org.tunescope.store.StoreException;
import org.tunescope.store.StoredRequest;
import org.tunescope.store.StudyRecord;

/**
 * Between the ML types and the store's records: a request in its stored form and back, and the provenance
 * (software versions, cores) kept with a new study.
 */
public final class StudyRecords {

  private StudyRecords() {
  }

  /**
   * The record of a study about to run for the first time.
   *
   * @param data the data file; kept as an absolute path so that the study can be resumed from any folder
   */
  public static StudyRecord of(PreparedStudy prepared, TuningRequest request, Path data) {
    return new StudyRecord(prepared.info(), stored(request, data.toAbsolutePath()), provenance(),
        prepared.study().plannedTrials(), Optional.empty());
  }

  /** The request in the store's form; ranges in the command line's syntax. */
  static StoredRequest stored(TuningRequest r, Path data) {
    Map<String, String> ranges = new LinkedHashMap<>();
    r.ranges().forEach((name, d) -> ranges.put(name, DistributionParser.format(d)));
    return new StoredRequest(data.toString(), r.target(), r.task().map(Task::id), r.model(), ranges, r.fixOthers(),
        r.metric(), r.search().id(), r.gridPoints(), r.budget().maxTrials(), r.budget().maxTime(), r.folds(),
        r.repeats(), r.foldColumn(), r.seed(), r.testFraction());
  }

  /** The stored request again, named {@code name}, with ranges already read: none, to find the task and model. */
  static TuningRequest request(StoredRequest s, String name, Map<String, Distribution> ranges) {
    return TuningRequest.builder(name, s.target(), s.model()).task(s.task().map(Task::parse)).ranges(ranges)
        .fixOthers(s.fixOthers()).metric(s.metric()).search(SearchMethod.parse(s.search())).gridPoints(s.gridPoints())
        .budget(s.budget()).folds(s.folds()).repeats(s.repeats()).foldColumn(s.foldColumn()).seed(s.seed())
        .testFraction(s.testFraction()).build();
  }

  /** The stored ranges read against the model's declarations. */
  static Map<String, Distribution> ranges(StoredRequest s, ModelSpec spec) {
    Map<String, Distribution> parsed = new LinkedHashMap<>();
    s.ranges().forEach((param, text) -> {
      HyperParameter hp = spec.hyperParameter(param).orElseThrow(() -> new StoreException(
          "the stored study searches parameter '" + param + "', which model " + spec.id() + " no longer has"));
      parsed.put(param, DistributionParser.parse(hp, text));
    });
    return parsed;
  }

  /** This process's versions and cores, now. */
  public static Provenance provenance() {
    return new Provenance(Provenance.TUNESCOPE_VERSION, SmileVersion.bundled(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), java.time.Instant.now());
  }
}
