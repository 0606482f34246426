package io.learnloop.dialog.schedule;

import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.util.List;

/**
 * When each learner's next daily quiz is due. Shared by every instance when backed by a shared
 * store, so a sweep on any of them finds the same learners.
 */
public interface QuizCalendar {

  /** Plans the learner's next daily quiz at {@code next}, replacing any earlier plan. */
  void plan(LearnerId learner, Instant next);

  /** Up to {@code limit} learners whose quiz is due at {@code now}, the longest waiting first. */
  List<LearnerId> due(Instant now, int limit);

  /** Takes the learner off the calendar (they left, or asked to be forgotten). */
  void forget(LearnerId learner);
}
