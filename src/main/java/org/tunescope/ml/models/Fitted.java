package org.tunescope.ml.models;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.regression.DataFrameRegression;
import smile.regression.Regression;

/** Adapters from Smile's trained models to {@link FittedModel}. */
public final class Fitted {

  private Fitted() {
  }

  /**
   * A classifier fitted on {@link SmileFrames#codedLabels}: its outputs are positions among the classes
   * present in training, mapped back to class indices here. Some Smile classifiers (RDA) index arrays
   * by label and fail when a training fold lacks a class.
   */
  public static FittedModel codedClassifier(Classifier<double[]> model, TrainingData data) {
    int[] present = SmileFrames.presentClasses(data.labels());
    FittedModel coded = classifier(model, present.length);
    return new FittedModel() {
      @Override
      public double[] predict(double[][] x) {
        return Arrays.stream(coded.predict(x)).map(c -> present[(int) c]).toArray();
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        return coded.probabilities(x).map(p -> Arrays.stream(p)
            .map(row -> spread(row, present, data.numClasses())).toArray(double[][]::new));
      }
    };
  }

  /** A classifier on raw feature rows; probabilities when Smile computes posteriori for it. */
  public static FittedModel classifier(Classifier<double[]> model, int numClasses) {
    return new FittedModel() {
      @Override
      public double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          out[i] = model.predict(x[i]);
        }
        return out;
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        if (!model.soft()) {
          return Optional.empty();
        }
        double[][] p = new double[x.length][];
        double[] posteriori = new double[model.numClasses()];
        for (int i = 0; i < x.length; i++) {
          model.predict(x[i], posteriori);
          p[i] = spread(posteriori, model.classes(), numClasses);
        }
        return Optional.of(p);
      }
    };
  }

  /**
   * A tree-based classifier fitted on {@link SmileFrames#training} of {@code data}: its outputs are
   * positions among the classes present in training, mapped back to class indices here.
   */
  public static FittedModel frameClassifier(DataFrameClassifier model, TrainingData data) {
    int[] present = SmileFrames.presentClasses(data.labels());
    int numClasses = data.numClasses();
    return new FittedModel() {
      @Override
      public double[] predict(double[][] x) {
        DataFrame df = SmileFrames.features(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          out[i] = present[model.predict(df.get(i))];
        }
        return out;
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        if (!model.soft()) {
          return Optional.empty();
        }
        DataFrame df = SmileFrames.features(x);
        int[] classes = Arrays.stream(model.classes()).map(c -> present[c]).toArray();
        double[][] p = new double[x.length][];
        double[] posteriori = new double[model.numClasses()];
        for (int i = 0; i < x.length; i++) {
          model.predict(df.get(i), posteriori);
          p[i] = spread(posteriori, classes, numClasses);
        }
        return Optional.of(p);
      }
    };
  }

  /** A regression model on raw feature rows. */
  public static FittedModel regression(Regression<double[]> model) {
    return rows(model::predict);
  }

  /** A regression model fitted on {@link SmileFrames#training}. */
  public static FittedModel frameRegression(DataFrameRegression model) {
    return x -> {
      DataFrame df = SmileFrames.features(x);
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        Tuple row = df.get(i);
        out[i] = model.predict(row);
      }
      return out;
    };
  }

  /** Predicts row by row. */
  public static FittedModel rows(ToDoubleFunction<double[]> predict) {
    return x -> {
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = predict.applyAsDouble(x[i]);
      }
      return out;
    };
  }

  /** The same model after transforming each input row (polynomial features, for example). */
  public static FittedModel afterTransform(FittedModel model, UnaryOperator<double[]> transform) {
    return new FittedModel() {
      @Override
      public double[] predict(double[][] x) {
        return model.predict(apply(x));
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        return model.probabilities(apply(x));
      }

      private double[][] apply(double[][] x) {
        double[][] t = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
          t[i] = transform.apply(x[i]);
        }
        return t;
      }
    };
  }

  /**
   * Places Smile's posteriori, indexed by the classes seen in training, at their class indices: a
   * training fold that lacks a class still yields one column per class.
   */
  static double[] spread(double[] posteriori, int[] classes, int numClasses) {
    double[] p = new double[numClasses];
    for (int c = 0; c < classes.length; c++) {
      p[classes[c]] = posteriori[c];
    }
    return p;
  }
}
