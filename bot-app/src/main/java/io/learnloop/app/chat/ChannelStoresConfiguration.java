package io.learnloop.app.chat;

import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.identity.LinkCodes;
import io.learnloop.dialog.quiz.Rounds;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationReferences;
import io.learnloop.integrations.redis.RedisEscalations;
import io.learnloop.integrations.redis.RedisLinkCodes;
import io.learnloop.integrations.redis.RedisQuizCalendar;
import io.learnloop.integrations.redis.RedisRounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the core keeps each learner's direct conversations, rounds, quiz plans, link codes and
 * questions passed to the experts; seen deliveries are in {@code RedisConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class ChannelStoresConfiguration {

  @Bean
  Rounds rounds(RedisConnector redis) {
    return new RedisRounds(redis);
  }

  @Bean
  QuizCalendar quizCalendar(RedisConnector redis) {
    return new RedisQuizCalendar(redis);
  }

  @Bean
  LinkCodes linkCodes(RedisConnector redis) {
    return new RedisLinkCodes(redis);
  }

  @Bean
  Escalations escalations(RedisConnector redis) {
    return new RedisEscalations(redis);
  }

  @Bean
  ConversationReferences conversationReferences(RedisConnector redis) {
    return new RedisConversationReferences(redis);
  }
}
