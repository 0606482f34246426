package io.learnloop.dialog.learning.simulation;

import java.util.List;

/**
 * The simulator's hidden model of people, deliberately not the policy's: per skill, Bayesian
 * knowledge tracing (a skill is known or not; a practice opportunity teaches it with probability
 * {@code learn}; answers slip and guess), and forgetting of a known skill with an exponential curve
 * whose time constant grows with every practice spaced at least a day from the previous one.
 *
 * @param skills BKT parameters of real skills, fitted to a response log; each simulated skill takes
 *     one of them
 * @param forgetting the forgetting curve, fitted to a review log
 */
public record TruthParameters(List<Skill> skills, Forgetting forgetting) {

  public TruthParameters {
    skills = List.copyOf(skills);
    if (skills.isEmpty()) {
      throw new IllegalArgumentException("need the parameters of at least one skill");
    }
  }

  /** BKT parameters of one skill, each a probability. */
  public record Skill(double init, double learn, double guess, double slip) {
    public Skill {
      for (double p : new double[] {init, learn, guess, slip}) {
        if (!(p > 0 && p < 1)) {
          throw new IllegalArgumentException("BKT parameters are probabilities in (0, 1)");
        }
      }
    }
  }

  /**
   * P(still known after t days) = exp(−t / τ), τ = {@code days} · {@code growth}^n after n spaced
   * practices.
   */
  public record Forgetting(double days, double growth) {
    public Forgetting {
      if (!(days > 0) || !(growth >= 1)) {
        throw new IllegalArgumentException("need days > 0 and growth >= 1");
      }
    }

    double retained(double elapsedDays, int spacedPractices) {
      return Math.exp(-elapsedDays / (days * Math.pow(growth, spacedPractices)));
    }
  }
}
