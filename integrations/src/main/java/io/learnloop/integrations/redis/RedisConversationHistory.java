package io.learnloop.integrations.redis;

import io.learnloop.dialog.conversation.ChatTurn;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.ConversationId;
import io.learnloop.dialog.conversation.HistoryUnavailableException;
import io.learnloop.dialog.conversation.Speaker;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps each conversation as a Redis stream {@code learnloop:chat:<conversation id>}, trimmed to
 * about {@link #RETAINED_TURNS} entries. Streams give each turn a server-side id and time order.
 */
public final class RedisConversationHistory implements ConversationHistory {

  static final String KEY_PREFIX = "learnloop:chat:";

  private final RedisConnector redis;

  public RedisConversationHistory(RedisConnector redis) {
    this.redis = redis;
  }

  @Override
  public void append(ConversationId conversation, ChatTurn turn) {
    Map<String, String> fields =
        Map.of(
            "speaker", turn.speaker().name(),
            "text", turn.text(),
            "at", Long.toString(turn.at().toEpochMilli()));
    try {
      redis
          .sync()
          .xadd(
              key(conversation),
              new XAddArgs().maxlen(RETAINED_TURNS).approximateTrimming(),
              fields);
    } catch (RedisException | RedisUnavailableException e) {
      throw new HistoryUnavailableException(
          "Could not save a turn of " + conversation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<ChatTurn> latest(ConversationId conversation, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive but was " + limit);
    }
    List<StreamMessage<String, String>> newestFirst;
    try {
      newestFirst =
          redis.sync().xrevrange(key(conversation), Range.create("-", "+"), Limit.from(limit));
    } catch (RedisException | RedisUnavailableException e) {
      throw new HistoryUnavailableException(
          "Could not read the history of " + conversation + ": " + e.getMessage(), e);
    }
    List<ChatTurn> turns = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Map<String, String> body = newestFirst.get(i).getBody();
      turns.add(
          new ChatTurn(
              Speaker.valueOf(body.get("speaker")),
              body.get("text"),
              Instant.ofEpochMilli(Long.parseLong(body.get("at")))));
    }
    return turns;
  }

  private static String key(ConversationId conversation) {
    return KEY_PREFIX + conversation.value();
  }
}
