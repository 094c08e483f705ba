package org.tunescope.ml.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.study.Seeds;
import org.tunescope.ml.Task;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.MultilayerPerceptron;
import smile.base.mlp.OutputFunction;
import smile.math.TimeFunction;

/**
 * The multilayer perceptrons for classification and regression, with what they share: their
 * hyperparameters, the layers they describe and the mini-batch training loop.
 */
public final class NeuralNets {

  public static final String HIDDEN_LAYERS = "hidden_layers";
  public static final String HIDDEN_UNITS = "hidden_units";
  public static final String ACTIVATION = "activation";
  public static final String LEARNING_RATE = "learning_rate";
  public static final String EPOCHS = "epochs";
  public static final String WEIGHT_DECAY = "weight_decay";

  /** Samples per gradient step. */
  static final int BATCH_SIZE = 32;

  private NeuralNets() {
  }

  /** Multilayer perceptron with a softmax output (a single sigmoid unit for two classes). */
  public static ModelSpec classifier() {
    return new ModelSpec("mlp", Task.CLASSIFICATION, "Neural network (MLP)", "Neural",
        "Fully connected network trained by mini-batch gradient descent", parameters(), true, (data, params) -> {
          int k = data.numClasses();
          List<LayerBuilder> layers = hiddenLayers(data.x()[0].length, params);
          layers.add(k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX));
          smile.classification.MLP net = new smile.classification.MLP(layers.toArray(LayerBuilder[]::new));
          configure(net, params);
          int[] labels = data.labels();
          train(data.rows(), params, data.seed(),
              batch -> net.update(rows(data.x(), batch), Arrays.stream(batch).map(i -> labels[i]).toArray()));
          return Fitted.classifier(net, k);
        });
  }

  /**
   * Multilayer perceptron with one linear output on the squared error. The target is standardised inside
   * the fit so that learning rates mean the same whatever the target's units.
   */
  public static ModelSpec regressor() {
    return new ModelSpec("mlp", Task.REGRESSION, "Neural network (MLP)", "Neural",
        "Fully connected network trained by mini-batch gradient descent", parameters(), true, (data, params) -> {
          List<LayerBuilder> layers = hiddenLayers(data.x()[0].length, params);
          layers.add(Layer.mse(1, OutputFunction.LINEAR));
          smile.regression.MLP net = new smile.regression.MLP(layers.toArray(LayerBuilder[]::new));
          configure(net, params);
          TargetScale target = TargetScale.of(data.y());
          double[] z = target.scale(data.y());
          train(data.rows(), params, data.seed(),
              batch -> net.update(rows(data.x(), batch), Arrays.stream(batch).mapToDouble(i -> z[i]).toArray()));
          return Fitted.rows(x -> target.unscale(net.predict(x)));
        });
  }

  static List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.integer(HIDDEN_UNITS, 1, 10_000, 4, 256, true, 64,
            "neurons in each hidden layer", Complexity.MORE_WHEN_RAISED),
        HyperParameter.integer(HIDDEN_LAYERS, 1, 10, 1, 3, false, 1,
            "number of hidden layers", Complexity.MORE_WHEN_RAISED),
        HyperParameter.categorical(ACTIVATION, List.of("relu", "tanh", "sigmoid"),
            List.of("relu", "tanh", "sigmoid"), "relu", "activation function of the hidden layers"),
        HyperParameter.floating(LEARNING_RATE, 0, true, 10, 1e-4, 0.5, true, 0.05,
            "step size of stochastic gradient descent", Complexity.NONE),
        HyperParameter.integer(EPOCHS, 1, 100_000, 10, 200, true, 100,
            "passes over the training data", Complexity.MORE_WHEN_RAISED),
        HyperParameter.floating(WEIGHT_DECAY, 0, false, 1, 1e-6, 1e-2, true, 1e-5,
            "L2 penalty shrinking the weights at every step", Complexity.LESS_WHEN_RAISED));
  }

  /** The input layer and the hidden layers the parameters describe. */
  static List<LayerBuilder> hiddenLayers(int inputs, Params params) {
    int units = params.getInt(HIDDEN_UNITS);
    String activation = params.getString(ACTIVATION);
    List<LayerBuilder> layers = new ArrayList<>();
    layers.add(Layer.input(inputs));
    for (int l = 0; l < params.getInt(HIDDEN_LAYERS); l++) {
      layers.add(switch (activation) {
        case "relu" -> Layer.rectifier(units);
        case "tanh" -> Layer.tanh(units);
        case "sigmoid" -> Layer.sigmoid(units);
        default -> throw new IllegalArgumentException("unknown activation '" + activation
            + "': use relu, tanh or sigmoid");
      });
    }
    return layers;
  }

  /** Applies learning rate and weight decay. */
  static void configure(MultilayerPerceptron net, Params params) {
    net.setLearningRate(TimeFunction.constant(params.getDouble(LEARNING_RATE)));
    net.setWeightDecay(params.getDouble(WEIGHT_DECAY));
  }

  /** One step of training on the rows at the given positions. */
  @FunctionalInterface
  interface BatchUpdate {
    void update(int[] rows);
  }

  /**
   * Runs the epochs: each one visits the rows in a new order drawn from {@code seed}, so training
   * does not depend on the thread's random state.
   */
  static void train(int rows, Params params, long seed, BatchUpdate update) {
    Random random = new Random(seed);
    int[] order = java.util.stream.IntStream.range(0, rows).toArray();
    for (int epoch = 0; epoch < params.getInt(EPOCHS); epoch++) {
      Seeds.shuffle(order, random);
      for (int start = 0; start < rows; start += BATCH_SIZE) {
        int[] batch = new int[Math.min(BATCH_SIZE, rows - start)];
        System.arraycopy(order, start, batch, 0, batch.length);
        update.update(batch);
      }
    }
  }

  /** The rows of x at the given positions. */
  static double[][] rows(double[][] x, int[] at) {
    double[][] out = new double[at.length][];
    for (int i = 0; i < at.length; i++) {
      out[i] = x[at[i]];
    }
    return out;
  }
}
