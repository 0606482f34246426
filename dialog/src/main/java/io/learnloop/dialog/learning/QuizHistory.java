package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.util.Set;

/**
 * What the quiz remembers of a learner beside their answers, read together ({@link
 * Learners#readQuizHistory}): a store may send the reads at once and wait for them once. Each
 * accessor waits for its own part and throws {@link LearnersUnavailableException} when the store
 * cannot be reached.
 */
public interface QuizHistory {

  /** As {@link Learners#recentlyAsked}, since the time the history was read with. */
  Set<SkillId> recentlyAsked();

  /** As {@link Learners#lessonsGiven}. */
  Set<SkillId> lessonsGiven();

  /** As {@link Learners#skippedPlacement}. */
  boolean skippedPlacement();
}
