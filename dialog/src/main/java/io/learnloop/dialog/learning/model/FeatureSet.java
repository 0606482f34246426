package io.learnloop.dialog.learning.model;

/** Which features a {@link ResponseModel} uses; each adds to the one before. */
public enum FeatureSet {
  /** Item and skill difficulty only: the same prediction for every learner. */
  DIFFICULTY,
  /** Plus log counts of attempts, wins and failures, overall and per skill (Best-LR). */
  COUNTS,
  /** Plus recent performance (decayed correctness), streaks and the last outcome on the item. */
  RECENT,
  /** Plus an online per-learner ability, overall and per skill, moved by residuals (Elo-like). */
  ABILITY;

  boolean has(FeatureSet other) {
    return compareTo(other) >= 0;
  }
}
