package io.learnloop.dialog.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days people work: every day but the weekend and the organisation's public holidays. Daily
 * quizzes, scheduled team rounds and manager nudges go out on workdays only, each in the local date
 * of whoever receives it.
 *
 * @param weekend the days off every week
 * @param holidays the days off by date, with their names
 */
public record Workdays(Set<DayOfWeek> weekend, Map<LocalDate, String> holidays) {

  public Workdays {
    weekend = Set.copyOf(weekend);
    holidays = Map.copyOf(holidays);
    if (weekend.size() >= DayOfWeek.values().length) {
      throw new IllegalArgumentException("a week needs at least one workday");
    }
  }

  /** Saturday and Sunday off, no holidays. */
  public static Workdays weekendsOnly() {
    return new Workdays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of());
  }

  /** The same weekend with these holidays. */
  public Workdays withHolidays(Map<LocalDate, String> days) {
    Map<LocalDate, String> all = new TreeMap<>(holidays);
    all.putAll(days);
    return new Workdays(weekend, all);
  }

  public boolean isWorkday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !weekend.contains(date.getDayOfWeek()) && !holidays.containsKey(date);
  }

  /** The holiday's name, when {@code date} is one. */
  public Optional<String> holiday(LocalDate date) {
    return Optional.ofNullable(holidays.get(date));
  }
}
