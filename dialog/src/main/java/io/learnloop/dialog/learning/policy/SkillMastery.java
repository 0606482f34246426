package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.learning.SkillCount;
import java.util.Collection;

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

  /**
   * The mean of several learners' masteries, e.g. a team's. Their estimates are independent: the
   * mean's variance is the sum of theirs over n².
   *
   * @throws IllegalArgumentException when there is none
   */
  public static SkillMastery mean(Collection<SkillMastery> masteries) {
    if (masteries.isEmpty()) {
      throw new IllegalArgumentException("the mean of no mastery is undefined");
    }
    double sum = 0;
    double variance = 0;
    for (SkillMastery mastery : masteries) {
      sum += mastery.estimate();
      variance += mastery.uncertainty() * mastery.uncertainty();
    }
    int n = masteries.size();
    return new SkillMastery(sum / n, Math.sqrt(variance) / n);
  }

  /** The estimate less one standard deviation: met only when we are fairly sure. */
  public double lowerBound() {
    return Math.max(0, estimate - uncertainty);
  }
}
