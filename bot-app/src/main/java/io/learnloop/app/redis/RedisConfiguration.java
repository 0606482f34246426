package io.learnloop.app.redis;

import io.learnloop.app.DataSettings;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationHistory;
import io.learnloop.integrations.redis.RedisDeliveries;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean(destroyMethod = "close")
  ManagedRedis managedRedis(RedisSettings settings, DataSettings data) {
    return ManagedRedis.start(settings, data.dataDir().resolve("redis"));
  }

  /** Closed by {@link ManagedRedis}, not by Spring's inferred close(). */
  @Bean(destroyMethod = "")
  RedisConnector redisConnector(ManagedRedis redis) {
    return redis.connector();
  }

  @Bean
  ConversationHistory conversationHistory(RedisConnector redis) {
    return new RedisConversationHistory(redis);
  }

  /** Named so that the health component is called {@code redis}. */
  @Bean
  HealthIndicator redisHealthIndicator(ManagedRedis redis) {
    String mode = redis.isEmbedded() ? "embedded" : "REDIS_URL";
    RedisConnector connector = redis.connector();
    return () -> {
      Health.Builder health;
      try {
        health = Health.up().withDetail("ping", connector.sync().ping());
      } catch (RuntimeException e) {
        health = Health.down().withDetail("error", e.getMessage());
      }
      return health
          .withDetail("url", connector.displayUrl())
          .withDetail("mode", mode)
          .withDetail("restarts", redis.restarts())
          .build();
    };
  }

  @Bean
  MeterBinder redisMetrics(ManagedRedis redis) {
    return registry ->
        FunctionCounter.builder("learnloop.redis.restarts", redis, ManagedRedis::restarts)
            .description("times the embedded redis-server died and was started again")
            .register(registry);
  }

  /**
   * Shared by every instance on one Redis. Counts the deliveries it refuses as seen before ({@code
   * learnloop.deliveries.deduplicated}).
   */
  @Bean
  Deliveries deliveries(RedisConnector redis, MeterRegistry registry) {
    return new CountingDeliveries(new RedisDeliveries(redis), registry);
  }
}
