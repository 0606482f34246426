package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.model.LearnerTrace;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.ModelMastery;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the bot knows of one simulated learner, built only from the answers, exactly as {@code
 * quiz.Snapshots} builds it for a real one: the response model's trace, FSRS cards, miss streaks,
 * lessons given. Every policy runs on one of these, with three questions a day.
 */
final class LearnerSession {

  static final double QUESTIONS_PER_DAY = 3;
  private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");

  private final Catalog catalog;
  private final Role role;
  private final ModelMastery mastery;
  private final SimulatedLearner learner;
  private final Scheduler scheduler = Spacing.defaults().scheduler();
  private final LearnerTrace trace = new LearnerTrace();
  private final Map<ItemId, Card> cards = new HashMap<>();
  private final Map<SkillId, Integer> missStreaks = new HashMap<>();
  private final Map<ItemId, Instant> lastMissed = new HashMap<>();
  private final Set<SkillId> lessonsTaken = new HashSet<>();
  private final Map<SkillId, Instant> lastPractised = new HashMap<>();
  private int questions;
  private int sequenceAsked;
  private double day;

  LearnerSession(Catalog catalog, Role role, ModelMastery mastery, SimulatedLearner learner) {
    this.catalog = catalog;
    this.role = role;
    this.mastery = mastery;
    this.learner = learner;
  }

  /** The position of the next item of a fixed sequence; the counter moves on. */
  int nextInSequence() {
    return sequenceAsked++;
  }

  int questions() {
    return questions;
  }

  double day() {
    return day;
  }

  void ask(Item item) {
    SkillId skill = item.skills().iterator().next();
    Instant now = instant();
    boolean correct = learner.answer(item, day);
    item.skills().forEach(s -> lastPractised.put(s, now));
    mastery.update(trace, item, correct);
    Card card = cards.getOrDefault(item.id(), Card.fresh(now));
    cards.put(item.id(), scheduler.review(card, correct ? Rating.GOOD : Rating.AGAIN, now));
    if (correct) {
      missStreaks.remove(skill);
      lastMissed.remove(item.id());
    } else {
      if (missStreaks.merge(skill, 1, Integer::sum) == 1) {
        lessonsTaken.remove(skill);
      }
      lastMissed.put(item.id(), now);
    }
    tick();
  }

  void lesson(SkillId skill) {
    learner.readLesson(skill, day);
    lessonsTaken.add(skill);
    tick();
  }

  private void tick() {
    questions++;
    day += 1 / QUESTIONS_PER_DAY;
  }

  /** Items due for review now, most overdue first. */
  List<ItemId> due() {
    Instant now = instant();
    return cards.entrySet().stream()
        .filter(e -> !e.getValue().due().isAfter(now))
        .sorted(Comparator.comparing(e -> e.getValue().due()))
        .map(Map.Entry::getKey)
        .toList();
  }

  LearnerSnapshot snapshot() {
    Instant now = instant();
    return new LearnerSnapshot(
        role.id(),
        now,
        due(),
        mastery.durable(trace, role.targets().keySet(), skill -> retrievability(skill, now)),
        missStreaks,
        lastMissed,
        cards.keySet(),
        Set.of(),
        lessonsTaken,
        id -> {
          Card card = cards.get(id);
          double recall = card == null ? 1 : scheduler.retrievability(card, now);
          return mastery.pCorrect(trace, catalog.item(id).orElseThrow()) * recall;
        },
        lastPractised,
        Optional.empty());
  }

  // The skill's best-remembered item a month from now, as FSRS forecasts it.
  private double retrievability(SkillId skill, Instant now) {
    Instant later = now.plus(ModelMastery.HORIZON);
    return cards.entrySet().stream()
        .filter(e -> catalog.item(e.getKey()).orElseThrow().skills().contains(skill))
        .mapToDouble(e -> scheduler.retrievability(e.getValue(), later))
        .max()
        .orElse(1);
  }

  private Instant instant() {
    return T0.plus(Duration.ofMinutes(Math.round(day * 24 * 60)));
  }
}
