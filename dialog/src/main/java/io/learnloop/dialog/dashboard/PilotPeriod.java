package io.learnloop.dialog.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a pilot report covers, {@code from} to {@code to}, both included, as UTC days (the days
 * the dashboard's weeks are counted in).
 */
public record PilotPeriod(LocalDate from, LocalDate to) {

  /** A pilot runs six to eight weeks; the report shows the last eight unless told otherwise. */
  public static final int DEFAULT_WEEKS = 8;

  /** A year at most: longer would replay more than a pilot needs on every view. */
  public static final int MAX_DAYS = 366;

  /**
   * @throws IllegalArgumentException when {@code to} is before {@code from} or the period is longer
   *     than {@link #MAX_DAYS}
   */
  public PilotPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the period ends on " + to + ", before it starts on " + from);
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
    }
  }

  /** The {@link #DEFAULT_WEEKS} weeks ending {@code today}. */
  public static PilotPeriod lastWeeks(LocalDate today) {
    return new PilotPeriod(today.minusDays(7L * DEFAULT_WEEKS - 1), today);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public double weeks() {
    return days() / 7.0;
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
