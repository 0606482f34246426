package io.learnloop.dialog.learning.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elo baseline of knowledge tracing (Pelánek 2016): P(correct) = σ(θ + θ_skill − d_item), with
 * a global and a per-skill ability per learner and a difficulty per item, all moved by the residual
 * with step sizes that shrink as answers accumulate. Item difficulties are learned in {@link #fit}
 * and then frozen; an unseen item takes its skill's mean difficulty, an unseen skill the global
 * mean.
 */
public final class EloModel {

  /**
   * Elo's step size after n answers, {@code k / (1 + decay · n)}: large at first, shrinking so that
   * estimates settle.
   */
  public record Steps(double k, double decay) {
    public Steps {
      if (!(k > 0) || !(decay >= 0)) {
        throw new IllegalArgumentException("need k > 0 and decay >= 0 but got " + k + ", " + decay);
      }
    }

    public static Steps defaults() {
      return new Steps(0.8, 0.05);
    }

    double at(double n) {
      return k / (1 + decay * n);
    }
  }

  private final Map<String, double[]> items = new HashMap<>();
  private final Steps steps;
  private final Map<String, double[]> skills = new HashMap<>();
  private double globalDifficulty;

  private EloModel(Steps steps) {
    this.steps = java.util.Objects.requireNonNull(steps, "steps");
  }

  /** Learns item difficulties from everyone's answers, each learner's in order. */
  public static EloModel fit(List<Response> answers, Steps steps) {
    EloModel model = new EloModel(steps);
    Map<String, Learner> learners = new HashMap<>();
    for (Response r : answers) {
      Learner learner = learners.computeIfAbsent(r.learner(), l -> model.new Learner());
      double[] item = model.items.computeIfAbsent(r.item(), i -> new double[2]);
      double residual = (r.correct() ? 1 : 0) - learner.predict(r.skills(), item[0]);
      item[1]++;
      item[0] -= steps.at(item[1]) * residual;
      learner.update(r.skills(), residual);
    }
    double sum = 0;
    for (var entry : model.items.entrySet()) {
      sum += entry.getValue()[0];
    }
    model.globalDifficulty = model.items.isEmpty() ? 0 : sum / model.items.size();
    Map<String, String> skillOf = new HashMap<>();
    answers.forEach(r -> skillOf.putIfAbsent(r.item(), r.skills().get(0)));
    skillOf.forEach(
        (item, skill) -> {
          double[] s = model.skills.computeIfAbsent(skill, k -> new double[2]);
          s[0] += model.items.get(item)[0];
          s[1]++;
        });
    return model;
  }

  /** A predictor that keeps each learner's abilities and leaves item difficulties frozen. */
  public OnlinePredictor predictor() {
    Map<String, Learner> learners = new HashMap<>();
    return r -> {
      Learner learner = learners.computeIfAbsent(r.learner(), l -> new Learner());
      double p = learner.predict(r.skills(), difficulty(r));
      learner.update(r.skills(), (r.correct() ? 1 : 0) - p);
      return p;
    };
  }

  private double difficulty(Response r) {
    double[] item = items.get(r.item());
    if (item != null) {
      return item[0];
    }
    double[] skill = skills.get(r.skills().get(0));
    return skill == null ? globalDifficulty : skill[0] / skill[1];
  }

  private final class Learner {
    double ability;
    int answers;
    final Map<String, double[]> skills = new HashMap<>();

    double predict(List<String> itemSkills, double difficulty) {
      double skill = 0;
      for (String s : itemSkills) {
        double[] state = skills.get(s);
        skill += state == null ? 0 : state[0] / itemSkills.size();
      }
      return ResponseModel.sigmoid(ability + skill - difficulty);
    }

    void update(List<String> itemSkills, double residual) {
      answers++;
      ability += steps.at(answers) * residual;
      for (String s : itemSkills) {
        double[] state = skills.computeIfAbsent(s, k -> new double[2]);
        state[1]++;
        state[0] += steps.at(state[1]) * residual;
      }
    }
  }
}
