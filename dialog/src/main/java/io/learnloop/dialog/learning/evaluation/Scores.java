package io.learnloop.dialog.learning.evaluation;

import java.util.Arrays;
import java.util.Locale;

/**
 * How well predicted probabilities match binary outcomes.
 *
 * @param auc area under the ROC curve, ties counted half
 * @param logLoss mean negative log likelihood, with p clipped to [1e-6, 1 - 1e-6]
 * @param rmse root mean squared error of p against the 0/1 outcome
 * @param n number of predictions scored
 */
public record Scores(double auc, double logLoss, double rmse, int n) {

  private static final double CLIP = 1e-6;

  /**
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static Scores of(double[] predictions, boolean[] outcomes) {
    if (predictions.length != outcomes.length || predictions.length == 0) {
      throw new IllegalArgumentException(
          "need as many outcomes as predictions, at least one, but got "
              + predictions.length
              + " and "
              + outcomes.length);
    }
    int n = predictions.length;
    double logLoss = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double p = Math.min(1 - CLIP, Math.max(CLIP, predictions[i]));
      double y = outcomes[i] ? 1 : 0;
      logLoss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
      squares += (predictions[i] - y) * (predictions[i] - y);
    }
    return new Scores(auc(predictions, outcomes), logLoss / n, Math.sqrt(squares / n), n);
  }

  /** Mann-Whitney rank statistic; NaN when only one class occurs. */
  static double auc(double[] predictions, boolean[] outcomes) {
    int n = predictions.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(predictions[a], predictions[b]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && predictions[order[j + 1]] == predictions[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (outcomes[order[k]]) {
          positiveRanks += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** {@code {"auc": ..., "log_loss": ..., "rmse": ..., "n": ...}} with four decimals. */
  public String json() {
    return String.format(
        Locale.ROOT,
        "{\"auc\": %s, \"log_loss\": %.4f, \"rmse\": %.4f, \"n\": %d}",
        Double.isNaN(auc) ? "null" : String.format(Locale.ROOT, "%.4f", auc),
        logLoss,
        rmse,
        n);
  }
}
