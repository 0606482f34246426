package io.learnloop.dialog.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job role and the skills, with levels, that people in it should reach.
 *
 * @param targets target level per skill, kept in the given order (the content file's) so that
 *     everything iterating over them is reproducible
 */
public record Role(RoleId id, LocalizedText name, Map<SkillId, TargetLevel> targets) {

  public Role {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("role '" + id + "' has no target skills");
    }
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    targets.forEach(
        (skill, level) -> {
          Objects.requireNonNull(skill, "skill");
          Objects.requireNonNull(level, "level");
        });
  }
}
