package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.SkillId;
import java.util.HashMap;
import java.util.Map;

/**
 * A learner's ability per skill on the logit scale of item difficulty, with its uncertainty: a
 * Gaussian posterior from a standard normal prior, updated after each answer by one Newton step of
 * the logistic likelihood (an Elo update whose step shrinks as information accumulates, down to a
 * floor, because the ability it tracks grows with practice). Unlike raw answer counts it is not
 * fooled by the policy choosing easier or harder items.
 */
public final class AbilityEstimate {

  /** Caps the evidence so that the step size never falls below about 1 / MAX_INFORMATION. */
  static final double MAX_INFORMATION = 4;

  private final Map<SkillId, double[]> skills = new HashMap<>();

  /** Ability on the skill; 0 (average) before any answer. */
  public double ability(SkillId skill) {
    double[] s = skills.get(skill);
    return s == null ? 0 : s[0];
  }

  /** P(correct) on an item of the skill with the given difficulty. */
  public double predict(SkillId skill, double difficulty) {
    return 1 / (1 + Math.exp(difficulty - ability(skill)));
  }

  public void update(SkillId skill, double difficulty, boolean correct) {
    double[] s = skills.computeIfAbsent(skill, k -> new double[] {0, 1});
    double p = 1 / (1 + Math.exp(difficulty - s[0]));
    // Learners learn: old evidence is discounted so the estimate keeps tracking a moving ability.
    s[1] = Math.min(s[1], MAX_INFORMATION) + p * (1 - p);
    s[0] += ((correct ? 1 : 0) - p) / s[1];
  }

  /** Mastery on an item of typical difficulty, with a one-standard-deviation uncertainty. */
  public SkillMastery mastery(SkillId skill, double typicalDifficulty) {
    double[] s = skills.getOrDefault(skill, new double[] {0, 1});
    double p = 1 / (1 + Math.exp(typicalDifficulty - s[0]));
    return new SkillMastery(p, p * (1 - p) / Math.sqrt(s[1]));
  }

  /** Moves the ability directly, e.g. after a micro-lesson. */
  public void shift(SkillId skill, double delta) {
    skills.computeIfAbsent(skill, k -> new double[] {0, 1})[0] += delta;
  }
}
