package io.learnloop.dialog.coaching;

import io.learnloop.dialog.schedule.Workdays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * When a manager's weekly nudge falls: a day and time of the week in the manager's own time zone. A
 * nudge missed then (every instance was down) is caught up on a later workday of the same week,
 * never on a weekend and never once the next week's is near, so that a manager never gets two
 * within days.
 */
public record NudgeSchedule(DayOfWeek day, LocalTime at, Workdays workdays) {

  /** How long after its time a missed nudge is still sent: the working week it belongs to. */
  static final Duration CATCH_UP = Duration.ofDays(5);

  public NudgeSchedule {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(workdays, "workdays");
    if (workdays.weekend().contains(day)) {
      throw new IllegalArgumentException("the weekly nudge goes out on a workday, not " + day);
    }
  }

  /** On {@code day} at {@code at}, Saturday and Sunday off. */
  public NudgeSchedule(DayOfWeek day, LocalTime at) {
    this(day, at, Workdays.weekendsOnly());
  }

  /** Monday 09:00. */
  public static NudgeSchedule mondayMorning() {
    return new NudgeSchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0));
  }

  /**
   * The week's nudge time that is due at {@code now} in {@code zone}: the latest one at or before
   * now, while it may still be caught up; empty on days off (a nudge due on a holiday goes out on
   * the next workday of its week) and before the first of a week.
   */
  public Optional<Instant> due(ZoneId zone, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    if (!workdays.isWorkday(local.toLocalDate())) {
      return Optional.empty();
    }
    ZonedDateTime slot =
        local.toLocalDate().with(TemporalAdjusters.previousOrSame(day)).atTime(at).atZone(zone);
    if (slot.isAfter(local)) {
      slot = slot.minusWeeks(1);
    }
    return Duration.between(slot, local).compareTo(CATCH_UP) < 0
        ? Optional.of(slot.toInstant())
        : Optional.empty();
  }
}
