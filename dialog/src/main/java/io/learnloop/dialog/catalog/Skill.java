package io.learnloop.dialog.catalog;

import java.util.Objects;

/** Something a learner can master, such as the leave policy or handling incidents. */
public record Skill(SkillId id, LocalizedText name) {

  public Skill {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
