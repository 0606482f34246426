package io.learnloop.dialog.schedule;

import io.learnloop.dialog.learning.Learner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * When a learner's daily quiz falls: on the days they chose that are workdays, at their quiz time,
 * in their own time zone.
 */
public final class DailyQuizTimes {

  private DailyQuizTimes() {}

  /** The first quiz time after {@code after} on a weekday, in the learner's zone. */
  public static Instant next(Learner learner, Instant after) {
    return next(learner, after, Workdays.weekendsOnly());
  }

  /** The first quiz time after {@code after} on a workday, in the learner's zone. */
  public static Instant next(Learner learner, Instant after, Workdays workdays) {
    ZonedDateTime local = after.atZone(learner.timezone());
    LocalDate day = local.toLocalDate();
    ZonedDateTime slot = day.atTime(learner.preferences().dailyQuizAt()).atZone(learner.timezone());
    while (!slot.toInstant().isAfter(after)
        || !workdays.isWorkday(slot.toLocalDate())
        || !learner.preferences().quizDays().contains(slot.getDayOfWeek())) {
      day = day.plusDays(1);
      slot = day.atTime(learner.preferences().dailyQuizAt()).atZone(learner.timezone());
    }
    return slot.toInstant();
  }
}
