package io.learnloop.integrations.redis;

import io.learnloop.dialog.learning.AdoptedModel;
import io.learnloop.dialog.learning.ResponseModels;
import io.learnloop.dialog.learning.ResponseModelsUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The adopted response model in one Redis hash, {@code learnloop:response-model}: {@code token},
 * {@code fitted_until} (ISO-8601: the shipped defaults' is {@link Instant#MIN}), {@code adopted_at}
 * (epoch ms), {@code reason} and {@code parameters}. Adopting is one Lua script that compares the
 * fencing token and writes every field, so that a reader never sees the fields of two models mixed
 * and a refit paused past its lease cannot replace a later one's.
 */
public final class RedisResponseModels implements ResponseModels {

  static final String KEY = "learnloop:response-model";

  private static final String ADOPT =
      "local held = redis.call('hget', KEYS[1], 'token') "
          + "if held and tonumber(held) >= tonumber(ARGV[1]) then return 0 end "
          + "redis.call('hset', KEYS[1], 'token', ARGV[1], 'adopted_at', ARGV[2], "
          + "'reason', ARGV[3], 'parameters', ARGV[4], 'fitted_until', ARGV[5]) "
          + "return 1";

  private final RedisConnector redis;

  public RedisResponseModels(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public Optional<AdoptedModel> adopted() {
    Map<String, String> fields = call("read the response model", () -> redis.sync().hgetall(KEY));
    if (fields == null || !fields.containsKey("token")) {
      return Optional.empty();
    }
    return Optional.of(
        new AdoptedModel(
            fields.get("parameters"),
            Long.parseLong(fields.get("token")),
            Instant.parse(fields.get("fitted_until")),
            Instant.ofEpochMilli(Long.parseLong(fields.get("adopted_at"))),
            fields.get("reason")));
  }

  @Override
  public OptionalLong adoptedToken() {
    String token = call("read the response model's token", () -> redis.sync().hget(KEY, "token"));
    return token == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(token));
  }

  @Override
  public boolean adopt(AdoptedModel adopted) {
    Long done =
        call(
            "adopt a response model",
            () ->
                redis
                    .sync()
                    .eval(
                        ADOPT,
                        ScriptOutputType.INTEGER,
                        new String[] {KEY},
                        Long.toString(adopted.token()),
                        Long.toString(adopted.adoptedAt().toEpochMilli()),
                        adopted.reason(),
                        adopted.parameters(),
                        adopted.fittedUntil().toString()));
    return done == 1;
  }

  private <T> T call(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new ResponseModelsUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
