package io.learnloop.dialog.catalog;

import java.util.Map;
import java.util.Objects;

/** A job role and the skills, with levels, that people in it should reach. */
public record Role(RoleId id, LocalizedText name, Map<SkillId, TargetLevel> targets) {

  public Role {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("role '" + id + "' has no target skills");
    }
    targets = Map.copyOf(targets);
  }
}
