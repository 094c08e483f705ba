package org.tunescope.ml.lab;

import java.util.List;
import java.util.Map;
import org.tunescope.engine.space.Distribution;
import org.tunescope.ml.data.generate.TeachingDataset;

/**
 * One of the lab's one-click lessons: a dataset, a model, the parameter to move over a range that shows both
 * ends of the story, the other parameters held still, and where the slider starts.
 *
 * @param title     the picker's text
 * @param story     one sentence on what to watch
 * @param model     the catalog id of the model
 * @param range     the slider's range
 * @param fixed     other parameters that differ from their catalog defaults
 * @param start     the parameter's value when the lesson opens
 */
public record Lesson(String title, String story, DatasetChoice dataset, String model, String parameter,
    Distribution range, Map<String, Object> fixed, Object start) {

  public static final Lesson TREE_DEPTH_ON_MOONS = new Lesson("Decision-tree depth on moons",
      "Shallow trees cut the plane in a few boxes; deep ones wrap every noisy point.",
      new DatasetChoice.Generated(TeachingDataset.MOONS, 400, 0.3, 0), "decision_tree", "max_depth",
      new Distribution.IntRange(1, 20, false), Map.of(), 3L);
  public static final Lesson POLYNOMIAL_DEGREE_ON_SINE = new Lesson("Polynomial degree on a noisy sine",
      "A line cannot bend; a degree-20 polynomial bends through the noise.",
      new DatasetChoice.Generated(TeachingDataset.SINE, 60, 0.3, 0), "polynomial", "degree",
      new Distribution.IntRange(1, 20, false), Map.of("lambda", 1e-6), 3L);
  public static final Lesson NEIGHBOURS_ON_CIRCLES = new Lesson("k of k-NN on circles",
      "Many neighbours blur the ring into one class; one neighbour draws islands around noise.",
      new DatasetChoice.Generated(TeachingDataset.CIRCLES, 400, 0.25, 0), "knn", "k",
      new Distribution.IntRange(1, 200, true), Map.of(), 15L);
  public static final Lesson SVM_GAMMA_ON_MOONS = new Lesson("SVM gamma on moons",
      "A small gamma gives a nearly straight boundary; a large one draws a bubble around each point.",
      new DatasetChoice.Generated(TeachingDataset.MOONS, 400, 0.3, 0), "svm", "gamma",
      new Distribution.FloatRange(0.01, 1000, true), Map.of("kernel", "rbf", "C", 1.0), 1.0);
  public static final Lesson FOREST_DEPTH_ON_BREAST_CANCER = new Lesson("Random-forest depth on breast cancer (PCA)",
      "Real data seen through its first two principal components: deep forests fit every tumour.",
      new DatasetChoice.Sample("breast_cancer", List.of()), "random_forest", "max_depth",
      new Distribution.IntRange(1, 20, false), Map.of("trees", 50L), 3L);

  /** Every lesson, in the picker's order. */
  public static List<Lesson> values() {
    return List.of(TREE_DEPTH_ON_MOONS, POLYNOMIAL_DEGREE_ON_SINE, NEIGHBOURS_ON_CIRCLES, SVM_GAMMA_ON_MOONS,
        FOREST_DEPTH_ON_BREAST_CANCER);
  }

  @Override
  public String toString() {
    return title;
  }
}
