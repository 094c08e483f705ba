package org.tunescope.ml.lab;

import java.util.List;
import java.util.Map;
import org.tunescope.engine.space.Distribution;
import org.tunescope.ml.data.generate.TeachingDataset;

/**
 * The lab's one-click lessons: a dataset, a model, the parameter to move over a range that shows both
 * ends of the story, the other parameters held still, and where the slider starts.
 *
 * @param title   the picker's text
 * @param story   one sentence on what to watch
 * @param fixed   other parameters that differ from their catalog defaults
 */
public enum Lesson {
  TREE_DEPTH_ON_MOONS("Decision-tree depth on moons",
      "Shallow trees cut the plane in a few boxes; deep ones wrap every noisy point.",
      new DatasetChoice.Generated(TeachingDataset.MOONS, 400, 0.3, 0), "decision_tree", "max_depth",
      new Distribution.IntRange(1, 20, false), Map.of(), 3L),
  POLYNOMIAL_DEGREE_ON_SINE("Polynomial degree on a noisy sine",
      "A line cannot bend; a degree-20 polynomial bends through the noise.",
      new DatasetChoice.Generated(TeachingDataset.SINE, 60, 0.3, 0), "polynomial", "degree",
      new Distribution.IntRange(1, 20, false), Map.of("lambda", 1e-6), 3L),
  NEIGHBOURS_ON_CIRCLES("k of k-NN on circles",
      "Many neighbours blur the ring into one class; one neighbour draws islands around noise.",
      new DatasetChoice.Generated(TeachingDataset.CIRCLES, 400, 0.25, 0), "knn", "k",
      new Distribution.IntRange(1, 200, true), Map.of(), 15L),
  SVM_GAMMA_ON_MOONS("SVM gamma on moons",
      "A small gamma gives a nearly straight boundary; a large one draws a bubble around each point.",
      new DatasetChoice.Generated(TeachingDataset.MOONS, 400, 0.3, 0), "svm", "gamma",
      new Distribution.FloatRange(0.01, 1000, true), Map.of("kernel", "rbf", "C", 1.0), 1.0),
  FOREST_DEPTH_ON_BREAST_CANCER("Random-forest depth on breast cancer (PCA)",
      "Real data seen through its first two principal components: deep forests fit every tumour.",
      new DatasetChoice.Sample("breast_cancer", List.of()), "random_forest", "max_depth",
      new Distribution.IntRange(1, 20, false), Map.of("trees", 50L), 3L);

  private final String title;
  private final String story;
  private final DatasetChoice dataset;
  private final String model;
  private final String parameter;
  private final Distribution range;
  private final Map<String, Object> fixed;
  private final Object start;

  Lesson(String title, String story, DatasetChoice dataset, String model, String parameter, Distribution range,
      Map<String, Object> fixed, Object start) {
    this.title = title;
    this.story = story;
    this.dataset = dataset;
    this.model = model;
    this.parameter = parameter;
    this.range = range;
    this.fixed = fixed;
    this.start = start;
  }

  public String title() {
    return title;
  }

  public String story() {
    return story;
  }

  public DatasetChoice dataset() {
    return dataset;
  }

  /** The catalog id of the model. */
  public String model() {
    return model;
  }

  public String parameter() {
    return parameter;
  }

  /** The slider's range. */
  public Distribution range() {
    return range;
  }

  public Map<String, Object> fixed() {
    return fixed;
  }

  /** The parameter's value when the lesson opens. */
  public Object start() {
    return start;
  }

  @Override
  public String toString() {
    return title;
  }
}
