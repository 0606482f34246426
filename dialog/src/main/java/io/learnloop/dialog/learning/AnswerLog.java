package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.memory.Card;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every learner's answers and the state they lead to: each item's memory and due date, counts per
 * skill, points, daily streaks and team leaderboards. The answers are kept in order, append-only,
 * and the rest can be rebuilt from them.
 *
 * <p>Implementations apply one answer atomically: all of its effects or none. They are idempotent
 * by answer id: recording the same id again changes nothing and reports a duplicate.
 */
public interface AnswerLog {

  /**
   * Records an answer and applies its effects.
   *
   * @throws AnswerLogUnavailableException when the store cannot be reached; the answer may or may
   *     not have been applied, and recording it again is safe
   */
  Recorded record(RecordAnswer answer);

  /**
   * Records answers in the given order, as {@link #record} would one after the other; stores may
   * send them together to save round trips.
   *
   * @return the outcome of each answer, in the same order
   * @throws AnswerLogUnavailableException when the store cannot be reached; any of the answers may
   *     or may not have been applied, and recording them again is safe
   */
  default List<Recorded> recordAll(List<RecordAnswer> answers) {
    List<Recorded> outcomes = new ArrayList<>(answers.size());
    for (RecordAnswer answer : answers) {
      outcomes.add(record(answer));
    }
    return outcomes;
  }

  /**
   * How long after acknowledging an answer this store may still lose it when its server restarts.
   * Redis with {@code appendfsync everysec} replies before its AOF write while a slow fsync runs,
   * postponing that write for up to two seconds: a killed process loses those answers.
   *
   * @return zero for a store that keeps every answer it acknowledged
   */
  default Duration acknowledgedButLosable() {
    return Duration.ZERO;
  }

  /**
   * Registers what to run each time the store is reachable again after its connection was lost: its
   * server may have restarted and lost the answers of the last {@link #acknowledgedButLosable()}.
   * Runs on the store's own thread and must not block.
   */
  default void whenReconnected(Runnable callback) {}

  /**
   * The learner's cards, counts and due items, read together: a store may send the reads now and
   * wait for them when they are first needed, so that work done meanwhile overlaps the round trip.
   *
   * @param now the time {@link LearnerState#due()} is read at
   * @param dueLimit the most due items {@link LearnerState#due()} holds
   * @throws IllegalArgumentException when {@code dueLimit} is not positive
   */
  default LearnerState readState(LearnerId learner, Instant now, int dueLimit) {
    if (dueLimit <= 0) {
      throw new IllegalArgumentException("dueLimit must be positive but was " + dueLimit);
    }
    return new LearnerState() {
      @Override
      public Map<ItemId, Card> cards() {
        Set<ItemId> answered = new java.util.LinkedHashSet<>();
        answers(learner).forEach(answer -> answered.add(answer.item()));
        return AnswerLog.this.cards(learner, answered);
      }

      @Override
      public LearnerStats stats() {
        return AnswerLog.this.stats(learner);
      }

      @Override
      public List<ItemId> due() {
        return AnswerLog.this.due(learner, now, dueLimit);
      }
    };
  }

  /** The learner's schedule for an item; empty if the learner never answered it. */
  Optional<Card> card(LearnerId learner, ItemId item);

  /**
   * Items due for review at {@code now}, the most overdue first.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   */
  List<ItemId> due(LearnerId learner, Instant now, int limit);

  /**
   * The learner's memory cards of {@code items}, for those that have one: {@link #card} for many
   * items at once, which a store may read in one round trip.
   */
  default Map<ItemId, Card> cards(LearnerId learner, Collection<ItemId> items) {
    Map<ItemId, Card> cards = new HashMap<>();
    items.forEach(item -> card(learner, item).ifPresent(card -> cards.put(item, card)));
    return cards;
  }

  /** The learner's totals; all zero for a learner with no answers. */
  LearnerStats stats(LearnerId learner);

  /**
   * How many answers each learner has recorded, in the order asked: {@link LearnerStats#answers()}
   * for many learners at once, which a store may read in one round trip.
   */
  default List<Integer> answerCounts(List<LearnerId> learners) {
    return learners.stream().map(l -> stats(l).answers()).toList();
  }

  /**
   * The team's learners with the most points, most first.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   */
  List<LeaderboardEntry> leaderboard(String team, int limit);

  /** The learner's recorded answers in the order they were recorded. */
  List<AnswerEvent> answers(LearnerId learner);

  /**
   * Every learner with at least one recorded answer, in no particular order: with {@link
   * #answers(LearnerId)}, the organisation's whole answer stream (for refitting the response
   * model).
   *
   * @throws AnswerLogUnavailableException when the store cannot be reached
   */
  Set<LearnerId> learners();

  /**
   * Throws away the learner's derived state (memory, due items, counts, points, streak) and
   * recomputes it from the recorded answers. Team leaderboards are left as they are.
   */
  void rebuild(LearnerId learner);

  /** Deletes the learner's answers and everything derived from them, leaderboards included. */
  void forget(LearnerId learner);
}
