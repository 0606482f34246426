package io.learnloop.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationHistory} must do. Extend it once per implementation and return a
 * fresh, working store from {@link #history()}.
 */
public abstract class ConversationHistoryContract {

  private static final Instant T0 = Instant.parse("2026-11-02T08:30:00.123Z");

  protected abstract ConversationHistory history();

  protected static ConversationId newConversation() {
    return new ConversationId("test:" + UUID.randomUUID());
  }

  @Test
  void should_return_turns_oldest_first_with_their_fields() {
    ConversationHistory history = history();
    ConversationId id = newConversation();
    history.append(id, new ChatTurn(Speaker.LEARNER, "Berapa hari cuti saya? 🌴", T0));
    history.append(id, new ChatTurn(Speaker.BOT, "15 hari kerja [1]", T0.plusSeconds(1)));

    assertThat(history.latest(id, 10))
        .containsExactly(
            new ChatTurn(Speaker.LEARNER, "Berapa hari cuti saya? 🌴", T0),
            new ChatTurn(Speaker.BOT, "15 hari kerja [1]", T0.plusSeconds(1)));
  }

  @Test
  void should_return_only_the_latest_turns_when_limited() {
    ConversationHistory history = history();
    ConversationId id = newConversation();
    IntStream.range(0, 5).forEach(i -> history.append(id, turn(i)));

    assertThat(history.latest(id, 2))
        .extracting(ChatTurn::text)
        .containsExactly("message 3", "message 4");
  }

  @Test
  void should_keep_conversations_apart() {
    ConversationHistory history = history();
    ConversationId first = newConversation();
    ConversationId second = newConversation();
    history.append(first, turn(1));

    assertThat(history.latest(second, 10)).isEmpty();
    assertThat(history.latest(first, 10)).hasSize(1);
  }

  @Test
  void should_retain_at_least_the_promised_number_of_turns() {
    ConversationHistory history = history();
    ConversationId id = newConversation();
    int total = ConversationHistory.RETAINED_TURNS + 50;
    IntStream.range(0, total).forEach(i -> history.append(id, turn(i)));

    List<ChatTurn> kept = history.latest(id, ConversationHistory.RETAINED_TURNS);
    assertThat(kept).hasSize(ConversationHistory.RETAINED_TURNS);
    assertThat(kept.get(kept.size() - 1).text()).isEqualTo("message " + (total - 1));
  }

  @Test
  void should_refuse_a_limit_that_is_not_positive() {
    assertThatThrownBy(() -> history().latest(newConversation(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ChatTurn turn(int i) {
    return new ChatTurn(Speaker.LEARNER, "message " + i, T0.plusMillis(i));
  }
}
