package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The adaptive placement pre-test of a new learner: at most {@link #MAX_QUESTIONS} questions on the
 * items of their role, each the one that tells most about the learner's ability as estimated so far
 * (the unseen item whose predicted P(correct) is closest to one half; ties go to the role skill
 * asked least, then to a preferred item, such as one in the reader's language), stopping as soon as
 * the estimate is precise enough ({@link #PRECISE_ENOUGH}).
 *
 * <p>The estimate is a Gaussian posterior on one ability on the logit scale: a standard normal
 * prior, then one Newton step of the logistic likelihood per answer (a Rasch model whose item
 * difficulties come from the response model the bot runs). What the answers say per skill is left
 * to that response model: the pre-test answers are recorded like any other, so the bot's mastery
 * starts from them.
 */
public final class PlacementTest {

  /** The most questions a pre-test asks. */
  public static final int MAX_QUESTIONS = 8;

  /**
   * The posterior standard deviation of the ability, in logits, at which the pre-test stops: about
   * six well-targeted questions.
   */
  public static final double PRECISE_ENOUGH = 0.65;

  /**
   * What the answers so far say.
   *
   * @param ability on the logit scale, 0 for an average learner
   * @param sd the posterior standard deviation of the ability
   */
  public record Estimate(double ability, double sd, int asked, int right) {}

  /** One pre-test answer. */
  public record Answered(ItemId item, boolean correct) {}

  private final Map<ItemId, Item> items = new HashMap<>();
  private final Set<SkillId> skills;
  private final ToDoubleFunction<Item> difficulty;
  private final Predicate<Item> preferred;

  /**
   * @param roleItems the items the pre-test may ask
   * @param roleSkills the role's skills, to spread the questions over
   * @param difficulty each item's difficulty on the logit scale: minus the logit of P(correct) of
   *     an average learner who has answered nothing
   */
  public PlacementTest(
      Collection<Item> roleItems, Set<SkillId> roleSkills, ToDoubleFunction<Item> difficulty) {
    this(roleItems, roleSkills, difficulty, item -> true);
  }

  /**
   * @param preferred which of equally informative items to ask first
   */
  public PlacementTest(
      Collection<Item> roleItems,
      Set<SkillId> roleSkills,
      ToDoubleFunction<Item> difficulty,
      Predicate<Item> preferred) {
    roleItems.forEach(item -> items.put(item.id(), item));
    this.skills = Set.copyOf(roleSkills);
    this.difficulty = Objects.requireNonNull(difficulty, "difficulty");
    this.preferred = Objects.requireNonNull(preferred, "preferred");
  }

  /** The estimate after the answers, in the order given; answers on other items are left out. */
  public Estimate estimate(List<Answered> answers) {
    double ability = 0;
    double precision = 1;
    int asked = 0;
    int right = 0;
    for (Answered answer : answers) {
      Item item = items.get(answer.item());
      if (item == null) {
        continue;
      }
      double p = 1 / (1 + Math.exp(difficulty.applyAsDouble(item) - ability));
      precision += p * (1 - p);
      ability += ((answer.correct() ? 1 : 0) - p) / precision;
      asked++;
      right += answer.correct() ? 1 : 0;
    }
    return new Estimate(ability, 1 / Math.sqrt(precision), asked, right);
  }

  /**
   * The next question, or empty when the pre-test is over: {@link #MAX_QUESTIONS} asked, the
   * estimate precise enough, or no item left.
   */
  public Optional<Item> next(List<Answered> answers) {
    Estimate estimate = estimate(answers);
    if (estimate.asked() >= MAX_QUESTIONS || estimate.sd() <= PRECISE_ENOUGH) {
      return Optional.empty();
    }
    Set<ItemId> asked = new java.util.HashSet<>();
    Map<SkillId, Integer> perSkill = new HashMap<>();
    for (Answered answer : answers) {
      Item item = items.get(answer.item());
      if (item != null && asked.add(item.id())) {
        item.skills().forEach(s -> perSkill.merge(s, 1, Integer::sum));
      }
    }
    return items.values().stream()
        .filter(item -> !asked.contains(item.id()))
        .min(
            Comparator.comparingDouble((Item item) -> distanceFromHalf(item, estimate.ability()))
                .thenComparingInt(item -> leastAsked(item, perSkill))
                .thenComparing(item -> !preferred.test(item))
                .thenComparing(item -> item.id().value()));
  }

  // Distances within a hundredth count as equal, so that the skills decide between them.
  private double distanceFromHalf(Item item, double ability) {
    double p = 1 / (1 + Math.exp(difficulty.applyAsDouble(item) - ability));
    return Math.round(Math.abs(p - 0.5) * 100) / 100.0;
  }

  private int leastAsked(Item item, Map<SkillId, Integer> perSkill) {
    return item.skills().stream()
        .filter(skills::contains)
        .mapToInt(s -> perSkill.getOrDefault(s, 0))
        .min()
        .orElse(Integer.MAX_VALUE);
  }
}
