package io.learnloop.dialog.coaching;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One report's week as their manager's nudge sees it. */
record ReportWeek(
    RosterEntry person,
    LearnerSnapshot snapshot,
    Optional<Instant> lastAnswer,
    boolean activeThisWeek,
    Map<ItemId, Integer> recentMisses) {

  /** How far back "this week" looks. */
  static final Duration WEEK = Duration.ofDays(7);

  /** How far back the most-missed questions are counted: a month shows what is still hard. */
  static final Duration MISSES = Duration.ofDays(28);

  static ReportWeek of(
      RosterEntry person, LearnerSnapshot snapshot, List<AnswerEvent> events, Instant now) {
    Optional<Instant> last = events.stream().map(AnswerEvent::at).max(Instant::compareTo);
    Map<ItemId, Integer> misses = new HashMap<>();
    for (AnswerEvent event : events) {
      if (!event.correct() && !event.at().isBefore(now.minus(MISSES))) {
        misses.merge(event.item(), 1, Integer::sum);
      }
    }
    boolean active = last.filter(at -> !at.isBefore(now.minus(WEEK))).isPresent();
    return new ReportWeek(person, snapshot, last, active, misses);
  }
}
