package io.learnloop.dialog.learning.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Predicts P(correct) of a learner's next answer with a logistic regression over item and skill
 * difficulty, log counts of attempts, wins and failures (overall and per skill, with per-skill
 * weights as in Best-LR), recent performance, streaks and, optionally, an online per-learner
 * ability: the running sum of the learner's residuals, as in Elo. Weights are learned from
 * everyone's answers by {@link ResponseModelTrainer}; a learner's own state is a {@link
 * LearnerTrace} updated after each answer.
 *
 * <p>Instances are immutable and thread-safe; traces are not.
 */
public final class ResponseModel {

  private final Features features;
  private final double[] weights;
  private final double[] baseWeights;
  private final FeatureSet set;

  /**
   * @param baseWeights the weights of the same model without ability features, whose residuals move
   *     the ability (so that ability means what it meant in training); null without ability
   */
  ResponseModel(Features features, FeatureSet set, double[] weights, double[] baseWeights) {
    this.features = Objects.requireNonNull(features, "features");
    this.set = Objects.requireNonNull(set, "set");
    this.weights = weights.clone();
    this.baseWeights = baseWeights == null ? null : baseWeights.clone();
    if ((baseWeights != null) != (set == FeatureSet.ABILITY)) {
      throw new IllegalArgumentException("base weights go with, and only with, ability features");
    }
    features.freeze();
  }

  /** The probability that the learner answers the item correctly now. */
  public double predict(LearnerTrace trace, String item, List<String> skills) {
    return sigmoid(logit(trace, item, skills));
  }

  /** The log-odds of {@link #predict}. */
  public double logit(LearnerTrace trace, String item, List<String> skills) {
    return features.extract(trace, item, skills, set).dot(weights);
  }

  /** Records an answer in the learner's trace. */
  public void update(LearnerTrace trace, String item, List<String> skills, boolean correct) {
    double base = basePrediction(trace, item, skills);
    double residual = set == FeatureSet.ABILITY ? (correct ? 1 : 0) - base : 0;
    trace.record(item, skills, correct, residual, base * (1 - base));
  }

  /** Predicts, then records: the protocol of every evaluation. Returns the prediction. */
  public double predictThenUpdate(LearnerTrace trace, Response response) {
    double p = predict(trace, response.item(), response.skills());
    update(trace, response.item(), response.skills(), response.correct());
    return p;
  }

  // The ability moves by the residuals of the model without ability, as in training.
  private double basePrediction(LearnerTrace trace, String item, List<String> skills) {
    if (set != FeatureSet.ABILITY) {
      return predict(trace, item, skills);
    }
    return sigmoid(features.extract(trace, item, skills, FeatureSet.RECENT).dot(baseWeights));
  }

  /** The learned weight of a named feature, 0 when unknown; for reports and tests. */
  public double weight(String feature) {
    Integer i = features.names().get(feature);
    return i == null ? 0 : weights[i];
  }

  /** Feature names and weights, for persisting a trained model. */
  public Map<String, Double> weights() {
    Map<String, Double> named = new java.util.TreeMap<>();
    features.names().forEach((name, i) -> named.put(name, weights[i]));
    return named;
  }

  /** The weights of the model without ability whose residuals move the ability; empty without. */
  public Map<String, Double> baseWeights() {
    Map<String, Double> named = new java.util.TreeMap<>();
    if (baseWeights != null) {
      // Ability features joined the space after the base model was trained: they have no weight.
      features
          .names()
          .forEach((name, i) -> named.put(name, i < baseWeights.length ? baseWeights[i] : 0));
    }
    return named;
  }

  /**
   * A model from named weights, as {@link #weights()} and {@link #baseWeights()} give them.
   *
   * @throws IllegalArgumentException when base weights are missing for, or given without, ability
   */
  public static ResponseModel of(
      FeatureSet set, Map<String, Double> weights, Map<String, Double> baseWeights) {
    Map<String, Integer> names = new java.util.HashMap<>();
    weights.keySet().forEach(name -> names.putIfAbsent(name, names.size()));
    baseWeights.keySet().forEach(name -> names.putIfAbsent(name, names.size()));
    double[] w = new double[names.size()];
    double[] b = new double[names.size()];
    weights.forEach((name, value) -> w[names.get(name)] = value);
    baseWeights.forEach((name, value) -> b[names.get(name)] = value);
    return new ResponseModel(Features.of(names), set, w, set == FeatureSet.ABILITY ? b : null);
  }

  public FeatureSet featureSet() {
    return set;
  }

  // Step sizes shrink with the number of answers so that ability settles, as in Elo variants
  // with decaying K.
  static double abilityStep(int attempts) {
    return 0.4 / (1 + 0.05 * attempts);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
