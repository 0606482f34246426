package io.learnloop.app.chat;

import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the core keeps each learner's direct conversations; seen deliveries are in {@code
 * RedisConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class ChannelStoresConfiguration {

  @Bean
  ConversationReferences conversationReferences(RedisConnector redis) {
    return new RedisConversationReferences(redis);
  }
}
