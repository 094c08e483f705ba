package org.tunescope.ml.models.classification;

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
import smile.classification.MLP;

/** Multilayer perceptron with a softmax output (a single sigmoid unit for two classes). */
public final class MlpClassifier {

  private MlpClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("mlp", Task.CLASSIFICATION, "Neural network (MLP)", "Neural",
        "Fully connected network trained by mini-batch gradient descent",
        NeuralNets.parameters(), true, MlpClassifier::fit);
  }

  private static FittedModel fit(TrainingData data, Params params) {
    int k = data.numClasses();
    List<LayerBuilder> layers = NeuralNets.hiddenLayers(data.x()[0].length, params);
    layers.add(k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX));
    MLP net = new MLP(layers.toArray(LayerBuilder[]::new));
    NeuralNets.configure(net, params);
    int[] labels = data.labels();
    NeuralNets.train(data.rows(), params, data.seed(), batch -> {
      int[] y = new int[batch.length];
      for (int i = 0; i < batch.length; i++) {
        y[i] = labels[batch[i]];
      }
      net.update(NeuralNets.rows(data.x(), batch), y);
    });
    return Fitted.classifier(net, k);
  }
}
