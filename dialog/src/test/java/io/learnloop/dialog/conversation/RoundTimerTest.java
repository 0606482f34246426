package io.learnloop.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.quiz.TeamRounds;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoundTimerTest {

  private final AssistantFixture fixture = new AssistantFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_reveal_a_round_in_place_of_its_card_once_its_time_box_has_ended() {
    ChannelUser ana = AssistantFixture.user("ana");
    ConversationRef team = ConversationRef.shared("test", "W1", "C-team");
    fixture.handle(ana, team, new Input.CommandInvoked(Command.ROUND, ""));
    Reply.QuizQuestion card = (Reply.QuizQuestion) fixture.gateway.replies().get(0);
    Instant now = Instant.now();

    int early = fixture.assistant.closeRoundsDue(now);
    int due = fixture.assistant.closeRoundsDue(now.plus(TeamRounds.TIME_BOX).plusSeconds(1));
    int again = fixture.assistant.closeRoundsDue(now.plus(TeamRounds.TIME_BOX).plusSeconds(61));

    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(again).as("revealed once").isZero();
    var reveal = fixture.gateway.recorded().get(1);
    assertThat(reveal.outgoing().reply()).isInstanceOf(Reply.RoundResult.class);
    assertThat(((Reply.RoundResult) reveal.outgoing().reply()).roundId()).isEqualTo(card.cardId());
    assertThat(reveal.outgoing().placement()).isInstanceOf(Placement.Replace.class);
    assertThat(reveal.where().conversation()).isEqualTo("C-team");
  }
}
