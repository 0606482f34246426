package io.learnloop.dialog.learning.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Paired bootstrap over groups (learners, cards): each replicate draws groups with replacement and
 * scores both models on the same draw, so the interval of their difference accounts for the rows of
 * one group being correlated. A drawn group's rows count as many times as it was drawn (AUC and log
 * loss weighted by that multiplicity), which is exact and keeps each replicate linear in the number
 * of rows.
 */
public final class PairedBootstrap {

  /** Replicates of every interval. */
  public static final int REPLICATES = 1000;

  /**
   * A 95% percentile interval of a difference "ours − baseline".
   *
   * @param auc difference of AUC (positive: ours ranks better)
   * @param logLoss difference of log loss (negative: ours predicts better)
   */
  public record Delta(Interval auc, Interval logLoss) {
    public String json() {
      return "{\"delta_auc\": " + auc.json() + ", \"delta_log_loss\": " + logLoss.json() + "}";
    }
  }

  /** A point estimate with its 95% interval. */
  public record Interval(double estimate, double low, double high) {

    /** The estimate with the 2.5th and 97.5th percentiles of its bootstrap replicates. */
    public static Interval percentile(double estimate, double[] replicates) {
      double[] sorted = replicates.clone();
      Arrays.sort(sorted);
      int low = (int) Math.floor(0.025 * (sorted.length - 1));
      int high = (int) Math.ceil(0.975 * (sorted.length - 1));
      return new Interval(estimate, sorted[low], sorted[high]);
    }

    /** Whether the interval excludes zero. */
    public boolean excludesZero() {
      return low > 0 || high < 0;
    }

    public String json() {
      return String.format(
          Locale.ROOT, "{\"estimate\": %.4f, \"low\": %.4f, \"high\": %.4f}", estimate, low, high);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", estimate, low, high);
    }
  }

  private final int[] group;
  private final int groups;
  private final boolean[] outcomes;
  private final long seed;

  /**
   * @param group the group of each row, numbered from 0
   * @param outcomes the outcome of each row
   */
  public PairedBootstrap(int[] group, boolean[] outcomes, long seed) {
    if (group.length != outcomes.length || group.length == 0) {
      throw new IllegalArgumentException("need one group per outcome, at least one row");
    }
    this.group = group.clone();
    this.outcomes = outcomes.clone();
    this.groups = Arrays.stream(group).max().orElse(0) + 1;
    this.seed = seed;
  }

  /** Numbers groups by first appearance of their key. */
  public static int[] groupsOf(java.util.List<?> keys) {
    java.util.Map<Object, Integer> numbers = new java.util.HashMap<>();
    int[] out = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = numbers.computeIfAbsent(keys.get(i), k -> numbers.size());
    }
    return out;
  }

  /** Numbers groups 0, 1, ... by first appearance of their number. */
  public static int[] renumber(int[] groups) {
    return groupsOf(java.util.Arrays.stream(groups).boxed().toList());
  }

  /** The interval of ours − baseline; the same seed draws the same replicates for any pair. */
  public Delta compare(double[] ours, double[] baseline) {
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(baseline, "baseline");
    if (ours.length != group.length || baseline.length != group.length) {
      throw new IllegalArgumentException("need one prediction per row of both models");
    }
    Weighted a = new Weighted(ours);
    Weighted b = new Weighted(baseline);
    double[] weights = new double[group.length];
    Arrays.fill(weights, 1);
    double aucPoint = a.auc(weights) - b.auc(weights);
    double lossPoint = a.logLoss(weights) - b.logLoss(weights);
    double[] aucs = new double[REPLICATES];
    double[] losses = new double[REPLICATES];
    Random random = new Random(seed);
    int[] draws = new int[groups];
    for (int r = 0; r < REPLICATES; r++) {
      Arrays.fill(draws, 0);
      for (int k = 0; k < groups; k++) {
        draws[random.nextInt(groups)]++;
      }
      for (int i = 0; i < weights.length; i++) {
        weights[i] = draws[group[i]];
      }
      aucs[r] = a.auc(weights) - b.auc(weights);
      losses[r] = a.logLoss(weights) - b.logLoss(weights);
    }
    return new Delta(interval(aucPoint, aucs), interval(lossPoint, losses));
  }

  private static Interval interval(double point, double[] replicates) {
    return Interval.percentile(point, replicates);
  }

  /** One model's predictions, sorted once so that each weighted AUC is one pass. */
  private final class Weighted {
    private final double[] p;
    private final int[] order;

    Weighted(double[] predictions) {
      this.p = predictions;
      Integer[] boxed = new Integer[p.length];
      Arrays.setAll(boxed, i -> i);
      Arrays.sort(boxed, (x, y) -> Double.compare(p[x], p[y]));
      order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    // Mann-Whitney with weights: each positive counts the negative weight below it, ties half.
    double auc(double[] w) {
      double below = 0;
      double pairs = 0;
      double positives = 0;
      int i = 0;
      while (i < order.length) {
        int j = i;
        double tiePositive = 0;
        double tieNegative = 0;
        while (j < order.length && p[order[j]] == p[order[i]]) {
          int row = order[j];
          if (outcomes[row]) {
            tiePositive += w[row];
          } else {
            tieNegative += w[row];
          }
          j++;
        }
        pairs += tiePositive * (below + tieNegative / 2);
        positives += tiePositive;
        below += tieNegative;
        i = j;
      }
      return positives == 0 || below == 0 ? Double.NaN : pairs / (positives * below);
    }

    double logLoss(double[] w) {
      double sum = 0;
      double total = 0;
      for (int i = 0; i < p.length; i++) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
        sum -= w[i] * (outcomes[i] ? Math.log(q) : Math.log(1 - q));
        total += w[i];
      }
      return sum / total;
    }
  }
}
