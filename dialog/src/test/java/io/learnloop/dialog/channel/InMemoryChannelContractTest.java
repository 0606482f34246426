package io.learnloop.dialog.channel;

import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.AssistantFixture;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learners;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The contract kit against the core alone, with a stand-in channel: the reference behaviour. */
class InMemoryChannelContractTest extends ChannelContract {

  private final AssistantFixture fixture = new AssistantFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Override
  protected ChannelUnderTest channel() {
    return new ChannelUnderTest() {
      @Override
      public ChannelUser user(String name) {
        return AssistantFixture.user(name);
      }

      @Override
      public ConversationRef directWith(ChannelUser user) {
        return AssistantFixture.dm(user);
      }

      @Override
      public void deliver(ChannelUser who, ConversationRef where, String deliveryId, Input what) {
        fixture.assistant.handle(
            new Interaction(
                deliveryId,
                who,
                where,
                Instant.now(),
                Optional.empty(),
                ProfileHints.none(),
                what));
      }

      @Override
      public RecordingChatGateway gateway() {
        return fixture.gateway;
      }

      @Override
      public Assistant assistant() {
        return fixture.assistant;
      }

      @Override
      public AnswerLog answers() {
        return fixture.answers;
      }

      @Override
      public Learners learners() {
        return fixture.learners;
      }

      @Override
      public Optional<ConversationRef> sharedConversation() {
        return Optional.of(ConversationRef.shared("test", "W1", "C-team"));
      }

      @Override
      public Optional<ConversationRef> expertConversation() {
        return Optional.of(ConversationRef.shared("test", "W1", AssistantFixture.EXPERTS));
      }

      @Override
      public String answerableQuestion() {
        return "How many leave days carry over?";
      }
    };
  }
}
