package io.learnloop.dialog.learning.evaluation;

import io.learnloop.dialog.learning.memory.FsrsMemoryModel;
import io.learnloop.dialog.learning.memory.FsrsOptimizer;
import io.learnloop.dialog.learning.memory.FsrsParameters;
import io.learnloop.dialog.learning.memory.Review;
import io.learnloop.dialog.learning.memory.ReviewHistory;
import io.learnloop.dialog.learning.memory.Sm2MemoryModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eval-schedule} protocol, srs-benchmark's: cards replayed in time order, elapsed time
 * in whole days, only reviews at least a day after the previous one scored, outcome = rating above
 * 1. The scored reviews, by time, are cut into {@link #FOLDS} + 1 equal chunks; fold k fits on
 * every review before chunk k and is scored on chunk k (an expanding window, scikit-learn's {@code
 * TimeSeriesSplit} as srs-benchmark uses it), so nothing is scored with parameters fitted on its
 * future. The test chunks are pooled; each model is compared with ours (FSRS-6 fitted) by a paired
 * bootstrap over cards.
 *
 * @param scores each model's scores on the pooled test chunks, ours first
 * @param deltas each baseline against ours (ours − baseline), by model key
 * @param fitted our parameters of the last fold (fitted on all but the last chunk)
 */
