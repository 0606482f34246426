package io.learnloop.integrations;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One pace (a rate limiter) per key — a conversation, a channel — made on first use and dropped
 * once unused for {@link #IDLE}. An idle limiter has all its permits back, so the one made again
 * paces exactly as it would have; what is saved is a limiter kept for ever for every conversation
 * the bot ever wrote to (resilience4j's registry never lets one go).
 *
 * <p>Outside every adapter's package: plumbing the adapters share, not an adapter of its own.
 */
public final class Paces {

  /** Far longer than any refresh period a pace here uses. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  private final LoadingCache<String, RateLimiter> limiters;

  public Paces(RateLimiterConfig config) {
    this(config, Ticker.systemTicker());
  }

  Paces(RateLimiterConfig config, Ticker ticker) {
    Objects.requireNonNull(config, "config");
    this.limiters =
        Caffeine.newBuilder()
            .expireAfterAccess(IDLE)
            .ticker(ticker)
            .build(key -> RateLimiter.of(key, config));
  }

  /** The pace of {@code key}. */
  public RateLimiter of(String key) {
    return limiters.get(key);
  }

  /** How many paces are kept. */
  public long kept() {
    limiters.cleanUp();
    return limiters.estimatedSize();
  }
}
