package io.learnloop.dialog.learning.memory;

/** A model of memory that predicts, for every scored review of a log, the probability of recall. */
public interface MemoryModel {

  /**
   * Replays every card's reviews in order and returns, for each scored review, the predicted
   * probability of recall before the review; NaN for reviews that are not scored.
   */
  double[] predict(ReviewHistory history);
}
