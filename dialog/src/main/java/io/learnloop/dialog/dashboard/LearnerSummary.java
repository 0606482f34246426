package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the dashboard needs of one learner, computed from all their answers once and kept until they
 * answer again or the day changes: the learner model's mastery per skill, answers per day, and
 * their recent answers per item.
 *
 * @param answers how many answers the store counted when this was computed
 * @param day the UTC day it was computed on
 * @param mastery the learner model's estimate per skill, as their own progress shows it
 * @param perDay answers and correct answers per UTC day
 * @param recentItems attempts and correct answers per item in the {@link #RECENT} before {@code
 *     day}
 */
record LearnerSummary(
    int answers,
    RoleId role,
    LocalDate day,
    Map<SkillId, SkillMastery> mastery,
    TreeMap<LocalDate, Tally> perDay,
    Optional<Instant> lastAnswer,
    Map<ItemId, Tally> recentItems) {

  /** How far back item success is counted: a month shows what is still hard. */
  static final Duration RECENT = Duration.ofDays(28);

  /** Answers and how many of them were right. */
  record Tally(int answers, int correct) {
    Tally plus(boolean right) {
      return new Tally(answers + 1, correct + (right ? 1 : 0));
    }

    Tally plus(Tally other) {
      return new Tally(answers + other.answers, correct + other.correct);
    }

    static final Tally NONE = new Tally(0, 0);
  }

  static LearnerSummary of(
      int answers,
      RoleId role,
      Instant now,
      Map<SkillId, SkillMastery> mastery,
      List<AnswerEvent> events) {
    TreeMap<LocalDate, Tally> perDay = new TreeMap<>();
    Map<ItemId, Tally> items = new HashMap<>();
    Instant recent = now.minus(RECENT);
    Instant last = null;
    for (AnswerEvent event : events) {
      perDay.merge(day(event.at()), Tally.NONE.plus(event.correct()), Tally::plus);
      if (!event.at().isBefore(recent)) {
        items.merge(event.item(), Tally.NONE.plus(event.correct()), Tally::plus);
      }
      if (last == null || event.at().isAfter(last)) {
        last = event.at();
      }
    }
    return new LearnerSummary(
        answers,
        role,
        day(now),
        Map.copyOf(mastery),
        perDay,
        Optional.ofNullable(last),
        Map.copyOf(items));
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** Answers and correct answers on the days from {@code from} to {@code to}, both included. */
  Tally between(LocalDate from, LocalDate to) {
    Tally sum = Tally.NONE;
    for (Tally day : perDay.subMap(from, true, to, true).values()) {
      sum = sum.plus(day);
    }
    return sum;
  }
}
