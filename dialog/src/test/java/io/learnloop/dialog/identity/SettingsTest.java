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
import java.time.LocalTime;
import java.util.List;
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
    Reply.Notice shown = settings();
    assertThat(shown.text()).contains("09:30").contains("Asia/Jakarta");

    Reply.Notice indonesian = press(shown, Settings.LANGUAGE, "id");
    Reply.Notice later = press(indonesian, Settings.TIME, "13:00");
    Reply.Notice paused = press(later, Settings.PAUSE, "on");

    Learner learner = fixture.learners.findByIdentity(ana.channel(), ana.identity()).orElseThrow();
    assertThat(learner.language()).isEqualTo(Language.INDONESIAN);
    assertThat(learner.preferences().languageChosen()).isTrue();
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(LocalTime.of(13, 0));
    assertThat(learner.preferences().paused()).isTrue();
    assertThat(indonesian.language())
        .as("the new language speaks at once")
        .isEqualTo(Language.INDONESIAN);
    assertThat(indonesian.text()).startsWith("Tersimpan.");
    assertThat(paused.actions())
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

    assertThat(typed).isInstanceOf(Reply.Notice.class);
    assertThat(((Reply.Notice) typed).actions()).extracting(Action::id).contains(Settings.PAUSE);
    assertThat(((Reply.Notice) slashed).actions()).extracting(Action::id).contains(Settings.TIME);
  }

  private Reply.Notice settings() {
    fixture.handle(ana, dm, new Input.CommandInvoked(Command.SETTINGS, ""));
    return (Reply.Notice) last();
  }

  private Reply.Notice press(Reply.Notice on, String id, String value) {
    Action button =
        on.actions().stream()
            .filter(a -> a.id().equals(id) && a.value().equals(value))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + id + "=" + value + " on " + on));
    fixture.handle(ana, dm, new Input.ActionInvoked(button.id(), button.value(), Optional.empty()));
    return (Reply.Notice) last();
  }

  private Reply last() {
    List<Reply> replies = fixture.gateway.replies();
    return replies.get(replies.size() - 1);
  }
}
