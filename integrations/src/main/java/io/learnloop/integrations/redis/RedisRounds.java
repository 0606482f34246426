package io.learnloop.integrations.redis;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.quiz.OpenQuestionsUnavailableException;
import io.learnloop.dialog.quiz.Round;
import io.learnloop.dialog.quiz.Rounds;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Team rounds in Redis: the round in {@code learnloop:round:{<id>}} and its answers in {@code
 * learnloop:round:{<id>}:answers}, one hash slot per round, both kept a week.
 */
public final class RedisRounds implements Rounds {

  static final String PREFIX = "learnloop:round:";

  /** Open rounds by the epoch millisecond their time box ends. */
  static final String CLOSING = "learnloop:rounds-closing";

  static final Duration KEPT_FOR = Duration.ofDays(7);

  // The learner's first choice wins; the hash expires with its round.
  private static final String ANSWER =
      "redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2]) "
          + "redis.call('pexpire', KEYS[1], ARGV[3]) "
          + "return redis.call('hget', KEYS[1], ARGV[1])";

  private static final String SET_IF_EXISTS =
      "if redis.call('exists', KEYS[1]) == 1 then return redis.call('hset', KEYS[1], ARGV[1],"
          + " ARGV[2]) end return 0";

  private final RedisConnector redis;

  public RedisRounds(RedisConnector redis) {
    this.redis = redis;
  }

  @Override
  public void opened(Round round) {
    Map<String, String> fields = new HashMap<>();
    fields.put("conversation", round.conversation());
    fields.put("item", round.item().value());
    fields.put("language", round.language().code());
    fields.put("closes-at", Long.toString(round.closesAt().toEpochMilli()));
    round.messageId().ifPresent(m -> fields.put("message", m));
    run(
        "open round " + round.id(),
        () -> {
          redis.sync().hset(key(round.id()), fields);
          redis.sync().zadd(CLOSING, (double) round.closesAt().toEpochMilli(), round.id());
          return redis.sync().pexpire(key(round.id()), KEPT_FOR.toMillis());
        });
  }

  @Override
  public void posted(String roundId, String messageId) {
    run(
        "remember the message of round " + roundId,
        () ->
            redis
                .sync()
                .eval(
                    SET_IF_EXISTS,
                    ScriptOutputType.INTEGER,
                    new String[] {key(roundId)},
                    "message",
                    messageId));
  }

  @Override
  public Optional<Round> find(String roundId) {
    Map<String, String> f = run("read round " + roundId, () -> redis.sync().hgetall(key(roundId)));
    if (f == null || !f.containsKey("item")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Round(
              roundId,
              f.get("conversation"),
              new ItemId(f.get("item")),
              Language.fromCode(f.get("language")),
              Instant.ofEpochMilli(Long.parseLong(f.get("closes-at"))),
              Optional.ofNullable(f.get("message"))));
    } catch (RuntimeException e) {
      throw new OpenQuestionsUnavailableException("Round " + roundId + " is unreadable: " + e, e);
    }
  }

  @Override
  public int answered(String roundId, LearnerId learner, int choice) {
    Object counted =
        run(
            "record a round answer",
            () ->
                redis
                    .sync()
                    .eval(
                        ANSWER,
                        ScriptOutputType.VALUE,
                        new String[] {key(roundId) + ":answers"},
                        learner.value(),
                        Integer.toString(choice),
                        Long.toString(KEPT_FOR.toMillis())));
    return Integer.parseInt(String.valueOf(counted));
  }

  @Override
  public Map<LearnerId, Integer> answers(String roundId) {
    Map<String, String> raw =
        run("read round answers", () -> redis.sync().hgetall(key(roundId) + ":answers"));
    Map<LearnerId, Integer> answers = new HashMap<>();
    raw.forEach((learner, choice) -> answers.put(new LearnerId(learner), Integer.parseInt(choice)));
    return answers;
  }

  @Override
  public boolean close(String roundId) {
    return run(
        "close round " + roundId,
        () -> {
          redis.sync().zrem(CLOSING, roundId);
          return redis.sync().hsetnx(key(roundId), "closed", "1");
        });
  }

  @Override
  public List<String> closingBy(Instant now, int limit) {
    return run(
        "find rounds to close",
        () ->
            redis
                .sync()
                .zrangebyscore(
                    CLOSING,
                    Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()),
                    Limit.create(0, limit)));
  }

  @Override
  public boolean closed(String roundId) {
    return run("read round " + roundId, () -> redis.sync().hexists(key(roundId), "closed"));
  }

  static String key(String roundId) {
    return PREFIX + "{" + roundId + "}";
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new OpenQuestionsUnavailableException(
          "Could not " + what + " in " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
