package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A learner asked the assistant a question; the knowledge index matched it to these skills. Used to
 * offer just-in-time practice on what the learner is working on.
 */
public record QuestionAsked(LearnerId learner, Set<SkillId> skills, Instant at) {

  public QuestionAsked {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(at, "at");
    skills = Set.copyOf(skills);
  }
}
