package io.learnloop.dialog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.AssistantFixture;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.schedule.DailyQuizTimes;
import io.learnloop.dialog.schedule.Workdays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private final AssistantFixture fixture = new AssistantFixture();
  private final ChannelUser ana = AssistantFixture.user("ana-settings");
  private final ConversationRef dm = AssistantFixture.dm(ana);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_change_language_quiz_time_and_pause_with_buttons_and_keep_them() {
    Reply.SettingsForm shown = settings();
    assertThat(shown.summary()).contains("09:30").contains("Asia/Jakarta").contains("workdays");

    Reply.SettingsForm indonesian = press(shown, Settings.LANGUAGE, "id");
    Reply.SettingsForm later = press(indonesian, Settings.TIME, "13:00");
    Reply.SettingsForm paused = press(later, Settings.PAUSE, "on");

    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.language()).isEqualTo(Language.INDONESIAN);
    assertThat(learner.preferences().languageChosen()).isTrue();
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(LocalTime.of(13, 0));
    assertThat(learner.preferences().paused()).isTrue();
    assertThat(indonesian.language())
        .as("the new language speaks at once")
        .isEqualTo(Language.INDONESIAN);
    assertThat(indonesian.summary()).startsWith("Tersimpan.");
    assertThat(paused.paused()).isTrue();
    assertThat(paused.quickChanges())
        .extracting(Action::id, Action::value)
        .contains(Tuple.tuple(Settings.PAUSE, "off"));
  }

  @Test
  void should_refuse_a_value_no_button_carries_and_change_nothing() {
    settings();

    fixture.handle(ana, dm, new Input.ActionInvoked(Settings.TIME, "25:99", Optional.empty()));

    Reply refused = last();
    assertThat(refused).isInstanceOf(Reply.Notice.class);
    assertThat(((Reply.Notice) refused).kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(LocalTime.of(9, 30));
  }

  @Test
  void should_take_the_command_typed_as_a_message_in_either_language() {
    fixture.handle(ana, dm, new Input.Typed("pengaturan"));
    Reply typed = last();
    fixture.handle(ana, dm, new Input.Typed("/settings"));
    Reply slashed = last();

    assertThat(typed).isInstanceOf(Reply.SettingsForm.class);
    assertThat(((Reply.SettingsForm) typed).quickChanges())
        .extracting(Action::id)
        .contains(Settings.PAUSE);
    assertThat(((Reply.SettingsForm) slashed).quickChanges())
        .extracting(Action::id)
        .contains(Settings.TIME);
  }

  @Test
  void should_save_a_submitted_form_and_plan_the_quiz_on_the_chosen_days_only() {
    settings();

    fixture.handle(
        ana,
        dm,
        new Input.FormSubmitted(
            Input.FormSubmitted.SETTINGS,
            Map.of(Reply.SettingsForm.TIME, "07:15", Reply.SettingsForm.DAYS, "tuesday, THURSDAY"),
            Optional.empty()));

    Reply.SettingsForm saved = (Reply.SettingsForm) last();
    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.preferences().quizDays())
        .containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(LocalTime.of(7, 15));
    assertThat(learner.preferences().paused())
        .as("a field the form lacks keeps its value")
        .isFalse();
    assertThat(saved.summary()).startsWith("Saved.").contains("Tue, Thu");
    // Wednesday 2026-12-02 in Jakarta: the next quiz is Thursday's, not Wednesday's.
    assertThat(
            DailyQuizTimes.next(
                learner, Instant.parse("2026-12-02T00:00:00Z"), Workdays.weekendsOnly()))
        .isEqualTo(Instant.parse("2026-12-03T00:15:00Z"));
  }

  @Test
  void should_refuse_a_form_with_no_day_or_an_unknown_one_and_change_nothing() {
    settings();

    for (String days : List.of("", "FUNDAY", " , ")) {
      fixture.handle(
          ana,
          dm,
          new Input.FormSubmitted(
              Input.FormSubmitted.SETTINGS,
              Map.of(Reply.SettingsForm.DAYS, days, Reply.SettingsForm.TIME, "06:00"),
              Optional.empty()));
      assertThat(last()).isInstanceOf(Reply.Notice.class);
      assertThat(((Reply.Notice) last()).text()).contains("at least one day");
    }
    fixture.handle(ana, dm, new Input.FormSubmitted("not-a-form", Map.of(), Optional.empty()));
    assertThat(((Reply.Notice) last()).kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.preferences().quizDays()).isEqualTo(Learner.Preferences.WEEKDAYS);
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(LocalTime.of(9, 30));
  }

  @Test
  void should_let_the_learner_choose_a_next_role_with_buttons_and_clear_it_again() {
    Reply.SettingsForm shown = settings();
    assertThat(shown.nextRole()).isEqualTo(Settings.NO_NEXT_ROLE);
    assertThat(shown.nextRoles())
        .as("every role but the learner's own, after 'none'")
        .extracting(Reply.SettingsForm.Choice::value)
        .containsExactly(Settings.NO_NEXT_ROLE, "risk");

    fixture.handle(ana, dm, new Input.ActionInvoked(Settings.NEXT_ROLE, "", Optional.empty()));
    Reply.Notice choices = (Reply.Notice) last();
    assertThat(choices.actions())
        .extracting(Action::id, Action::value, Action::label)
        .containsExactly(Tuple.tuple(Settings.NEXT_ROLE, "risk", "Risk analyst"));

    fixture.handle(ana, dm, new Input.ActionInvoked(Settings.NEXT_ROLE, "risk", Optional.empty()));
    Reply.SettingsForm chosen = (Reply.SettingsForm) last();
    assertThat(chosen.summary()).contains("next role: Risk analyst");
    assertThat(chosen.nextRole()).isEqualTo("risk");
    assertThat(learner().preferences().nextRole()).contains(AssistantFixture.RISK);

    fixture.handle(
        ana,
        dm,
        new Input.ActionInvoked(Settings.NEXT_ROLE, Settings.NO_NEXT_ROLE, Optional.empty()));
    assertThat(learner().preferences().nextRole()).isEmpty();
    assertThat(((Reply.SettingsForm) last()).summary()).doesNotContain("next role");
  }

  @Test
  void should_save_a_next_role_from_the_form_and_refuse_one_that_is_not_on_offer() {
    settings();

    submit(Map.of(Reply.SettingsForm.NEXT_ROLE, "risk"));
    assertThat(learner().preferences().nextRole()).contains(AssistantFixture.RISK);

    for (String refused : List.of("analyst", "astronaut", "NOT A ROLE")) {
      submit(Map.of(Reply.SettingsForm.NEXT_ROLE, refused, Reply.SettingsForm.TIME, "06:00"));
      assertThat(last()).isInstanceOf(Reply.Notice.class);
      assertThat(((Reply.Notice) last()).text()).contains("one of the listed roles");
    }
    fixture.handle(
        ana, dm, new Input.ActionInvoked(Settings.NEXT_ROLE, "astronaut", Optional.empty()));
    assertThat(((Reply.Notice) last()).kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(learner().preferences().nextRole())
        .as("nothing refused changed anything")
        .contains(AssistantFixture.RISK);
    assertThat(learner().preferences().dailyQuizAt()).isEqualTo(LocalTime.of(9, 30));

    submit(Map.of(Reply.SettingsForm.NEXT_ROLE, Settings.NO_NEXT_ROLE));
    assertThat(learner().preferences().nextRole()).isEmpty();
  }

  private void submit(Map<String, String> values) {
    fixture.handle(
        ana, dm, new Input.FormSubmitted(Input.FormSubmitted.SETTINGS, values, Optional.empty()));
  }

  private Learner learner() {
    return fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
  }

  private Reply.SettingsForm settings() {
    fixture.handle(ana, dm, new Input.CommandInvoked(Command.SETTINGS, ""));
    return (Reply.SettingsForm) last();
  }

  private Reply.SettingsForm press(Reply.SettingsForm on, String id, String value) {
    Action button =
        on.quickChanges().stream()
            .filter(a -> a.id().equals(id) && a.value().equals(value))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + id + "=" + value + " on " + on));
    fixture.handle(ana, dm, new Input.ActionInvoked(button.id(), button.value(), Optional.empty()));
    return (Reply.SettingsForm) last();
  }

  private Reply last() {
    List<Reply> replies = fixture.gateway.replies();
    return replies.get(replies.size() - 1);
  }
}
