package io.learnloop.knowledge.eval;

import java.util.List;

/** L2-regularised logistic regression fitted by gradient descent, for the small fitted models. */
final class Logistic {

  private static final double L2 = 0.001;
  private static final int ITERATIONS = 20000;
  private static final double STEP = 2.0;

  private Logistic() {}

  /**
   * @return the bias followed by one weight per feature
   */
  static double[] fit(List<double[]> features, List<Boolean> labels) {
    int dims = features.get(0).length;
    double[] weights = new double[dims + 1];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] gradient = new double[dims + 1];
      for (int i = 0; i < features.size(); i++) {
        double[] x = features.get(i);
        double error = probability(weights, x) - (labels.get(i) ? 1 : 0);
        gradient[0] += error;
        for (int d = 0; d < dims; d++) {
          gradient[d + 1] += error * x[d];
        }
      }
      for (int d = 0; d <= dims; d++) {
        double penalty = d == 0 ? 0 : L2 * weights[d];
        weights[d] -= STEP * (gradient[d] / features.size() + penalty);
      }
    }
    return weights;
  }

  static double probability(double[] weights, double[] features) {
    double z = weights[0];
    for (int d = 0; d < features.length; d++) {
      z += weights[d + 1] * features[d];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The threshold that keeps {@code rate} of the sorted probabilities at or above it. */
  static double keeping(double rate, double[] sorted) {
    if (sorted.length == 0) {
      return 0.5;
    }
    int index = (int) Math.floor((1 - rate) * sorted.length);
    return sorted[Math.min(index, sorted.length - 1)] - 1e-9;
  }
}
