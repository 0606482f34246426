package io.learnloop.dialog.learning.evaluation;

import io.learnloop.dialog.learning.memory.FsrsMemoryModel;
import io.learnloop.dialog.learning.memory.FsrsOptimizer;
import io.learnloop.dialog.learning.memory.FsrsParameters;
import io.learnloop.dialog.learning.memory.MemoryModel;
import io.learnloop.dialog.learning.memory.Review;
import io.learnloop.dialog.learning.memory.ReviewHistory;
import io.learnloop.dialog.learning.memory.Sm2MemoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The {@code eval-schedule} protocol (srs-benchmark's): cards replayed in time order, elapsed time
 * in whole days, only reviews at least a day after the previous one scored, outcome = rating above
 * 1. FSRS-6's parameters are fitted on the earlier half of the reviews by time; every model is
 * scored on the later half.
 *
 * @param fsrsDefault FSRS-6 with its default parameters
 * @param fsrs FSRS-6 with parameters fitted on the earlier half: our scheduler's memory model
 * @param sm2 the SM-2 baseline
 * @param fitted the fitted parameters
 */
public record ScheduleEvaluation(
    Scores fsrsDefault, Scores fsrs, Scores sm2, FsrsParameters fitted) {

  static final int ITERATIONS = 200;

  public static ScheduleEvaluation run(List<Review> reviews) {
    ReviewHistory history = new ReviewHistory(reviews);
    if (history.size() == 0) {
      throw new IllegalArgumentException("the review log has no reviews");
    }
    long split = history.medianTime();
    LongPredicate later = time -> time >= split;
    FsrsParameters fitted = new FsrsOptimizer(ITERATIONS).fit(history, time -> time < split);
    return new ScheduleEvaluation(
        score(new FsrsMemoryModel(FsrsParameters.DEFAULT), history, later),
        score(new FsrsMemoryModel(fitted), history, later),
        score(new Sm2MemoryModel(), history, later),
        fitted);
  }

  /** Scores the model's predictions of the scored reviews whose time passes the filter. */
  static Scores score(MemoryModel model, ReviewHistory history, LongPredicate included) {
    double[] all = model.predict(history);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      if (!Double.isNaN(all[i]) && included.test(history.time(i))) {
        kept.add(i);
      }
    }
    double[] predictions = new double[kept.size()];
    boolean[] outcomes = new boolean[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      predictions[k] = all[kept.get(k)];
      outcomes[k] = history.recalled(kept.get(k));
    }
    return Scores.of(predictions, outcomes);
  }

  /** {@code {"fsrs": {...}, "sm2": {...}}}. */
  public String json() {
    return "{\"fsrs\": " + fsrs.json() + ", \"sm2\": " + sm2.json() + "}";
  }
}
