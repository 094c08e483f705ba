package org.tunescope.ml.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.ValidationCurveModel;

/**
 * How long a slider move takes to show: for each lesson on a 400-row set, the refit on the tuning rows
 * plus the predictions over the 120 x 120 drawing grid (or the fitted curve), then the cross-validated
 * scores that follow, and the validation curve computed once. Goal: the refit under 200 ms. Not a
 * timed test; run it with {@code mvn -B -o test -Dtunescope.excludedGroups=none -Dgroups=benchmark
 * -Dtest=LabBenchmark}.
 */
@Tag("benchmark")
class LabBenchmark {

  @Test
  void sliderMoveToRefitAndGridPredictions() throws Exception {
    Path samples = Files.createTempDirectory("samples");
    ModelCatalog catalog = ModelCatalog.standard();
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "%-44s %5s %10s %10s %10s %10s %10s%n", "lesson (400 rows)", "moves", "refit med", "refit p90", "refit max",
        "cv med", "curve s"));
    for (Lesson lesson : Lesson.values()) {
      DatasetChoice choice = lesson.dataset() instanceof DatasetChoice.Generated g
          ? new DatasetChoice.Generated(g.kind(), 400, g.noise(), g.seed()) : lesson.dataset();
      LabData data = LabData.of(choice, samples);
      ModelSpec model = catalog.find(lesson.model(), data.problem().task()).orElseThrow();
      LabSetup setup = new LabSetup(data, model, lesson.fixed(),
          new ParameterAxis(model.hyperParameter(lesson.parameter()).orElseThrow(), lesson.range()));
      List<Double> positions = setup.axis().sweep(15);
      // Warm up: the first fits pay for class loading and JIT compilation.
      for (int i = 0; i < 3; i++) {
        LabEngine.fit(setup, setup.axis().valueAt(positions.get(i * 5)));
      }
      List<Double> refit = new ArrayList<>();
      List<Double> cv = new ArrayList<>();
      for (double p : positions) {
        Object value = setup.axis().valueAt(p);
        refit.add(LabEngine.fit(setup, value).millis());
        long start = System.nanoTime();
        LabEngine.crossValidate(setup, value, () -> false);
        cv.add((System.nanoTime() - start) / 1e6);
      }
      long start = System.nanoTime();
      ValidationCurveModel curve = LabEngine.curve(setup, new StudyRunner(2));
      double curveSeconds = (System.nanoTime() - start) / 1e9;
      report.append(String.format(Locale.ROOT, "%-44s %5d %8.1f ms %7.1f ms %7.1f ms %7.1f ms %9.2f%n",
          lesson.title(), positions.size(), quantile(refit, 0.5), quantile(refit, 0.9), quantile(refit, 1),
          quantile(cv, 0.5), curveSeconds));
      report.append("   zones: ").append(curve.points().stream()
          .map(pt -> ParameterAxis.format(pt.trial().params().get(lesson.parameter())) + "=" + pt.zone().map(z -> z.name().charAt(0)).orElse('-')
              + String.format(Locale.ROOT, "(%.2f/%.2f)", pt.train(), pt.validation()))
          .toList()).append('\n');
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "lab-benchmark.txt"), report.toString());
  }

  private static double quantile(List<Double> values, double q) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
