package io.learnloop.integrations.redis;

import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.ConversationReferencesUnavailableException;
import io.learnloop.dialog.learning.LearnerId;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each learner's direct conversations in one hash, {@code learnloop:refs:{<learner id>}}, with the
 * fields of each channel's reference prefixed by the channel: one key per learner, so it lives in
 * one cluster slot and forget-me deletes it whole.
 */
public final class RedisConversationReferences implements ConversationReferences {

  static final String KEY_PREFIX = "learnloop:refs:";
  private static final Logger log = Logger.getLogger(RedisConversationReferences.class.getName());

  private final RedisConnector redis;

  public RedisConversationReferences(RedisConnector redis) {
    this.redis = redis;
  }

  @Override
  public void remember(LearnerId learner, ConversationRef direct) {
    String c = direct.channel() + ".";
    Map<String, String> fields =
        Map.of(
            c + "workspace", direct.workspace(),
            c + "conversation", direct.conversation(),
            c + "visibility", direct.visibility().name(),
            c + "address", direct.address());
    // Sent on every interaction and read only when the core writes first (a daily quiz, a
    // nudge): not waited for. Later commands on the connection run after it, so a read sees it.
    run(
        "remember a conversation of " + learner,
        () ->
            redis
                .async()
                .hset(key(learner), fields)
                .whenComplete(
                    (written, failure) -> {
                      if (failure != null) {
                        log.log(
                            Level.WARNING,
                            "Could not remember a conversation of "
                                + learner
                                + " in "
                                + redis.displayUrl(),
                            failure);
                      }
                    }));
  }

  @Override
  public Optional<ConversationRef> direct(LearnerId learner, String channel) {
    String c = channel + ".";
    List<KeyValue<String, String>> values =
        run(
            "read a conversation of " + learner,
            () ->
                redis
                    .sync()
                    .hmget(
                        key(learner),
                        c + "workspace",
                        c + "conversation",
                        c + "visibility",
                        c + "address"));
    if (values.stream().anyMatch(v -> !v.hasValue())) {
      return Optional.empty();
    }
    return Optional.of(
        new ConversationRef(
            channel,
            values.get(0).getValue(),
            values.get(1).getValue(),
            Optional.empty(),
            ConversationRef.Visibility.valueOf(values.get(2).getValue()),
            values.get(3).getValue()));
  }

  @Override
  public void forget(LearnerId learner) {
    run("forget the conversations of " + learner, () -> redis.sync().del(key(learner)));
  }

  @Override
  public void forget(LearnerId learner, String channel) {
    String c = channel + ".";
    run(
        "forget a conversation of " + learner,
        () ->
            redis
                .sync()
                .hdel(
                    key(learner),
                    c + "workspace",
                    c + "conversation",
                    c + "visibility",
                    c + "address"));
  }

  static String key(LearnerId learner) {
    return KEY_PREFIX + "{" + learner.value() + "}";
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new ConversationReferencesUnavailableException(
          "Could not " + what + " in " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
