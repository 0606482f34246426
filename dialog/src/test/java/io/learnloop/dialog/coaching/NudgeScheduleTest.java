package io.learnloop.dialog.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
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
}
