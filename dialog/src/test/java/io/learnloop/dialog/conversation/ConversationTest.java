package io.learnloop.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-02T08:30:00Z"), ZoneOffset.UTC);
  private static final ConversationId WEB = new ConversationId("web:alice");

  private final InMemoryConversationHistory history = new InMemoryConversationHistory();

  @Test
  void should_say_answering_is_not_ready_in_the_questions_language() {
    Conversation conversation = new Conversation(history, KnowledgeBase.notReady(), CLOCK);

    BotReply reply =
        conversation.reply(new IncomingMessage(WEB, "alice", "Berapa hari cuti saya?"));

    assertThat(reply.language()).isEqualTo(Language.INDONESIAN);
    assertThat(reply.text()).isEqualTo(Messages.get(Language.INDONESIAN, "answering.not-ready"));
    assertThat(reply.historySaved()).isTrue();
  }

  @Test
  void should_pass_questions_to_the_knowledge_base_with_the_asker() {
    Citation leave =
        new Citation("handbook/annual-leave.md", "Annual leave", "How many days", "", 0.9);
    KnowledgeBase knowledge =
        (question, asker, language) ->
            Optional.of(
                new KnowledgeAnswer(
                    asker + " asked '" + question + "' [1]", false, List.of(leave)));
    Conversation conversation = new Conversation(history, knowledge, CLOCK);

    BotReply reply =
        conversation.reply(new IncomingMessage(WEB, "alice", "  How many leave days?  "));

    assertThat(reply.text()).isEqualTo("alice asked 'How many leave days?' [1]");
    assertThat(reply.citations()).containsExactly(leave);
  }

  @Test
  void should_record_both_sides_of_the_exchange() {
    Conversation conversation = new Conversation(history, KnowledgeBase.notReady(), CLOCK);

    conversation.reply(new IncomingMessage(WEB, "alice", "help"));

    assertThat(conversation.history(WEB, 10))
        .containsExactly(
            new ChatTurn(Speaker.LEARNER, "help", CLOCK.instant()),
            new ChatTurn(
                Speaker.BOT, Messages.get(Language.ENGLISH, "help.text"), CLOCK.instant()));
  }

  @Test
  void should_answer_help_in_indonesian_when_asked_for_bantuan() {
    Conversation conversation = new Conversation(history, KnowledgeBase.notReady(), CLOCK);

    BotReply reply = conversation.reply(new IncomingMessage(WEB, "budi", "bantuan"));

    assertThat(reply.text()).isEqualTo(Messages.get(Language.INDONESIAN, "help.text"));
  }

  @Test
  void should_still_reply_when_the_history_is_down() {
    ConversationHistory down =
        new ConversationHistory() {
          @Override
          public void append(ConversationId conversation, ChatTurn turn) {
            throw new HistoryUnavailableException("Redis is down", null);
          }

          @Override
          public List<ChatTurn> latest(ConversationId conversation, int limit) {
            throw new HistoryUnavailableException("Redis is down", null);
          }
        };
    Conversation conversation = new Conversation(down, KnowledgeBase.notReady(), CLOCK);

    BotReply reply = conversation.reply(new IncomingMessage(WEB, "alice", "help"));

    assertThat(reply.text()).isEqualTo(Messages.get(Language.ENGLISH, "help.text"));
    assertThat(reply.historySaved()).isFalse();
  }

  @Test
  void should_refuse_empty_and_overlong_messages_with_an_explanation() {
    assertThatThrownBy(() -> new IncomingMessage(WEB, "alice", "   "))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.explanation(Language.ENGLISH)).isEqualTo("Please type a message."));
    String overlong = "a".repeat(IncomingMessage.MAX_LENGTH + 1);
    assertThatThrownBy(() -> new IncomingMessage(WEB, "alice", overlong))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.explanation(Language.INDONESIAN)).contains("2001").contains("2000"));
  }

  @Test
  void should_refuse_conversation_ids_with_unsafe_characters() {
    assertThatThrownBy(() -> new ConversationId("web:alice\nDEL *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits");
  }
}
