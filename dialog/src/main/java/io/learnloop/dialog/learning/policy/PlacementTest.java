package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The adaptive placement pre-test of a new learner: {@link #QUESTIONS_PER_SKILL} questions per role
 * skill, each the unseen item whose difficulty is closest to the current ability estimate (a right
 * answer moves the estimate up, so the next item is harder; a wrong one, easier). Two questions per
 * skill locate a learner within about a logit, which is enough to skip what they know and start the
 * rest at the right difficulty.
 */
public final class PlacementTest {

  public static final int QUESTIONS_PER_SKILL = 2;

  private final Catalog catalog;
  private final ToDoubleFunction<ItemId> difficulty;

  /**
   * @param difficulty each item's difficulty on the logit scale, learned from everyone's answers
   */
  public PlacementTest(Catalog catalog, ToDoubleFunction<ItemId> difficulty) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.difficulty = Objects.requireNonNull(difficulty, "difficulty");
  }

  /**
   * The next placement question on the skill, or empty when it has had its questions.
   *
   * @param asked placement items already asked on any skill
   */
  public Optional<Item> next(SkillId skill, AbilityEstimate estimate, Set<ItemId> asked) {
    long done = catalog.itemsFor(skill).stream().filter(i -> asked.contains(i.id())).count();
    if (done >= QUESTIONS_PER_SKILL) {
      return Optional.empty();
    }
    double target = estimate.ability(skill);
    return catalog.itemsFor(skill).stream()
        .filter(i -> !asked.contains(i.id()))
        .min(Comparator.comparingDouble(i -> Math.abs(difficulty.applyAsDouble(i.id()) - target)));
  }
}
