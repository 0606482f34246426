package io.learnloop.app.redis;

import io.learnloop.app.DataSettings;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationHistory;
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
      return health.withDetail("url", connector.displayUrl()).withDetail("mode", mode).build();
    };
  }
}
