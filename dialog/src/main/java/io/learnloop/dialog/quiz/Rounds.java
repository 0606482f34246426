package io.learnloop.dialog.quiz;

import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Team rounds and who answered what, shared by every instance when backed by a shared store. Every
 * method may throw {@link OpenQuestionsUnavailableException} when the store cannot be reached.
 */
public interface Rounds {

  void opened(Round round);

  /** Remembers the message the round was posted as, so that its reveal can replace it. */
  void posted(String roundId, String messageId);

  Optional<Round> find(String roundId);

  /**
   * Records a learner's choice; their first one counts.
   *
   * @return the choice that counts, zero-based
   */
  int answered(String roundId, LearnerId learner, int choice);

  /** Every learner's counted choice. */
  Map<LearnerId, Integer> answers(String roundId);

  /** Closes the round; true only for the call that closed it, so it is revealed once. */
  boolean close(String roundId);

  /** Whether the round was closed. */
  boolean closed(String roundId);

  /** Ids of rounds whose time box has ended by {@code now} and that are not closed yet. */
  List<String> closingBy(Instant now, int limit);
}
