package io.learnloop.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.schedule.DailyQuizTimes;
import io.learnloop.dialog.schedule.InMemoryQuizCalendar;
import io.learnloop.dialog.schedule.Workdays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DailyQuizTest {

  private final AssistantFixture fixture = new AssistantFixture();
  private final InMemoryQuizCalendar calendar = new InMemoryQuizCalendar();
  private final DailyQuiz daily =
      new DailyQuiz(
          fixture.assistant,
          fixture.learners,
          calendar,
          new InMemoryDeliveries(Clock.systemUTC()),
          Set.of("test"));

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_plan_the_next_workday_at_the_quiz_time_in_the_learners_zone() {
    Learner jakarta = learner();
    // Friday 2026-12-04 09:00 in Jakarta (UTC+7): the 09:30 quiz is still ahead today.
    Instant fridayMorning = Instant.parse("2026-12-04T02:00:00Z");
    Instant fridayAfter = Instant.parse("2026-12-04T02:31:00Z");

    assertThat(DailyQuiz.nextSlot(jakarta, fridayMorning))
        .isEqualTo(Instant.parse("2026-12-04T02:30:00Z"));
    assertThat(DailyQuiz.nextSlot(jakarta, fridayAfter))
        .as("after Friday's quiz the next one is Monday's")
        .isEqualTo(Instant.parse("2026-12-07T02:30:00Z"));
  }

  @Test
  void should_send_a_due_quiz_once_per_day_and_nothing_before_it_is_due() {
    Learner jakarta = learner();
    DailyQuiz.plan(calendar, jakarta, Instant.parse("2026-12-04T01:00:00Z"));
    fixture.gateway.clear();

    int early = daily.sendDue(Instant.parse("2026-12-04T02:29:00Z"));
    int due = daily.sendDue(Instant.parse("2026-12-04T02:30:05Z"));
    DailyQuiz.plan(calendar, jakarta, Instant.parse("2026-12-04T01:00:00Z"));
    int sweptAgain = daily.sendDue(Instant.parse("2026-12-04T02:35:00Z"));

    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(sweptAgain).as("the day is claimed once").isZero();
    assertThat(fixture.gateway.replies()).singleElement().isInstanceOf(Reply.QuizQuestion.class);
    assertThat(calendar.due(Instant.parse("2026-12-06T23:59:00Z"), 10))
        .as("the weekend is skipped")
        .isEmpty();
    assertThat(calendar.due(Instant.parse("2026-12-07T02:30:00Z"), 10)).contains(jakarta.id());
  }

  @Test
  void should_send_no_quiz_on_a_public_holiday_and_plan_the_next_workday() {
    // Friday 2026-12-25 is Christmas; the quiz was planned before the holiday was known.
    DailyQuiz withHolidays =
        new DailyQuiz(
            fixture.assistant,
            fixture.learners,
            calendar,
            new InMemoryDeliveries(Clock.systemUTC()),
            Set.of("test"),
            Workdays.weekendsOnly()
                .withHolidays(Map.of(LocalDate.parse("2026-12-25"), "Hari Raya Natal")));
    Learner jakarta = learner();
    DailyQuiz.plan(calendar, jakarta, Instant.parse("2026-12-25T01:00:00Z"));
    fixture.gateway.clear();

    int sent = withHolidays.sendDue(Instant.parse("2026-12-25T02:30:05Z"));

    assertThat(sent).isZero();
    assertThat(fixture.gateway.replies()).isEmpty();
    assertThat(calendar.due(Instant.parse("2026-12-27T23:59:00Z"), 10)).isEmpty();
    assertThat(calendar.due(Instant.parse("2026-12-28T02:30:00Z"), 10))
        .as("Monday")
        .contains(jakarta.id());
    assertThat(
            DailyQuizTimes.next(
                jakarta,
                Instant.parse("2026-12-24T03:00:00Z"),
                Workdays.weekendsOnly()
                    .withHolidays(Map.of(LocalDate.parse("2026-12-25"), "Natal"))))
        .as("after Thursday's quiz, past the holiday and the weekend")
        .isEqualTo(Instant.parse("2026-12-28T02:30:00Z"));
  }

  @Test
  void should_take_a_learner_no_one_knows_off_the_calendar() {
    calendar.plan(new io.learnloop.dialog.learning.LearnerId("test:W1:gone"), Instant.EPOCH);

    daily.sendDue(Instant.parse("2026-12-04T02:30:00Z"));

    assertThat(calendar.due(Instant.parse("2030-01-01T00:00:00Z"), 10))
        .doesNotContain(new io.learnloop.dialog.learning.LearnerId("test:W1:gone"));
  }

  @Test
  void should_send_nothing_to_a_learner_who_paused_the_daily_quiz() {
    Learner paused = learner();
    fixture.learners.save(paused.withPreferences(paused.preferences().withPaused(true)));
    DailyQuiz.plan(calendar, paused, Instant.parse("2026-12-04T01:00:00Z"));
    fixture.gateway.clear();

    int sent = daily.sendDue(Instant.parse("2026-12-04T02:31:00Z"));

    assertThat(sent).isZero();
    assertThat(fixture.gateway.replies()).isEmpty();
    assertThat(calendar.due(Instant.parse("2026-12-07T02:30:00Z"), 10))
        .as("still planned, for when they resume")
        .contains(paused.id());
  }

  private Learner learner() {
    ChannelUser ana = AssistantFixture.user("ana-" + System.nanoTime());
    fixture.handle(ana, AssistantFixture.dm(ana), new Input.Typed("help"));
    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.timezone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    return learner;
  }
}
