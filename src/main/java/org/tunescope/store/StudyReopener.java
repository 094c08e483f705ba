package org.tunescope.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;

/**
 * Rebuilds a stored study from its request and its data file, to resume or show it. A data file whose
 * SHA-256 changed, or a model whose default ranges changed, is refused unless forced.
 */
public final class StudyReopener {

  private StudyReopener() {
  }

  /**
   * @param loaded the study's data file, loaded now
   * @param force  go on despite a changed data file or search space, telling {@code warnings} why
   * @throws IllegalArgumentException when the data or the space changed and {@code force} is off
   */
  public static PreparedStudy prepare(StudyRecord record, LoadedData loaded, ModelCatalog catalog, boolean force,
      Consumer<String> warnings) {
    StoredRequest stored = record.request();
    String was = record.info().sha256();
    if (!loaded.sha256().equals(was)) {
      String what = "the data file " + stored.dataPath() + " changed since study " + record.name() + " began (SHA-256 now "
          + loaded.sha256().substring(0, 12) + "..., was " + was.substring(0, 12) + "...)";
      if (!force) {
        throw new IllegalArgumentException(what + "; use --force to resume with it anyway");
      }
      warnings.accept(what);
    }
    TuningSetup setup = new TuningSetup(catalog);
    TuningRequest plain = stored.toRequest(record.name(), Map.of());
    LearningProblem problem = setup.problem(plain, loaded.table());
    ModelSpec model = setup.findModel(stored.model(), problem.task());
    TuningRequest request = stored.toRequest(record.name(), model);
    PreparedStudy prepared = setup.prepare(request, problem, Path.of(record.info().dataset()), loaded.sha256());
    if (!prepared.info().space().equals(record.info().space())) {
      String what = "the search space of model " + model.id() + " changed since study " + record.name() + " began";
      if (!force) {
        throw new IllegalArgumentException(what + "; use --force to resume with the new one");
      }
      warnings.accept(what);
    }
    return prepared;
  }

  /** The request the study was made with, its ranges read against its model. */
  public static TuningRequest request(StudyRecord record, PreparedStudy prepared) {
    return record.request().toRequest(record.name(), prepared.model());
  }
}
