package org.tunescope.engine.study;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study is, in the words results files use: its model, data, metric and search. The JSON
 * results' {@code study} object is made of these fields.
 *
 * @param folds       number of cross-validation folds
 * @param foldMethod  how they were made ("stratified 5-fold")
 * @param space       each searched parameter and its range, in the command line's syntax
 * @param features    number of feature columns (before one-hot encoding)
 */
public record StudyInfo(
    String name,
    String model,
    String task,
    String metric,
    String direction,
    String search,
    int gridPoints,
    int folds,
    String foldMethod,
    long seed,
    String dataset,
    String sha256,
    int rows,
    int features,
    String target,
    Map<String, String> space) {

  public StudyInfo {
    space = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
  }
}
