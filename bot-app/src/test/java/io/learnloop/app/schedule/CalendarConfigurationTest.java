package io.learnloop.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.schedule.ScheduledRound;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarConfigurationTest {

  @Test
  void should_read_a_configured_round_into_a_shared_conversation_and_a_job_name() {
    ScheduledRound round =
        CalendarConfiguration.round(
            0,
            new ScheduleSettings.Round(
                "teams",
                "tenant-1",
                "19:abc@thread.tacv2",
                "0 0 10 * * MON-FRI",
                "Asia/Jakarta",
                "id"));

    assertThat(round.where().shared()).isTrue();
    assertThat(round.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    assertThat(round.language()).isEqualTo(Language.INDONESIAN);
    assertThat(round.jobName()).startsWith("team-round.teams.").matches("[A-Za-z0-9._-]{1,80}");
  }

  @Test
  void should_stop_the_start_naming_the_setting_of_a_round_it_cannot_read() {
    assertThatThrownBy(
            () ->
                CalendarConfiguration.round(
                    2, new ScheduleSettings.Round("slack", "T1", "C1", "every day", "UTC", "en")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("learnloop.schedule.rounds[2]")
        .hasMessageContaining("every day");
    assertThatThrownBy(
            () ->
                CalendarConfiguration.round(
                    0,
                    new ScheduleSettings.Round(
                        "slack", "T1", "C1", "0 0 10 * * *", "Mars/Olympus", "en")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("learnloop.schedule.rounds[0]");
    assertThatThrownBy(
            () ->
                CalendarConfiguration.round(
                    0,
                    new ScheduleSettings.Round("slack", "T1", "C1", "0 0 10 * * *", "UTC", "fr")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'fr'");
  }
}
