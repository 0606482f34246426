package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.learning.SkillCount;

/**
 * How well a learner masters a skill: the estimated probability of answering a typical item right,
 * and the uncertainty of that estimate (a standard deviation).
 */
public record SkillMastery(double estimate, double uncertainty) {

  /** What we assume before any answer: the population's rate, and very unsure. */
  public static final SkillMastery UNKNOWN = new SkillMastery(0.5, 0.29);

  private static final double PRIOR_ANSWERS = 2;
  private static final double PRIOR_RATE = 0.5;

  public SkillMastery {
    if (!(estimate >= 0 && estimate <= 1) || !(uncertainty >= 0)) {
      throw new IllegalArgumentException(
          "need an estimate in [0, 1] and uncertainty >= 0 but got "
              + estimate
              + " ± "
              + uncertainty);
    }
  }

  /** A Beta posterior from the counts, with a weak prior of two answers at 50%. */
  public static SkillMastery of(SkillCount count) {
    double a = count.wins() + PRIOR_ANSWERS * PRIOR_RATE;
    double b = count.attempts() - count.wins() + PRIOR_ANSWERS * (1 - PRIOR_RATE);
    double n = a + b;
    return new SkillMastery(a / n, Math.sqrt(a * b / (n * n * (n + 1))));
  }

  /** The estimate less one standard deviation: met only when we are fairly sure. */
  public double lowerBound() {
    return Math.max(0, estimate - uncertainty);
  }
}
