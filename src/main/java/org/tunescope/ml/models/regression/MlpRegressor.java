package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.NeuralNets;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.TrainingData;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.regression.MLP;

/**
 * Multilayer perceptron with one linear output on the squared error. The target is standardised inside
 * the fit so that learning rates mean the same whatever the target's units.
 */
public final class MlpRegressor {

  private MlpRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("mlp", Task.REGRESSION, "Neural network (MLP)", "Neural",
        "Fully connected network trained by mini-batch gradient descent",
        NeuralNets.parameters(), true, MlpRegressor::fit);
  }

  private static FittedModel fit(TrainingData data, Params params) {
    List<LayerBuilder> layers = NeuralNets.hiddenLayers(data.x()[0].length, params);
    layers.add(Layer.mse(1, OutputFunction.LINEAR));
    MLP net = new MLP(layers.toArray(LayerBuilder[]::new));
    NeuralNets.configure(net, params);
    TargetScale target = TargetScale.of(data.y());
    double[] z = target.scale(data.y());
    NeuralNets.train(data.rows(), params, data.seed(), batch -> {
      double[] y = new double[batch.length];
      for (int i = 0; i < batch.length; i++) {
        y[i] = z[batch[i]];
      }
      net.update(NeuralNets.rows(data.x(), batch), y);
    });
    return Fitted.rows(x -> target.unscale(net.predict(x)));
  }
}
