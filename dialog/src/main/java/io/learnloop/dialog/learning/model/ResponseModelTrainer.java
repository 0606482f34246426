package io.learnloop.dialog.learning.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Fits a {@link ResponseModel} to answers: replays each learner's answers in order to compute the
 * features each answer was given with, then minimises L2-regularised log loss with AdaGrad. With
 * ability on, a second pass moves each learner's ability by the residuals of the first model and
 * fits the full model on top.
 */
public final class ResponseModelTrainer {

  /**
   * @param l2 L2 penalty on every weight but the bias
   * @param epochs passes over the answers
   * @param learningRate AdaGrad's base step
   * @param features which features to use
   */
  public record Settings(
      double l2, int epochs, double learningRate, FeatureSet features, long seed) {
    public Settings {
      Objects.requireNonNull(features, "features");
      if (l2 < 0 || epochs < 1 || learningRate <= 0) {
        throw new IllegalArgumentException(
            "need l2 >= 0, epochs >= 1 and a positive learning rate");
      }
    }

    public Settings with(FeatureSet other) {
      return new Settings(l2, epochs, learningRate, other, seed);
    }

    public Settings withEpochs(int other) {
      return new Settings(l2, other, learningRate, features, seed);
    }

    public static Settings defaults() {
      return new Settings(1e-4, 4, 0.1, FeatureSet.ABILITY, 42);
    }
  }

  private final Settings settings;

  public ResponseModelTrainer(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param answers every learner's answers, each learner's in the order given
   */
  public ResponseModel fit(List<Response> answers) {
    return fit(answers, null);
  }

  /**
   * Fits starting from another model's weights (by feature name) instead of zeros, so that features
   * the answers say little about keep what {@code start} learned.
   *
   * @param start the model to start from; null to start from zeros
   */
  public ResponseModel fit(List<Response> answers, ResponseModel start) {
    return fit(answers, start, new Features());
  }

  /**
   * Fits a model without the weights of particular items and skills: what carries over to another
   * organisation's catalog, such as the shipped defaults.
   */
  public ResponseModel fitPortable(List<Response> answers) {
    return fit(answers, null, new Features(true));
  }

  private ResponseModel fit(List<Response> answers, ResponseModel start, Features features) {
    List<Features.Vector> base = new ArrayList<>(answers.size());
    Map<String, LearnerTrace> traces = new HashMap<>();
    for (Response r : answers) {
      LearnerTrace trace = traces.computeIfAbsent(r.learner(), l -> new LearnerTrace());
      base.add(features.extract(trace, r.item(), r.skills(), baseSet()).trimmed());
      trace.record(r.item(), r.skills(), r.correct(), 0);
    }
    double[] baseWeights =
        train(base, answers, startingWeights(features, start, true, new double[features.size()]));
    if (settings.features() != FeatureSet.ABILITY) {
      return new ResponseModel(features, settings.features(), baseWeights, null);
    }
    List<Features.Vector> full = new ArrayList<>(answers.size());
    traces.clear();
    for (int n = 0; n < answers.size(); n++) {
      Response r = answers.get(n);
      LearnerTrace trace = traces.computeIfAbsent(r.learner(), l -> new LearnerTrace());
      full.add(features.extract(trace, r.item(), r.skills(), FeatureSet.ABILITY).trimmed());
      double residual = (r.correct() ? 1 : 0) - ResponseModel.sigmoid(base.get(n).dot(baseWeights));
      trace.record(r.item(), r.skills(), r.correct(), residual);
    }
    double[] initial =
        startingWeights(
            features, start, false, java.util.Arrays.copyOf(baseWeights, features.size()));
    return new ResponseModel(
        features, FeatureSet.ABILITY, train(full, answers, initial), baseWeights);
  }

  private double[] startingWeights(
      Features features, ResponseModel start, boolean base, double[] weights) {
    if (start == null) {
      return weights;
    }
    boolean twoStage = settings.features() == FeatureSet.ABILITY;
    Map<String, Double> named = base && twoStage ? start.baseWeights() : start.weights();
    named.forEach(
        (name, value) -> {
          Integer i = features.names().get(name);
          if (i != null && i < weights.length) {
            weights[i] = value;
          }
        });
    return weights;
  }

  private FeatureSet baseSet() {
    return settings.features() == FeatureSet.ABILITY ? FeatureSet.RECENT : settings.features();
  }

  private double[] train(List<Features.Vector> rows, List<Response> answers, double[] weights) {
    double[] squares = new double[weights.length];
    int[] order = new int[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(settings.seed());
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, random);
      for (int n : order) {
        Features.Vector x = rows.get(n);
        double error = ResponseModel.sigmoid(x.dot(weights)) - (answers.get(n).correct() ? 1 : 0);
        for (int k = 0; k < x.size; k++) {
          int i = x.indexes[k];
          double g = error * x.values[k] + (i == 0 ? 0 : settings.l2() * weights[i]);
          squares[i] += g * g;
          weights[i] -= settings.learningRate() * g / Math.sqrt(squares[i] + 1e-8);
        }
      }
    }
    return weights;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
