package io.learnloop.integrations.redis;

import io.learnloop.dialog.identity.LinkCodes;
import io.learnloop.dialog.identity.LinkCodesUnavailableException;
import io.learnloop.dialog.identity.LinkRequest;
import io.learnloop.dialog.learning.LearnerId;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Link codes shared by every instance: {@code learnloop:link-code:<code>} holds {@code <channel>
 * <learner id>}, written with {@code SET NX PX} and taken with {@code GETDEL} (Redis 6.2), so that
 * of two instances redeeming one code only one gets it. One key per code: any cluster slot will do.
 */
public final class RedisLinkCodes implements LinkCodes {

  static final String PREFIX = "learnloop:link-code:";

  private final RedisConnector redis;

  public RedisLinkCodes(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public boolean issue(String code, LinkRequest request, Duration valid) {
    LinkCodes.check(code, valid);
    String value = request.channel() + " " + request.learner().value();
    String reply =
        run(
            "issue a link code",
            () ->
                redis.sync().set(PREFIX + code, value, SetArgs.Builder.nx().px(valid.toMillis())));
    return "OK".equals(reply);
  }

  @Override
  public Optional<LinkRequest> redeem(String code) {
    if (!LinkCodes.wellFormed(code)) {
      return Optional.empty();
    }
    String value = run("redeem a link code", () -> redis.sync().getdel(PREFIX + code));
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split(" ", 2);
    return Optional.of(new LinkRequest(new LearnerId(parts[1]), parts[0]));
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new LinkCodesUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
