package org.tunescope.ui.studies;

import java.nio.file.Path;
import java.util.Locale;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;

/**
 * A study the window knows: what was asked (to restore the data, model and space when it is reopened)
 * and the trials it produced.
 */
public record StudyEntry(TuningRequest request, Path dataFile, PreparedStudy prepared, StudyResult result) {

  public String name() {
    return request.name();
  }

  /** One line for the studies list: model, data, trials, best score, state. */
  public String summary() {
    int planned = prepared.study().plannedTrials().orElse(result.trials().size());
    String best = result.best().map(t -> String.format(Locale.ROOT, "%.4f", t.validation().mean())).orElse("-");
    String state = result.stopReason().map(r -> r.equals("cancelled") ? "stopped" : "failed").orElse(
        result.trials().size() >= planned ? "finished" : "stopped");
    return request.model() + " on " + dataFile.getFileName() + " · " + result.trials().size() + "/" + planned
        + " trials · best " + prepared.metric().id() + " " + best + " · " + state;
  }

  /** Whether resuming it would run more trials. */
  public boolean canResume() {
    return result.stopReason().isPresent();
  }
}
