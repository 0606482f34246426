package io.learnloop.dialog.learning.memory;

import java.util.Objects;

/**
 * The FSRS-6 memory model (the formulas of py-fsrs {@code fsrs/scheduler.py}): how stability and
 * difficulty change with each review, and the probability of recall after some days.
 */
public final class Fsrs {

  private static final double MIN_DIFFICULTY = 1.0;
  private static final double MAX_DIFFICULTY = 10.0;

  private final double[] w;
  private final double decay;
  private final double factor;

  public Fsrs(FsrsParameters parameters) {
    this(Objects.requireNonNull(parameters, "parameters").w());
  }

  // Unchecked weights, for the optimizer's probes; they are clamped into bounds first.
  Fsrs(double[] w) {
    this.w = w;
    this.decay = -w[20];
    this.factor = Math.pow(0.9, 1 / decay) - 1;
  }

  /** The state after the first review of an item. */
  public Memory first(Rating rating) {
    return new Memory(
        Math.max(w[rating.value() - 1], FsrsParameters.STABILITY_MIN),
        clampDifficulty(initialDifficulty(rating.value())));
  }

  /**
   * The state after a later review.
   *
   * @param elapsedDays whole days since the previous review; 0 for a same-day review
   */
  public Memory next(Memory memory, Rating rating, long elapsedDays) {
    double s = memory.stability();
    double d = memory.difficulty();
    double stability;
    if (elapsedDays < 1) {
      double increase = Math.exp(w[17] * (rating.value() - 3 + w[18])) * Math.pow(s, -w[19]);
      if (rating == Rating.GOOD || rating == Rating.EASY) {
        increase = Math.max(increase, 1.0);
      }
      stability = s * increase;
    } else {
      double r = retrievability(s, elapsedDays);
      stability =
          rating == Rating.AGAIN ? forgetStability(d, s, r) : recallStability(d, s, r, rating);
    }
    return new Memory(Math.max(stability, FsrsParameters.STABILITY_MIN), nextDifficulty(d, rating));
  }

  /** Probability of recall {@code elapsedDays} after a review that left {@code stability}. */
  public double retrievability(double stability, double elapsedDays) {
    return Math.pow(1 + factor * Math.max(0, elapsedDays) / stability, decay);
  }

  /** Whole days until recall probability falls to {@code desiredRetention}; at least 1. */
  public long interval(double stability, double desiredRetention, long maximumDays) {
    double days = stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
    return Math.min(Math.max(Math.round(days), 1), maximumDays);
  }

  private double initialDifficulty(int rating) {
    return w[4] - Math.exp(w[5] * (rating - 1)) + 1;
  }

  private double nextDifficulty(double d, Rating rating) {
    double delta = -(w[6] * (rating.value() - 3));
    double damped = d + (10.0 - d) * delta / 9.0;
    return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped);
  }

  private double forgetStability(double d, double s, double r) {
    double longTerm =
        w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]);
    double shortTerm = s / Math.exp(w[17] * w[18]);
    return Math.min(longTerm, shortTerm);
  }

  private double recallStability(double d, double s, double r, Rating rating) {
    double hardPenalty = rating == Rating.HARD ? w[15] : 1;
    double easyBonus = rating == Rating.EASY ? w[16] : 1;
    return s
        * (1
            + Math.exp(w[8])
                * (11 - d)
                * Math.pow(s, -w[9])
                * (Math.exp((1 - r) * w[10]) - 1)
                * hardPenalty
                * easyBonus);
  }

  private static double clampDifficulty(double d) {
    return Math.min(Math.max(d, MIN_DIFFICULTY), MAX_DIFFICULTY);
  }
}
