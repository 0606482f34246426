package io.learnloop.dialog.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.schedule.Workdays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NudgeScheduleTest {

  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final ZoneId MAKASSAR = ZoneId.of("Asia/Makassar");
  private final NudgeSchedule monday = NudgeSchedule.mondayMorning();

  @Test
  void should_fall_due_at_monday_nine_in_the_managers_own_zone() {
    Instant jakartaNine = Instant.parse("2026-11-30T02:00:00Z");

    assertThat(monday.due(JAKARTA, jakartaNine)).contains(jakartaNine);
    assertThat(monday.due(JAKARTA, jakartaNine.minusSeconds(1))).isEmpty();
    assertThat(monday.due(MAKASSAR, Instant.parse("2026-11-30T01:00:00Z")))
        .contains(Instant.parse("2026-11-30T01:00:00Z"));
  }

  @Test
  void should_stay_due_for_a_catch_up_on_the_workdays_of_the_same_week() {
    Instant slot = Instant.parse("2026-11-30T02:00:00Z");

    assertThat(monday.due(JAKARTA, Instant.parse("2026-12-01T03:00:00Z"))).contains(slot);
    assertThat(monday.due(JAKARTA, Instant.parse("2026-12-04T16:00:00Z")))
        .as("Friday 23:00")
        .contains(slot);
  }

  @Test
  void should_not_catch_up_on_a_weekend_nor_just_before_the_next_week() {
    assertThat(monday.due(JAKARTA, Instant.parse("2026-12-05T03:00:00Z"))).as("Saturday").isEmpty();
    assertThat(monday.due(JAKARTA, Instant.parse("2026-12-07T01:59:00Z")))
        .as("next Monday 08:59")
        .isEmpty();
  }

  @Test
  void should_send_a_nudge_due_on_a_holiday_on_the_next_workday_of_its_week() {
    // Monday 2026-08-17 is Indonesia's Independence Day.
    NudgeSchedule withHoliday =
        new NudgeSchedule(
            DayOfWeek.MONDAY,
            LocalTime.of(9, 0),
            Workdays.weekendsOnly()
                .withHolidays(Map.of(LocalDate.parse("2026-08-17"), "Hari Kemerdekaan")));
    Instant slot = Instant.parse("2026-08-17T02:00:00Z");

    assertThat(withHoliday.due(JAKARTA, slot.plusSeconds(60))).as("the holiday").isEmpty();
    assertThat(withHoliday.due(JAKARTA, Instant.parse("2026-08-18T02:00:00Z")))
        .as("Tuesday")
        .contains(slot);
    assertThat(monday.due(JAKARTA, slot.plusSeconds(60))).as("without the holiday").contains(slot);
  }

  @Test
  void should_refuse_a_weekly_day_that_is_a_day_off() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new NudgeSchedule(
                    DayOfWeek.FRIDAY,
                    LocalTime.of(9, 0),
                    new Workdays(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FRIDAY");
  }
}
