package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.memory.Fsrs;
import io.learnloop.dialog.learning.memory.FsrsParameters;
import io.learnloop.dialog.learning.memory.Memory;
import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.policy.Targets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hidden truth about one simulated employee: a latent ability per skill and a memory of each
 * skill that fades between practices (FSRS-6's forgetting curve, default parameters). P(correct) on
 * an item is guessing (one in four) plus knowing: σ(ability − difficulty) × retrievability. Each
 * question on a skill is a successful review of the skill's memory (feedback follows every answer),
 * and teaches: ability grows by {@link #LEARNING_RATE} × 4σ(1−σ), most on items of middling
 * difficulty, little on items far too easy or too hard.
 */
final class SimulatedLearner {

  static final double GUESS = 0.25;
  static final double LEARNING_RATE = 0.25;
  static final double LESSON_GAIN = 0.3;
  private static final Fsrs FORGETTING = new Fsrs(FsrsParameters.DEFAULT);

  private final Map<SkillId, Double> ability = new HashMap<>();
  private final Map<SkillId, Memory> memory = new HashMap<>();
  private final Map<SkillId, Double> lastPractice = new HashMap<>();
  private final Map<ItemId, Double> difficulty;
  private final Random random;
  private final double general;

  SimulatedLearner(Role role, Map<ItemId, Double> difficulty, Random random) {
    this.difficulty = difficulty;
    this.random = random;
    this.general = random.nextGaussian() * 0.5;
    role.targets().keySet().forEach(this::know);
  }

  // Skills outside the role are drawn when first met (the fixed curriculum asks about them too).
  private void know(SkillId skill) {
    if (!ability.containsKey(skill)) {
      ability.put(skill, general - 1.0 + random.nextGaussian());
      // What employees already know has settled: it fades over months, not days.
      memory.put(skill, new Memory(60, 5));
      lastPractice.put(skill, 0.0);
    }
  }

  double pCorrect(Item item, double day) {
    SkillId skill = item.skills().iterator().next();
    double know = 1 / (1 + Math.exp(difficulty.get(item.id()) - ability.get(skill)));
    return GUESS + (1 - GUESS) * know * retrievability(skill, day);
  }

  private double retrievability(SkillId skill, double day) {
    return FORGETTING.retrievability(
        memory.get(skill).stability(), Math.floor(day - lastPractice.get(skill)));
  }

  /** Answers the item at {@code day}, learns from it, and returns whether it was right. */
  boolean answer(Item item, double day) {
    SkillId skill = item.skills().iterator().next();
    know(skill);
    boolean correct = random.nextDouble() < pCorrect(item, day);
    double know = 1 / (1 + Math.exp(difficulty.get(item.id()) - ability.get(skill)));
    ability.merge(skill, LEARNING_RATE * 4 * know * (1 - know), Double::sum);
    long elapsed = (long) Math.floor(day - lastPractice.get(skill));
    // Practice with feedback consolidates the skill whether or not this answer was right: the
    // explanation follows every answer. A miss is a lapse of one item, not of the whole skill.
    memory.put(skill, FORGETTING.next(memory.get(skill), Rating.GOOD, elapsed));
    lastPractice.put(skill, day);
    return correct;
  }

  void readLesson(SkillId skill) {
    ability.merge(skill, LESSON_GAIN, Double::sum);
  }

  /** Mean P(correct) on the skill's items at {@code day}: the truth that targets are judged on. */
  double mastery(List<Item> skillItems, double day) {
    return skillItems.stream().mapToDouble(i -> pCorrect(i, day)).average().orElse(0);
  }

  boolean meetsTargets(Role role, Map<SkillId, List<Item>> items, double day) {
    return role.targets().entrySet().stream()
        .allMatch(t -> mastery(items.get(t.getKey()), day) >= Targets.threshold(t.getValue()));
  }

  /** Mean mastery over the role's skills at {@code day}. */
  double retention(Role role, Map<SkillId, List<Item>> items, double day) {
    return role.targets().keySet().stream()
        .mapToDouble(s -> mastery(items.get(s), day))
        .average()
        .orElse(0);
  }
}
