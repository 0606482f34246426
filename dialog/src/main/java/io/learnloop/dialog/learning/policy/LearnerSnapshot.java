package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * What the policy knows about a learner at one moment.
 *
 * @param due items due for review, most overdue first
 * @param mastery estimated mastery per skill; missing skills are unknown
 * @param missStreaks wrong answers in a row per skill since the last right one
 * @param lastMissed when the learner last got each item wrong, for items whose latest answer was
 *     wrong
 * @param seen items the learner has answered
 * @param recentlyAsked skills the learner asked the assistant about lately
 * @param lessonsTaken skills whose micro-lesson was given since the last miss streak began
 * @param pCorrect the learner model's P(correct) for any item now
 * @param lastPractised when the learner last answered a question on each skill
 * @param nextRole the role the learner works toward (their own choice, else the roster's {@code
 *     next_role}), whose targets come after their own role's
 */
public record LearnerSnapshot(
    RoleId role,
    Instant now,
    List<ItemId> due,
    Map<SkillId, SkillMastery> mastery,
    Map<SkillId, Integer> missStreaks,
    Map<ItemId, Instant> lastMissed,
    Set<ItemId> seen,
    Set<SkillId> recentlyAsked,
    Set<SkillId> lessonsTaken,
    ToDoubleFunction<ItemId> pCorrect,
    Map<SkillId, Instant> lastPractised,
    Optional<RoleId> nextRole) {

  public LearnerSnapshot {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(now, "now");
    due = List.copyOf(due);
    mastery = Map.copyOf(mastery);
    missStreaks = Map.copyOf(missStreaks);
    lastMissed = Map.copyOf(lastMissed);
    seen = Set.copyOf(seen);
    recentlyAsked = Set.copyOf(recentlyAsked);
    lessonsTaken = Set.copyOf(lessonsTaken);
    Objects.requireNonNull(pCorrect, "pCorrect");
    lastPractised = Map.copyOf(lastPractised);
    Objects.requireNonNull(nextRole, "nextRole");
  }

  public SkillMastery mastery(SkillId skill) {
    return mastery.getOrDefault(skill, SkillMastery.UNKNOWN);
  }
}
