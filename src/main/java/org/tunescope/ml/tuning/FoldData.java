package org.tunescope.ml.tuning;

import java.util.List;

/** One fold's preprocessed matrices and targets, computed once and shared by every trial that uses them. */
record FoldData(double[][] xTrain, double[] yTrain, double[][] xValidation, double[] yValidation,
    List<String> featureNames) {
}
