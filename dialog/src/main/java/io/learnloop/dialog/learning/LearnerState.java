package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.memory.Card;
import java.util.List;
import java.util.Map;

/**
 * What a learner's answers led to, read together ({@link AnswerLog#readState}): a store may send
 * every read at once and wait for them once. Each accessor waits for its own part.
 *
 * <p>The accessors throw {@link AnswerLogUnavailableException} when the store cannot be reached.
 */
public interface LearnerState {

  /** The schedule of every item the learner answered. */
  Map<ItemId, Card> cards();

  /** As {@link AnswerLog#stats}. */
  LearnerStats stats();

  /** As {@link AnswerLog#due}, with the time and limit the state was read with. */
  List<ItemId> due();
}
