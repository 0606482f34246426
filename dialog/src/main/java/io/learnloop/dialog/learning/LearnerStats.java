package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.util.Map;

/** A learner's totals: points, answers, streak and counts per skill. */
public record LearnerStats(
    long points, int answers, int correct, int streakDays, Map<SkillId, SkillCount> skills) {

  public LearnerStats {
    skills = Map.copyOf(skills);
  }

  public static LearnerStats none() {
    return new LearnerStats(0, 0, 0, 0, Map.of());
  }
}