public record ScheduleEvaluation(
    Map<String, Scores> scores, Map<String, PairedBootstrap.Delta> deltas, FsrsParameters fitted) {

  /** Test folds of the expanding window. */
  public static final int FOLDS = 5;

  /** Key of our model. */
  public static final String OURS = "fsrs";

  /** Display names by key, in report order. */
  public static final Map<String, String> NAMES =
      Map.of(
          OURS,
          "FSRS-6 fitted on the past (ours)",
          "fsrs_default",
          "FSRS-6 default parameters",
          "sm2",
          "SM-2",
          "sm2_recalibrated",
          "SM-2 recalibrated on the past",
          "constant",
          "constant at the past recall rate");

  static final int ITERATIONS = 200;
  private static final long BOOTSTRAP_SEED = 2024;

  /**
   * @throws IllegalArgumentException when fewer than {@code FOLDS + 1} reviews are scored
   */
  public static ScheduleEvaluation run(List<Review> reviews) {
    ReviewHistory history = new ReviewHistory(reviews);
    List<Integer> scored = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      if (history.scored(i)) {
        scored.add(i);
      }
    }
    if (scored.size() < 2 * (FOLDS + 1)) {
      throw new IllegalArgumentException(
          "the review log has "
              + scored.size()
              + " scored reviews; the time-series folds need at least "
              + 2 * (FOLDS + 1));
    }
    scored.sort((a, b) -> Long.compare(history.time(a), history.time(b)));
    double[] fsrsDefault = new FsrsMemoryModel(FsrsParameters.DEFAULT).predict(history);
    double[] sm2 = new Sm2MemoryModel().predict(history);
    Map<String, List<Double>> pooled = new LinkedHashMap<>();
    for (String key : List.of(OURS, "fsrs_default", "sm2", "sm2_recalibrated", "constant")) {
      pooled.put(key, new ArrayList<>());
    }
    List<Integer> tested = new ArrayList<>();
    FsrsParameters fitted = FsrsParameters.DEFAULT;
    int chunk = scored.size() / (FOLDS + 1);
    for (int k = 1; k <= FOLDS; k++) {
      long from = history.time(scored.get(k * chunk));
      long to = k == FOLDS ? Long.MAX_VALUE : history.time(scored.get((k + 1) * chunk));
      List<Integer> past = scored.stream().filter(i -> history.time(i) < from).toList();
      List<Integer> test =
          scored.stream().filter(i -> history.time(i) >= from && history.time(i) < to).toList();
      fitted = new FsrsOptimizer(ITERATIONS).fit(history, time -> time < from);
      double[] ours = new FsrsMemoryModel(fitted).predict(history);
      Platt recalibrated = Platt.fit(past, sm2, history);
      double rate = past.stream().filter(history::recalled).count() / (double) past.size();
      for (int i : test) {
        tested.add(i);
        pooled.get(OURS).add(ours[i]);
        pooled.get("fsrs_default").add(fsrsDefault[i]);
        pooled.get("sm2").add(sm2[i]);
        pooled.get("sm2_recalibrated").add(recalibrated.apply(sm2[i]));
        pooled.get("constant").add(rate);
      }
    }
    boolean[] outcomes = new boolean[tested.size()];
    int[] cards = new int[tested.size()];
    for (int n = 0; n < outcomes.length; n++) {
      outcomes[n] = history.recalled(tested.get(n));
      cards[n] = history.card(tested.get(n));
    }
    PairedBootstrap bootstrap =
        new PairedBootstrap(PairedBootstrap.renumber(cards), outcomes, BOOTSTRAP_SEED);
    Map<String, Scores> scores = new LinkedHashMap<>();
    Map<String, PairedBootstrap.Delta> deltas = new LinkedHashMap<>();
    double[] ours = unbox(pooled.get(OURS));
    pooled.forEach(
        (key, values) -> {
          double[] predictions = unbox(values);
          scores.put(key, Scores.of(predictions, outcomes));
          if (!key.equals(OURS)) {
            deltas.put(key, bootstrap.compare(ours, predictions));
          }
        });
    return new ScheduleEvaluation(scores, deltas, fitted);
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Platt scaling of a baseline's predictions, fitted on the past by Newton's method: p' = σ(a ·
   * logit(p) + b). It keeps SM-2's ranking and corrects its calibration.
   */
  record Platt(double a, double b) {
    static Platt fit(List<Integer> rows, double[] predictions, ReviewHistory history) {
      Platt current = new Platt(1, 0);
      double loss = current.loss(rows, predictions, history);
      for (int iteration = 0; iteration < 50; iteration++) {
        double ga = 0;
        double gb = 0;
        double haa = 1e-6;
        double hab = 0;
        double hbb = 1e-6;
        for (int i : rows) {
          double x = logit(predictions[i]);
          double p = current.apply(predictions[i]);
          double e = p - (history.recalled(i) ? 1 : 0);
          double w = p * (1 - p);
          ga += e * x;
          gb += e;
          haa += w * x * x;
          hab += w * x;
          hbb += w;
        }
        double det = haa * hbb - hab * hab;
        double da = (hbb * ga - hab * gb) / det;
        double db = (haa * gb - hab * ga) / det;
        // Newton's step, halved until the loss goes down: the log loss is convex but the full
        // step can overshoot where SM-2's predictions sit near 0 or 1.
        for (double step = 1; step > 1e-4; step /= 2) {
          Platt next = new Platt(current.a - step * da, current.b - step * db);
          double nextLoss = next.loss(rows, predictions, history);
          if (nextLoss < loss) {
            boolean converged = loss - nextLoss < 1e-10;
            current = next;
            loss = nextLoss;
            if (converged) {
              return current;
            }
            break;
          }
          if (step / 2 <= 1e-4) {
            return current;
          }
        }
      }
      return current;
    }

    private double loss(List<Integer> rows, double[] predictions, ReviewHistory history) {
      double sum = 0;
      for (int i : rows) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, apply(predictions[i])));
        sum -= history.recalled(i) ? Math.log(p) : Math.log(1 - p);
      }
      return sum / Math.max(1, rows.size());
    }

    double apply(double p) {
      return sigmoid(a * logit(p) + b);
    }

    // SM-2 predicts 0.9^(t / interval), which underflows for long overdue cards.
    private static double logit(double p) {
      double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
      return Math.log(q / (1 - q));
    }

    private static double sigmoid(double x) {
      return 1 / (1 + Math.exp(-x));
    }
  }

  /** Our scores, then every baseline's with the intervals of ours − baseline. */
  public String json() {
    StringBuilder json = new StringBuilder("{\"fsrs\": ").append(scores.get(OURS).json());
    deltas.forEach(
        (key, delta) -> {
          String s = scores.get(key).json();
          String d = delta.json();
          json.append(", \"")
              .append(key)
              .append("\": ")
              .append(s, 0, s.length() - 1)
              .append(", ")
              .append(d, 1, d.length());
        });
    return json.append(", \"folds\": ").append(FOLDS).append('}').toString();
  }
}
