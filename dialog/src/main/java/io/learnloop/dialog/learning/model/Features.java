package io.learnloop.dialog.learning.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a learner's trace and the item about to be answered into named numeric features: the item
 * and its skills (difficulty), counts of attempts, wins and failures (the PFA / Best-LR features,
 * as logs), recent performance and streaks, overall and per skill. Names are mapped to indexes
 * once; a frozen space skips names it has not seen in training, so an unseen item falls back to its
 * skill and an unseen skill to the global bias.
 */
final class Features {

  private static final double PRIOR_RATE = 0.66;

  private final Map<String, Integer> index = new HashMap<>();
  private final boolean generalOnly;
  private boolean frozen;

  Features() {
    this(false);
  }

  /**
   * @param generalOnly leave out the features of particular items and skills, so that the model
   *     carries over to a catalog it has never seen
   */
  Features(boolean generalOnly) {
    this.generalOnly = generalOnly;
  }

  int size() {
    return index.size();
  }

  void freeze() {
    frozen = true;
  }

  Map<String, Integer> names() {
    return index;
  }

  static Features of(Map<String, Integer> names) {
    Features features = new Features();
    features.index.putAll(names);
    features.frozen = true;
    return features;
  }

  /** A sparse vector of the features known to this space. */
  Vector extract(LearnerTrace trace, String item, List<String> skills, FeatureSet set) {
    boolean withAbility = set.has(FeatureSet.ABILITY);
    boolean recent = set.has(FeatureSet.RECENT);
    boolean counts = set.has(FeatureSet.COUNTS);
    boolean fails = set.has(FeatureSet.FAILS);
    Vector v = new Vector();
    add(v, "bias", 1);
    add(v, "item=" + item, 1);
    double share = 1.0 / skills.size();
    for (String skill : skills) {
      LearnerTrace.SkillTrace s = trace.skillOrNull(skill);
      add(v, "skill=" + skill, share);
      if (!counts) {
        continue;
      }
      int attempts = s == null ? 0 : s.attempts;
      int wins = s == null ? 0 : s.wins;
      double a = Math.log1p(attempts);
      double w = Math.log1p(wins);
      // Best-LR (Gervet et al. 2020): log counts with one weight per skill.
      add(v, "skill=" + skill + "*attempts", share * a);
      add(v, "skill=" + skill + "*wins", share * w);
      if (!fails) {
        continue;
      }
      double f = Math.log1p(attempts - wins);
      add(v, "skill-attempts", share * a);
      add(v, "skill-wins", share * w);
      add(v, "skill-fails", share * f);
      add(v, "skill=" + skill + "*fails", share * f);
      if (!recent) {
        continue;
      }
      if (s == null) {
        add(v, "skill-first", share);
      } else {
        add(v, "skill-recent", share * (s.recent - PRIOR_RATE));
        // Skills differ in how much recent form and streaks say (a skill builder's mastery run).
        add(v, "skill=" + skill + "*recent", share * (s.recent - PRIOR_RATE));
        int streak = Math.max(-4, Math.min(4, s.streak));
        add(v, "skill-streak=" + streak, share);
        add(v, "skill=" + skill + "*streak=" + streak, share);
        if (withAbility) {
          add(v, "skill-ability", share * s.ability);
        }
        addSession(v, trace, skill, s, share);
      }
    }
    if (!counts) {
      return v;
    }
    int[] onItem = trace.items.get(item);
    add(v, "item-attempts", onItem == null ? 0 : Math.log1p(onItem[0]));
    add(v, "item-wins", onItem == null ? 0 : Math.log1p(onItem[1]));
    add(v, "attempts", Math.log1p(trace.attempts));
    add(v, "wins", Math.log1p(trace.wins));
    if (!fails) {
      return v;
    }
    add(v, "fails", Math.log1p(trace.attempts - trace.wins));
    if (!recent) {
      return v;
    }
    if (trace.attempts == 0) {
      add(v, "first", 1);
    } else {
      add(v, "recent", trace.recent - PRIOR_RATE);
      add(v, "streak=" + Math.max(-6, Math.min(6, trace.streak)), 1);
      add(v, "skills-seen", Math.log1p(trace.skills.size()));
      if (withAbility) {
        add(v, "ability", trace.ability);
      }
    }
    Boolean before = trace.lastOnItem.get(item);
    if (before != null) {
      add(v, before ? "item-seen-right" : "item-seen-wrong", 1);
    }
    return v;
  }

  /**
   * Where the answer sits in the learner's session, read from answer order alone: inside a run of
   * answers on the skill (its length, wins and failures so far) or a return to it after other
   * skills (how many answers ago, and how recent form has aged since). Tutors serve skills in runs,
   * and a run's answers are not independent: the fifth try in a row says something the counts do
   * not.
   */
  private void addSession(
      Vector v, LearnerTrace trace, String skill, LearnerTrace.SkillTrace s, double share) {
    boolean inRun = skill.equals(trace.runSkill);
    if (inRun) {
      add(v, "run", share * Math.log1p(trace.run));
      add(v, "run=" + Math.min(trace.run, 10), share);
      add(v, "run-wins", share * Math.log1p(trace.runWins));
      add(v, "run-fails", share * Math.log1p(trace.run - trace.runWins));
    } else {
      add(v, "return", share);
    }
    int gap = trace.attempts - s.answeredAt;
    double logGap = Math.log1p(gap);
    add(v, "skill-gap", share * logGap);
    // log2 buckets: the first few answers away matter more than the fiftieth.
    add(v, "skill-gap=" + Math.min(12, Integer.SIZE - Integer.numberOfLeadingZeros(gap)), share);
    add(v, "skill-recent*gap", share * (s.recent - PRIOR_RATE) * logGap);
  }

  private void add(Vector v, String name, double value) {
    if (value == 0) {
      return;
    }
    Integer i = index.get(name);
    if (i == null) {
      if (frozen || generalOnly && (name.startsWith("item=") || name.startsWith("skill="))) {
        return;
      }
      i = index.size();
      index.put(name, i);
    }
    v.add(i, value);
  }

  /** A sparse feature vector. */
  static final class Vector {
    int[] indexes = new int[32];
    double[] values = new double[32];
    int size;

    void add(int i, double value) {
      if (size == indexes.length) {
        indexes = Arrays.copyOf(indexes, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      indexes[size] = i;
      values[size] = value;
      size++;
    }

    Vector trimmed() {
      indexes = Arrays.copyOf(indexes, size);
      values = Arrays.copyOf(values, size);
      return this;
    }

    double dot(double[] weights) {
      double sum = 0;
      for (int k = 0; k < size; k++) {
        sum += weights[indexes[k]] * values[k];
      }
      return sum;
    }
  }
}
