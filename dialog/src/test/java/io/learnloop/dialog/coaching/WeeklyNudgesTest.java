package io.learnloop.dialog.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.schedule.InMemoryJobClaims;
import io.learnloop.dialog.schedule.JobLeases;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeeklyNudgesTest {

  private static final Instant MONDAY_NINE_JAKARTA = Instant.parse("2026-11-30T02:00:00Z");

  private final NudgeFixture fixture = new NudgeFixture().withManagers(2);
  private final NudgeFixture.Instance bot =
      fixture.instance(new InMemoryJobClaims(Clock.systemUTC(), JobLeases.KEEP_DONE));

  @Test
  void should_send_each_manager_their_nudge_in_their_own_zone_and_language_once() {
    Learner jakarta = fixture.managers.get(0);
    Learner makassar = fixture.managers.get(1);

    int early = bot.nudges.sendDue(MONDAY_NINE_JAKARTA.minusSeconds(3600));
    int atNine = bot.nudges.sendDue(MONDAY_NINE_JAKARTA);
    int again = bot.nudges.sendDue(MONDAY_NINE_JAKARTA.plusSeconds(300));

    assertThat(early).as("Makassar's 09:00 is an hour before Jakarta's").isEqualTo(1);
    assertThat(atNine).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(bot.nudgedUsers())
        .containsExactly(NudgeFixture.dmOf(makassar), NudgeFixture.dmOf(jakarta));
    Reply.ManagerNudge first = (Reply.ManagerNudge) bot.slack.replies().get(0);
    Reply.ManagerNudge second = (Reply.ManagerNudge) bot.slack.replies().get(1);
    assertThat(first.title()).isEqualTo("Your team this week");
    assertThat(second.title()).isEqualTo("Tim Anda minggu ini");
    assertThat(second.reports()).isEqualTo(2);
  }

  @Test
  void should_send_the_next_weeks_nudge_a_week_later() {
    bot.nudges.sendDue(MONDAY_NINE_JAKARTA);

    int nextWeek = bot.nudges.sendDue(MONDAY_NINE_JAKARTA.plus(java.time.Duration.ofDays(7)));

    assertThat(nextWeek).isEqualTo(2);
    assertThat(bot.nudgedUsers()).hasSize(4);
  }

  @Test
  void should_try_again_at_the_next_sweep_when_no_channel_took_the_nudge() {
    NudgeFixture.Instance broken =
        fixture.failingFirst(new InMemoryJobClaims(Clock.systemUTC(), JobLeases.KEEP_DONE), 1);

    int failed = broken.nudges.sendDue(MONDAY_NINE_JAKARTA);
    int retried = broken.nudges.sendDue(MONDAY_NINE_JAKARTA.plusSeconds(300));

    assertThat(failed).as("Makassar's went out, Jakarta's first try failed").isEqualTo(1);
    assertThat(retried).isEqualTo(1);
    assertThat(broken.nudgedUsers()).hasSize(2).doesNotHaveDuplicates();
  }
}
