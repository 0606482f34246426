package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.policy.Targets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hidden truth about one simulated employee ({@link TruthParameters}): each skill is known or
 * not. Before an answer, a known skill may have been forgotten (exponential in the days since it
 * was last checked, with a time constant that grows with every practice spaced a day or more from
 * the previous one). A known skill is answered right unless the learner slips; an unknown one only
 * by a guess (both vary by item). After the answer (with its explanation) or a micro-lesson, an
 * unknown skill is learned with the skill's learning probability. The policy sees only the answers.
 */
final class SimulatedLearner {

  private final SyntheticCatalog world;
  private final TruthParameters.Forgetting forgetting;
  private final Random random;
  private final Map<SkillId, State> skills = new HashMap<>();
  private final double aptitude;

  private static final class State {
    boolean known;
    int spaced;
    double checked;
    double consolidated = Double.NEGATIVE_INFINITY;
  }

  /**
   * The learner's prior knowledge is drawn first, in role order, so every policy meets the same.
   */
  SimulatedLearner(
      SyntheticCatalog world, TruthParameters.Forgetting forgetting, Role role, Random random) {
    this.world = world;
    this.forgetting = forgetting;
    this.random = random;
    // People differ: an aptitude shifts the odds of already knowing each skill (an assumption).
    this.aptitude = random.nextGaussian() * 0.5;
    role.targets().keySet().forEach(this::state);
  }

  private State state(SkillId skill) {
    return skills.computeIfAbsent(
        skill,
        s -> {
          State state = new State();
          double init = world.bkt(s).init();
          double odds = Math.log(init / (1 - init)) + aptitude;
          state.known = random.nextDouble() < 1 / (1 + Math.exp(-odds));
          // What employees already know has settled: as if practised three times, spaced.
          state.spaced = state.known ? SETTLED : 0;
          state.checked = 0;
          return state;
        });
  }

  static final int SETTLED = 3;

  private double pKnown(SkillId skill, double day) {
    State s = state(skill);
    return s.known ? forgetting.retained(day - s.checked, s.spaced) : 0;
  }

  /** Answers the item at {@code day}, learns from it, and returns whether it was right. */
  boolean answer(Item item, double day) {
    SkillId skill = item.skills().iterator().next();
    State s = state(skill);
    if (s.known && random.nextDouble() >= pKnown(skill, day)) {
      s.known = false;
      s.spaced = 0;
    }
    s.checked = day;
    boolean correct =
        random.nextDouble() < (s.known ? 1 - world.slip(item.id()) : world.guess(item.id()));
    if (s.known) {
      if (day - s.consolidated >= 1) {
        s.spaced++;
        s.consolidated = day;
      }
    } else {
      practise(skill, day);
    }
    return correct;
  }

  private void practise(SkillId skill, double day) {
    State s = state(skill);
    if (!s.known && random.nextDouble() < world.bkt(skill).learn()) {
      s.known = true;
      s.spaced = 0;
      s.checked = day;
      s.consolidated = day;
    }
  }

  void readLesson(SkillId skill, double day) {
    State s = state(skill);
    if (s.known && random.nextDouble() >= pKnown(skill, day)) {
      s.known = false;
      s.spaced = 0;
    }
    s.checked = day;
    practise(skill, day);
  }

  /** Expected P(correct) over the skill's items at {@code day}: what targets are judged on. */
  double mastery(SkillId skill, List<Item> skillItems, double day) {
    double known = pKnown(skill, day);
    return skillItems.stream()
        .mapToDouble(i -> known * (1 - world.slip(i.id())) + (1 - known) * world.guess(i.id()))
        .average()
        .orElse(0);
  }

  boolean meetsTargets(Role role, Map<SkillId, List<Item>> items, double day) {
    return role.targets().entrySet().stream()
        .allMatch(
            t ->
                mastery(t.getKey(), items.get(t.getKey()), day) >= Targets.threshold(t.getValue()));
  }

  /** Mean mastery over the role's skills at {@code day}. */
  double retention(Role role, Map<SkillId, List<Item>> items, double day) {
    return role.targets().keySet().stream()
        .mapToDouble(s -> mastery(s, items.get(s), day))
        .average()
        .orElse(0);
  }
}
