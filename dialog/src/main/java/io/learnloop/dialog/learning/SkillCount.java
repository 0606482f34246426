package io.learnloop.dialog.learning;

/** Answers and right answers of one learner on one skill. */
public record SkillCount(int attempts, int wins) {

  public SkillCount {
    if (attempts < 0 || wins < 0 || wins > attempts) {
      throw new IllegalArgumentException(
          "need 0 <= wins <= attempts but got " + wins + " of " + attempts);
    }
  }
}
