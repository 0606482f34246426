package io.learnloop.app.redis;

import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisUnavailableException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis LearnLoop talks to: the one at REDIS_URL, or an embedded one it starts and stops.
 * Closing it closes the connection before stopping the embedded server.
 */
final class ManagedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ManagedRedis.class);

  private final Optional<EmbeddedRedis> embedded;
  private final RedisConnector connector;

  private ManagedRedis(Optional<EmbeddedRedis> embedded, RedisConnector connector) {
    this.embedded = embedded;
    this.connector = connector;
  }

  static ManagedRedis start(RedisSettings settings, Path redisDataDir) {
    Optional<EmbeddedRedis> embedded =
        settings.embedded() ? Optional.of(EmbeddedRedis.start(redisDataDir)) : Optional.empty();
    String url = embedded.map(EmbeddedRedis::url).orElse(settings.url());
    RedisConnector connector;
    try {
      connector =
          new RedisConnector(
              url, settings.commandTimeout(), settings.cluster() && !settings.embedded());
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedRedis::close);
      throw e;
    }
    try {
      connector.sync().ping();
      log.info("Connected to Redis at {}", connector.displayUrl());
    } catch (RedisUnavailableException e) {
      log.error(
          "{}. LearnLoop keeps running; /actuator/health shows redis DOWN until it is reachable.",
          e.getMessage());
    }
    return new ManagedRedis(embedded, connector);
  }

  RedisConnector connector() {
    return connector;
  }

  boolean isEmbedded() {
    return embedded.isPresent();
  }

  /** How often the embedded redis-server died and was started again; 0 for REDIS_URL. */
  long restarts() {
    return embedded.map(EmbeddedRedis::restarts).orElse(0L);
  }

  /** The embedded redis-server process, if LearnLoop runs one. */
  Optional<ProcessHandle> embeddedProcess() {
    return embedded.map(EmbeddedRedis::process);
  }

  @Override
  public void close() {
    try {
      connector.close();
    } finally {
      embedded.ifPresent(EmbeddedRedis::close);
    }
  }
}
