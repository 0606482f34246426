package io.learnloop.dialog.learning.model;

/** Which features a {@link ResponseModel} uses; each adds to the one before. */
public enum FeatureSet {
  /** Item and skill difficulty only: the same prediction for every learner. */
  DIFFICULTY,
  /**
   * Best-LR as Gervet et al. (2020) define it without time windows: item, skill, and log(1 + n)
   * counts of attempts and wins on the item, on each skill (one weight per skill) and overall.
   */
  COUNTS,
  /** Plus log counts of failures (PFA's third count) and shared skill-count weights. */
  FAILS,
  /**
   * Plus recent performance (decayed correctness), streaks with per-skill weights, and the last
   * outcome on the item.
   */
  RECENT,
  /** Plus an online per-learner ability, overall and per skill, moved by residuals (Elo-like). */
  ABILITY;

  boolean has(FeatureSet other) {
    return compareTo(other) >= 0;
  }
}
