package io.learnloop.dialog.learning.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the response model remembers about one learner: answer counts, recent performance and
 * streaks, overall and per skill, plus the last outcome on each item. Updated after every answer;
 * small enough to keep for every learner in memory or serialise to a store.
 */
public final class LearnerTrace {

  /** Weight of the newest answer in the overall recent-performance average. */
  static final double OVERALL_RATE = 0.1;

  /** Weight of the newest answer in each skill's recent-performance average. */
  static final double SKILL_RATE = 0.3;

  final Map<String, SkillTrace> skills = new HashMap<>();
  final Map<String, Boolean> lastOnItem = new HashMap<>();

  /** Per item: attempts and wins. */
  final Map<String, int[]> items = new HashMap<>();

  int attempts;
  int wins;
  double recent = Double.NaN;
  int streak;
  double ability;

  /** The first skill of the last answered item: the skill of the current run of answers. */
  String runSkill;

  /** Answers and wins in the current run, the consecutive answers on {@link #runSkill}. */
  int run;

  int runWins;

  /** Counts and recent performance of one learner on one skill. */
  static final class SkillTrace {
    int attempts;
    int wins;
    int streak;
    double recent = Double.NaN;
    double ability;
    double information;
    boolean lastCorrect;

    /** {@link LearnerTrace#attempts} just after the learner's last answer on this skill. */
    int answeredAt;
  }

  SkillTrace skill(String skill) {
    return skills.computeIfAbsent(skill, s -> new SkillTrace());
  }

  SkillTrace skillOrNull(String skill) {
    return skills.get(skill);
  }

  /** Records one answer; the ability residual comes from the model's own prediction. */
  void record(String item, List<String> itemSkills, boolean correct, double residual) {
    record(item, itemSkills, correct, residual, 0);
  }

  /**
   * @param information the Fisher information p(1 − p) of the answer about the learner's ability
   */
  void record(
      String item, List<String> itemSkills, boolean correct, double residual, double information) {
    double y = correct ? 1 : 0;
    attempts++;
    wins += correct ? 1 : 0;
    recent = Double.isNaN(recent) ? y : recent + OVERALL_RATE * (y - recent);
    streak = correct ? Math.max(1, streak + 1) : Math.min(-1, streak - 1);
    ability += ResponseModel.abilityStep(attempts) * residual;
    String first = itemSkills.get(0);
    boolean sameRun = first.equals(runSkill);
    run = sameRun ? run + 1 : 1;
    runWins = (sameRun ? runWins : 0) + (correct ? 1 : 0);
    runSkill = first;
    for (String name : itemSkills) {
      SkillTrace s = skill(name);
      s.attempts++;
      s.wins += correct ? 1 : 0;
      s.streak = correct ? Math.max(1, s.streak + 1) : Math.min(-1, s.streak - 1);
      s.recent = Double.isNaN(s.recent) ? y : s.recent + SKILL_RATE * (y - s.recent);
      s.ability += ResponseModel.abilityStep(s.attempts) * residual;
      s.information += information;
      s.lastCorrect = correct;
      s.answeredAt = attempts;
    }
    lastOnItem.put(item, correct);
    int[] onItem = items.computeIfAbsent(item, i -> new int[2]);
    onItem[0]++;
    onItem[1] += correct ? 1 : 0;
  }

  /**
   * The evidence gathered about the learner's ability on the skill: the sum of p(1 − p) over their
   * answers on it, 0 before any.
   */
  public double information(String skill) {
    SkillTrace s = skills.get(skill);
    return s == null ? 0 : s.information;
  }

  /** Answers recorded so far. */
  public int attempts() {
    return attempts;
  }
}
