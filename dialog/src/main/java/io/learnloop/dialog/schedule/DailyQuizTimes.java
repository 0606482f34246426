package io.learnloop.dialog.schedule;

import io.learnloop.dialog.learning.Learner;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/** When a learner's daily quiz falls: workdays, at their quiz time, in their own time zone. */
public final class DailyQuizTimes {

  private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private DailyQuizTimes() {}

  /** The first workday quiz time after {@code after}, in the learner's zone. */
  public static Instant next(Learner learner, Instant after) {
    ZonedDateTime local = after.atZone(learner.timezone());
    LocalDate day = local.toLocalDate();
    ZonedDateTime slot = day.atTime(learner.preferences().dailyQuizAt()).atZone(learner.timezone());
    while (!slot.toInstant().isAfter(after) || WEEKEND.contains(slot.getDayOfWeek())) {
      day = day.plusDays(1);
      slot = day.atTime(learner.preferences().dailyQuizAt()).atZone(learner.timezone());
    }
    return slot.toInstant();
  }
}
