package io.learnloop.integrations.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.channel.Reply;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a person got privately in a channel ({@code /learn ask}), kept for a day so that they can
 * share them with the channel by a button whose value is an unguessable key. Kept in this instance
 * only: after a restart the button says the answer can no longer be shared.
 */
public final class PrivateAnswers {

  /** An answer one person got privately, and where they got it. */
  public record PrivateAnswer(ConversationRef where, ChannelUser asker, Reply.Answer answer) {}

  private final Cache<String, PrivateAnswer> kept =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(24)).build();

  /** Keeps an answer; returns the key its share button carries. */
  String keep(ConversationRef where, ChannelUser asker, Reply.Answer answer) {
    String key = RandomTokens.of(12);
    kept.put(key, new PrivateAnswer(where.withoutThread(), asker, answer));
    return key;
  }

  /** The answer behind a share button, once, and only for the person who got it. */
  public Optional<PrivateAnswer> take(String key, ChannelUser by) {
    PrivateAnswer answer = kept.getIfPresent(key);
    if (answer == null || !answer.asker().equals(by)) {
      return Optional.empty();
    }
    kept.invalidate(key);
    return Optional.of(answer);
  }
}
