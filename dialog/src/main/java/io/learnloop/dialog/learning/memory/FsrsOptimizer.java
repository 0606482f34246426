package io.learnloop.dialog.learning.memory;

import java.util.function.LongPredicate;

/**
 * Fits FSRS-6's parameters to a review log as py-fsrs's optimizer does: Adam on the mean log loss
 * of the scored reviews, starting from the defaults, a cosine-annealed learning rate of 0.04, the
 * parameters clamped into their bounds after each step, keeping the best parameters seen. Where
 * py-fsrs differentiates with torch, this uses central differences over full batches: 21 parameters
 * and a few thousand reviews make that cheap and exact enough.
 */
public final class FsrsOptimizer {

  private static final double LEARNING_RATE = 0.04;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double H = 1e-5;

  private final int iterations;

  public FsrsOptimizer(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive but was " + iterations);
    }
    this.iterations = iterations;
  }

  /**
   * @param included which reviews, by time in epoch milliseconds, count in the loss
   * @return the defaults when no included review is scored
   */
  public FsrsParameters fit(ReviewHistory history, LongPredicate included) {
    double[] w = FsrsParameters.DEFAULT.w();
    double[] best = w.clone();
    double bestLoss = loss(w, history, included);
    if (Double.isNaN(bestLoss)) {
      return FsrsParameters.DEFAULT;
    }
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    double[] gradient = new double[w.length];
    for (int t = 1; t <= iterations; t++) {
      for (int i = 0; i < w.length; i++) {
        double saved = w[i];
        double up = Math.min(saved + H, FsrsParameters.UPPER[i]);
        double down = Math.max(saved - H, FsrsParameters.LOWER[i]);
        w[i] = up;
        double lossUp = loss(w, history, included);
        w[i] = down;
        double lossDown = loss(w, history, included);
        w[i] = saved;
        gradient[i] = (lossUp - lossDown) / (up - down);
      }
      double rate = LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * (t - 1) / iterations));
      for (int i = 0; i < w.length; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
        double mHat = m[i] / (1 - Math.pow(BETA1, t));
        double vHat = v[i] / (1 - Math.pow(BETA2, t));
        w[i] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
      }
      w = FsrsParameters.clamp(w);
      double current = loss(w, history, included);
      if (current < bestLoss) {
        bestLoss = current;
        best = w.clone();
      }
    }
    return new FsrsParameters(best);
  }

  /** Mean log loss of the included scored reviews; NaN when there are none. */
  static double loss(double[] w, ReviewHistory history, LongPredicate included) {
    double[] p = FsrsMemoryModel.predict(new Fsrs(w), history);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i]) && included.test(history.time(i))) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
        sum -= history.recalled(i) ? Math.log(q) : Math.log(1 - q);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
