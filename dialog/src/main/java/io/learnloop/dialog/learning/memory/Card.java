package io.learnloop.dialog.learning.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * One learner's schedule for one item: the phase, the learning step, the FSRS memory (absent before
 * the first review) and when it is due.
 */
public record Card(Phase phase, int step, Memory memory, Instant lastReview, Instant due) {

  /** Where a card is in its life, as in FSRS and Anki. */
  public enum Phase {
    /** New or in its first short learning steps. */
    LEARNING,
    /** Graduated: intervals in days from its stability. */
    REVIEW,
    /** Forgotten after graduating: short steps again. */
    RELEARNING
  }

  public Card {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(due, "due");
    if ((memory == null) != (lastReview == null)) {
      throw new IllegalArgumentException("a card has both a memory and a last review, or neither");
    }
  }

  /** A card never reviewed, due at once. */
  public static Card fresh(Instant now) {
    return new Card(Phase.LEARNING, 0, null, null, now);
  }

  public boolean isNew() {
    return memory == null;
  }
}
