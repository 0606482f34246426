package io.learnloop.dialog.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job role and the skills, with levels, that people in it should reach.
 *
 * @param targets target level per skill, kept in the given order (the content file's) so that
 *     everything iterating over them is reproducible
 * @param titles job titles, as a Slack or Teams profile writes them, of people in this role who are
 *     not on the roster ({@link JobTitles} says how they match)
 */
public record Role(
    RoleId id, LocalizedText name, Map<SkillId, TargetLevel> targets, List<String> titles) {

  /** A role no job title maps to. */
  public Role(RoleId id, LocalizedText name, Map<SkillId, TargetLevel> targets) {
    this(id, name, targets, List.of());
  }

  public Role {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("role '" + id + "' has no target skills");
    }
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    titles = List.copyOf(titles);
    for (String title : titles) {
      if (JobTitles.normalise(title).isEmpty() || title.length() > 200) {
        throw new IllegalArgumentException(
            "role '" + id + "' has a job title without letters or digits, or over 200 characters");
      }
    }
    targets.forEach(
        (skill, level) -> {
          Objects.requireNonNull(skill, "skill");
          Objects.requireNonNull(level, "level");
        });
  }
}
