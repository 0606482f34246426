package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.model.LearnerTrace;
import io.learnloop.dialog.learning.policy.ModelMastery;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One learner's answers replayed as of any moment: the learner model's mastery then (as the heatmap
 * computes it now: the estimate a month ahead, forgetting included) and the FSRS reviews the
 * answers scheduled. The store keeps only each item's latest memory, so the past is replayed
 * through the same scheduler.
 */
final class LearnerHistory {

  private final List<AnswerEvent> events;
  private final Catalog catalog;
  private final ModelMastery model;
  private final Scheduler scheduler;

  LearnerHistory(
      List<AnswerEvent> events, Catalog catalog, ModelMastery model, Scheduler scheduler) {
    this.events =
        events.stream()
            .filter(e -> catalog.item(e.item()).isPresent())
            .sorted(Comparator.comparing(AnswerEvent::at))
            .toList();
    this.catalog = catalog;
    this.model = model;
    this.scheduler = scheduler;
  }

  /**
   * When placement ended: after the pre-test's answers, or for a learner who declined it or started
   * before it existed, after their first day of answers.
   */
  Optional<Instant> placement() {
    if (events.isEmpty()) {
      return Optional.empty();
    }
    Instant last = null;
    for (AnswerEvent event : events) {
      if (event.context() != AnswerContext.PRE_TEST) {
        break;
      }
      last = event.at();
    }
    if (last != null) {
      return Optional.of(last);
    }
    LocalDate first = LearnerSummary.day(events.get(0).at());
    return events.stream()
        .map(AnswerEvent::at)
        .filter(at -> LearnerSummary.day(at).equals(first))
        .reduce((a, b) -> b);
  }

  /** The learner's mastery of {@code skills} after the answers given up to {@code at}, included. */
  Map<SkillId, SkillMastery> masteryAt(Instant at, Collection<SkillId> skills) {
    LearnerTrace trace = new LearnerTrace();
    Map<ItemId, Card> cards = new HashMap<>();
    for (AnswerEvent event : upTo(at)) {
      model.update(trace, item(event), event.correct());
      review(cards, event);
    }
    Instant horizon = at.plus(ModelMastery.HORIZON);
    return model.durable(
        trace,
        skills,
        skill ->
            cards.entrySet().stream()
                .filter(e -> item(e.getKey()).skills().contains(skill))
                .mapToDouble(e -> scheduler.retrievability(e.getValue(), horizon))
                .max()
                .orElse(1));
  }

  /** The items answered up to {@code at}, included. */
  Set<ItemId> answeredBy(Instant at) {
    Set<ItemId> seen = new HashSet<>();
    upTo(at).forEach(e -> seen.add(e.item()));
    return seen;
  }

  int answersBetween(Instant start, Instant end) {
    return (int)
        events.stream().filter(e -> !e.at().isBefore(start) && e.at().isBefore(end)).count();
  }

  /**
   * Spaced reviews that fell due from {@code start} on and whose tolerance ended before {@code
   * end}, and how many of them the learner answered by then (early counts: the item was reviewed).
   */
  int[] reviewsKept(Instant start, Instant end, Duration tolerance) {
    Map<ItemId, Card> cards = new HashMap<>();
    int due = 0;
    int kept = 0;
    for (AnswerEvent event : events) {
      Card before = cards.get(event.item());
      if (before != null && counts(before.due(), start, end, tolerance)) {
        due++;
        kept += event.at().isAfter(before.due().plus(tolerance)) ? 0 : 1;
      }
      review(cards, event);
    }
    for (Card open : cards.values()) {
      due += counts(open.due(), start, end, tolerance) ? 1 : 0;
    }
    return new int[] {due, kept};
  }

  private static boolean counts(Instant due, Instant start, Instant end, Duration tolerance) {
    return !due.isBefore(start) && !due.plus(tolerance).isAfter(end);
  }

  private void review(Map<ItemId, Card> cards, AnswerEvent event) {
    Card card = cards.getOrDefault(event.item(), Card.fresh(event.at()));
    cards.put(event.item(), scheduler.review(card, event.rating(), event.at()));
  }

  private List<AnswerEvent> upTo(Instant at) {
    return events.stream().filter(e -> !e.at().isAfter(at)).toList();
  }

  private Item item(AnswerEvent event) {
    return item(event.item());
  }

  private Item item(ItemId id) {
    return catalog.item(id).orElseThrow();
  }
}
