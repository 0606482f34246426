package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.memory.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner answered a quiz item.
 *
 * @param choice zero-based index of the chosen option
 * @param responseTime from showing the question to the answer
 */
public record AnswerEvent(
    AnswerId id,
    LearnerId learner,
    ItemId item,
    int choice,
    boolean correct,
    Duration responseTime,
    Instant at,
    AnswerContext context) {

  public AnswerEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(responseTime, "responseTime");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(context, "context");
    if (choice < 0) {
      throw new IllegalArgumentException("choice must be 0 or more but was " + choice);
    }
    if (responseTime.isNegative()) {
      throw new IllegalArgumentException("response time is negative: " + responseTime);
    }
  }

  /** A quiz answer as a memory review: right means recalled (Good), wrong means forgotten. */
  public Rating rating() {
    return correct ? Rating.GOOD : Rating.AGAIN;
  }
}
