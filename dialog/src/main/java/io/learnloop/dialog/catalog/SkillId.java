package io.learnloop.dialog.catalog;

import java.util.Objects;

/** A skill's id: lowercase letters, digits and hyphens, e.g. {@code leave-policy}. */
public record SkillId(String value) {

  public SkillId {
    Objects.requireNonNull(value, "value");
    Ids.requireSlug(value, "skill id");
  }

  @Override
  public String toString() {
    return value;
  }
}
