package org.tunescope.ml.tuning;

import org.tunescope.engine.study.Study;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelSpec;

/** A checked, ready-to-run study: the engine's study, the objective that scores its trials, and its description. */
public record PreparedStudy(
    Study study,
    CrossValidatedObjective objective,
    StudyInfo info,
    LearningProblem problem,
    ModelSpec model,
    Metric metric) {
}
