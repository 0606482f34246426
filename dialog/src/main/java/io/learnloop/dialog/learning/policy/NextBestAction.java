package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.learning.policy.Reason.Kind;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses a learner's next best action, in this order: a due review of an item last missed or of a
 * skill still below its target; a micro-lesson after repeated misses on a role skill; a new item on
 * a topic the learner just asked about; while a target is unmet, an item of the role skill
 * practised longest ago (never practised first, then the one furthest below its target) at
 * desirable difficulty (predicted P(correct) closest to {@link #DESIRABLE}, new items first), so
 * that practice is interleaved over the role's skills and spread over days, which is what makes it
 * last (docs/LEARNER-MODEL.md, "Simulation"); once every target is met (the estimate less one
 * standard deviation clears it by {@link #DURABILITY_MARGIN}), a harder item; then the remaining
 * due reviews; otherwise rest. A learner working toward a next role practises its targets the same
 * way once their own role's are met, before the harder items.
 */
public final class NextBestAction {

  /**
   * Aim of a new item's predicted P(correct): hard enough to learn from, easy enough to keep going.
   */
  public static final double DESIRABLE = 0.775;

  /** Wrong answers in a row on a skill that bring its micro-lesson. */
  public static final int MISSES_FOR_LESSON = 2;

  /**
   * How far the lower bound of a skill's estimated mastery must clear its target before the target
   * counts as met: mastery fades by a few points in a month without practice (see
   * docs/LEARNER-MODEL.md, "Simulation"), and a target met only just would be lost again.
   */
  public static final double DURABILITY_MARGIN = 0.05;

  private final Catalog catalog;
  private final double margin;

  public NextBestAction(Catalog catalog) {
    this(catalog, DURABILITY_MARGIN);
  }

  /**
   * @param margin how far the lower bound of a skill's mastery must clear its target to count as
   *     met (see {@link #DURABILITY_MARGIN})
   */
  public NextBestAction(Catalog catalog, double margin) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("margin must be in [0, 1) but was " + margin);
    }
    this.margin = margin;
  }

  /**
   * @throws IllegalArgumentException when the learner's role is not in the catalog
   */
  public Recommendation next(LearnerSnapshot learner) {
    Role role =
        catalog
            .role(learner.role())
            .orElseThrow(
                () -> new IllegalArgumentException("unknown role '" + learner.role() + "'"));
    Optional<ItemId> review =
        learner.due().stream()
            .filter(i -> learner.lastMissed().containsKey(i) || !skillsMet(i, role, learner))
            .findFirst();
    if (review.isPresent()) {
      ItemId item = review.get();
      Reason reason =
          Optional.ofNullable(learner.lastMissed().get(item))
              .map(at -> Reason.of(Kind.MISSED_BEFORE, Date.from(at)))
              .orElse(Reason.of(Kind.DUE_REVIEW));
      return new Recommendation.Ask(item, reason);
    }
    for (SkillId skill : role.targets().keySet()) {
      if (learner.missStreaks().getOrDefault(skill, 0) >= MISSES_FOR_LESSON
          && !learner.lessonsTaken().contains(skill)) {
        Optional<Item> missed =
            catalog.itemsFor(skill).stream()
                .filter(i -> learner.lastMissed().containsKey(i.id()))
                .findFirst()
                .or(() -> catalog.itemsFor(skill).stream().findFirst());
        if (missed.isPresent()) {
          return new Recommendation.Lesson(
              skill,
              missed.get().source(),
              Reason.of(Kind.MICRO_LESSON, learner.missStreaks().get(skill), name(skill)));
        }
      }
    }
    for (SkillId skill : learner.recentlyAsked()) {
      Optional<Item> item = desirableNewItem(skill, learner);
      if (item.isPresent()) {
        return new Recommendation.Ask(item.get().id(), Reason.of(Kind.JUST_IN_TIME, name(skill)));
      }
    }
    Optional<SkillId> weakest = nextSkill(role.targets(), learner);
    if (weakest.isPresent()) {
      return ask(weakest.get(), learner, Reason.of(Kind.NEXT_STEP, name(weakest.get())));
    }
    Optional<Role> nextRole =
        learner.nextRole().filter(r -> !r.equals(role.id())).flatMap(catalog::role);
    if (nextRole.isPresent()) {
      Optional<SkillId> toward = nextSkill(nextRole.get().targets(), learner);
      if (toward.isPresent()) {
        return ask(
            toward.get(),
            learner,
            Reason.of(Kind.NEXT_ROLE, name(toward.get()), nextRole.get().name()));
      }
    }
    boolean targetsMet = role.targets().entrySet().stream().allMatch(t -> gap(t, learner) <= 0);
    if (targetsMet) {
      Optional<Item> harder =
          role.targets().keySet().stream()
              .flatMap(skill -> catalog.itemsFor(skill).stream())
              .filter(i -> !learner.seen().contains(i.id()))
              .min(Comparator.comparingDouble(i -> learner.pCorrect().applyAsDouble(i.id())));
      if (harder.isPresent()) {
        SkillId skill = harder.get().skills().iterator().next();
        return new Recommendation.Ask(harder.get().id(), Reason.of(Kind.ADVANCED, name(skill)));
      }
    }
    if (!learner.due().isEmpty()) {
      return new Recommendation.Ask(learner.due().get(0), Reason.of(Kind.DUE_REVIEW));
    }
    return new Recommendation.Rest(Reason.of(Kind.ALL_DONE));
  }

  /**
   * While a target of {@code targets} is unmet, the targeted skill practised longest ago (never
   * practised first, then the one furthest below its target); empty once every target is met.
   */
  private Optional<SkillId> nextSkill(Map<SkillId, TargetLevel> targets, LearnerSnapshot learner) {
    boolean unmet =
        targets.entrySet().stream()
            .anyMatch(t -> gap(t, learner) > 0 && !catalog.itemsFor(t.getKey()).isEmpty());
    if (!unmet) {
      return Optional.empty();
    }
    return targets.entrySet().stream()
        .filter(t -> !catalog.itemsFor(t.getKey()).isEmpty())
        .min(
            Comparator.comparing(
                    (Map.Entry<SkillId, TargetLevel> t) ->
                        learner.lastPractised().getOrDefault(t.getKey(), Instant.MIN))
                .thenComparing(t -> -gap(t, learner)))
        .map(Map.Entry::getKey);
  }

  // A new item of the skill at desirable difficulty, else the seen one closest to it.
  private Recommendation ask(SkillId skill, LearnerSnapshot learner, Reason reason) {
    Item item = desirableNewItem(skill, learner).orElseGet(() -> desirableItem(skill, learner));
    return new Recommendation.Ask(item.id(), reason);
  }

  /** Whether the learner's estimated mastery meets every target of their role, with margin. */
  public boolean targetsMet(LearnerSnapshot learner) {
    Role role = catalog.role(learner.role()).orElseThrow();
    return role.targets().entrySet().stream().allMatch(t -> gap(t, learner) <= 0);
  }

  // Reviews of a skill that is still below target come first; those of a mastered skill wait
  // until nothing more useful is left, so practice goes where the gaps are.
  private boolean skillsMet(ItemId item, Role role, LearnerSnapshot learner) {
    return catalog.item(item).stream()
        .flatMap(i -> i.skills().stream())
        .filter(role.targets()::containsKey)
        .allMatch(skill -> gap(Map.entry(skill, role.targets().get(skill)), learner) <= 0);
  }

  private double gap(Map.Entry<SkillId, TargetLevel> target, LearnerSnapshot learner) {
    return Targets.threshold(target.getValue())
        + margin
        - learner.mastery(target.getKey()).lowerBound();
  }

  private Optional<Item> desirableNewItem(SkillId skill, LearnerSnapshot learner) {
    return catalog.itemsFor(skill).stream()
        .filter(i -> !learner.seen().contains(i.id()))
        .min(
            Comparator.comparingDouble(
                i -> Math.abs(learner.pCorrect().applyAsDouble(i.id()) - DESIRABLE)));
  }

  // Every item of the skill has been seen: practise again the one closest to desirable.
  private Item desirableItem(SkillId skill, LearnerSnapshot learner) {
    return catalog.itemsFor(skill).stream()
        .min(
            Comparator.comparingDouble(
                i -> Math.abs(learner.pCorrect().applyAsDouble(i.id()) - DESIRABLE)))
        .orElseThrow();
  }

  private Object name(SkillId skill) {
    return catalog.skill(skill).map(s -> (Object) s.name()).orElse(skill.value());
  }
}
