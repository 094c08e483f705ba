package org.tunescope.ml.tuning;

import java.util.Optional;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelSpec;

/**
 * A checked, ready-to-run study: the engine's study, the objective that scores its trials, and its description.
 *
 * @param problem the rows tuning sees (without the held-out test rows, when there are some)
 * @param heldOut the test rows kept out of tuning, when the request asked for some
 */
public record PreparedStudy(
    Study study,
    CrossValidatedObjective objective,
    StudyInfo info,
    LearningProblem problem,
    ModelSpec model,
    Metric metric,
    Optional<HeldOutRows> heldOut) {

  /** The held-out check of a study's best trial, when the study holds rows out. */
  public Optional<TestScore> heldOutCheck(Trial best) {
    return heldOut.map(h -> h.check(model, metric, best));
  }

  /** The same study, its objective handing every full trial's fold predictions to {@code sink}. */
  public PreparedStudy keepingPredictions(PredictionSink sink) {
    return new PreparedStudy(study, objective.keepingPredictions(sink), info, problem, model, metric, heldOut);
  }
}
