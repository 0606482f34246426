package io.learnloop.dialog.catalog;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a learner can master, such as the leave policy or handling incidents.
 *
 * @param courses external courses on the skill, in the order the content lists them
 */
public record Skill(SkillId id, LocalizedText name, List<Course> courses) {

  public Skill {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    courses = List.copyOf(courses);
  }

  /** A skill with no external course. */
  public Skill(SkillId id, LocalizedText name) {
    this(id, name, List.of());
  }

  /** The first course taught in {@code language}, else the first course at all. */
  public Optional<Course> courseFor(Language language) {
    return courses.stream()
        .filter(c -> c.language() == language)
        .findFirst()
        .or(() -> courses.stream().findFirst());
  }
}
