package io.learnloop.dialog.learning;

import io.learnloop.dialog.learning.memory.FsrsParameters;
import io.learnloop.dialog.learning.memory.Scheduler;
import java.util.List;
import java.util.Objects;

/**
 * How reviews are spaced: FSRS-6 parameters, the recall probability at which an item falls due, and
 * the longest interval. Quizzes come at most daily, so there are no minute-long learning steps:
 * every answer schedules the next review in whole days.
 */
public record Spacing(FsrsParameters parameters, double desiredRetention, long maximumDays) {

  public Spacing {
    Objects.requireNonNull(parameters, "parameters");
    if (!(desiredRetention > 0.5 && desiredRetention < 1)) {
      throw new IllegalArgumentException(
          "desired retention must be in (0.5, 1) but was " + desiredRetention);
    }
    if (maximumDays < 1) {
      throw new IllegalArgumentException("maximum days must be positive but was " + maximumDays);
    }
  }

  public static Spacing defaults() {
    return new Spacing(FsrsParameters.DEFAULT, 0.9, 365);
  }

  public Scheduler scheduler() {
    return new Scheduler(parameters, desiredRetention, List.of(), List.of(), maximumDays);
  }
}
