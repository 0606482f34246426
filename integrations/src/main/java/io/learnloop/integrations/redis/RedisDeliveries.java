package io.learnloop.integrations.redis;

import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.DeliveriesUnavailableException;
import io.learnloop.dialog.channel.DeliveryKeys;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Deliveries seen by any instance sharing one Redis: one {@code SET learnloop:delivery:<key> 1 NX
 * PX <remember>} per claim, so that two instances receiving the same retry race on one atomic
 * command and only one wins.
 */
public final class RedisDeliveries implements Deliveries {

  static final String PREFIX = "learnloop:delivery:";

  private final RedisConnector redis;

  public RedisDeliveries(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public boolean claim(String deliveryKey, Duration remember) {
    return claimAhead(deliveryKey, remember).first();
  }

  @Override
  public Claim claimAhead(String deliveryKey, Duration remember) {
    DeliveryKeys.check(deliveryKey, remember);
    RedisFuture<String> reply;
    try {
      reply =
          redis
              .async()
              .set(PREFIX + deliveryKey, "1", SetArgs.Builder.nx().px(remember.toMillis()));
    } catch (RedisException | RedisUnavailableException e) {
      DeliveriesUnavailableException unavailable = unavailable(deliveryKey, e);
      return () -> {
        throw unavailable;
      };
    }
    return () -> {
      try {
        return "OK"
            .equals(
                LettuceFutures.awaitOrCancel(
                    reply, redis.timeout().toMillis(), TimeUnit.MILLISECONDS));
      } catch (RedisException e) {
        throw unavailable(deliveryKey, e);
      }
    };
  }

  private DeliveriesUnavailableException unavailable(String deliveryKey, RuntimeException e) {
    return new DeliveriesUnavailableException(
        "Could not claim delivery " + deliveryKey + " in Redis at " + redis.displayUrl(), e);
  }
}
