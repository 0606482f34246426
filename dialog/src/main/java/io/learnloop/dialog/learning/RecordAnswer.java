package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * An answer to record, with what the store needs to know about it: the item's skills (for skill
 * counts), the learner's team (for the leaderboard, empty for none) and time zone (streaks count
 * the learner's local days).
 */
public record RecordAnswer(AnswerEvent answer, Set<SkillId> skills, String team, ZoneId zone) {

  public RecordAnswer {
    Objects.requireNonNull(answer, "answer");
    skills = Set.copyOf(skills);
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(zone, "zone");
    if (skills.isEmpty()) {
      throw new IllegalArgumentException("answer '" + answer.id() + "' names no skills");
    }
    if (!team.matches("[A-Za-z0-9._-]{0,80}")) {
      throw new IllegalArgumentException(
          "a team is up to 80 letters, digits, '.', '_' or '-' but was '" + team + "'");
    }
  }

  /** The learner's local day of the answer, as days since 1970-01-01. */
  public long localDay() {
    return LocalDate.ofInstant(answer.at(), zone).toEpochDay();
  }
}
