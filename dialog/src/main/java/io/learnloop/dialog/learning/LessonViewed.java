package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner was given a micro-lesson.
 *
 * @param source the handbook section, as {@link io.learnloop.dialog.catalog.Item#source()} names it
 * @param title the section's title as the learner saw it
 */
public record LessonViewed(
    LearnerId learner, SkillId skill, String source, String title, Language language, Instant at) {

  public LessonViewed {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(skill, "skill");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(at, "at");
    if (source.isBlank()) {
      throw new IllegalArgumentException("a lesson names its handbook section");
    }
  }
}
