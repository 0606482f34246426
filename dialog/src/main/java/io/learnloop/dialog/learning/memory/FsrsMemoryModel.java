package io.learnloop.dialog.learning.memory;

import java.util.Arrays;

/** FSRS-6 with given parameters as a {@link MemoryModel}. */
public record FsrsMemoryModel(FsrsParameters parameters) implements MemoryModel {

  @Override
  public double[] predict(ReviewHistory history) {
    return predict(new Fsrs(parameters), history);
  }

  static double[] predict(Fsrs fsrs, ReviewHistory history) {
    double[] predictions = new double[history.size()];
    Arrays.fill(predictions, Double.NaN);
    Memory memory = null;
    for (int i = 0; i < history.size(); i++) {
      Rating rating = Rating.of(history.ratings[i]);
      if (history.first[i]) {
        memory = fsrs.first(rating);
        continue;
      }
      if (history.scored(i)) {
        predictions[i] = fsrs.retrievability(memory.stability(), history.elapsedDays[i]);
      }
      memory = fsrs.next(memory, rating, history.elapsedDays[i]);
    }
    return predictions;
  }
}
