package io.learnloop.app.chat;

import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationReferences;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the core keeps what channels need across messages: seen deliveries, conversations. */
@Configuration(proxyBeanMethods = false)
class ChannelStoresConfiguration {

  @Bean
  Deliveries deliveries(Clock clock) {
    return new InMemoryDeliveries(clock);
  }

  @Bean
  ConversationReferences conversationReferences(RedisConnector redis) {
    return new RedisConversationReferences(redis);
  }
}
