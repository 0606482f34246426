package io.learnloop.app.learning;

import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisOpenQuestions;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learner model's stores, in Redis. */
@Configuration(proxyBeanMethods = false)
class LearningConfiguration {

  /** How often answers kept during a Redis outage are retried. */
  static final Duration RETRY_EVERY = Duration.ofSeconds(5);

  @Bean
  Spacing spacing() {
    return Spacing.defaults();
  }

  @Bean
  AnswerLog answerLog(RedisConnector redis, Spacing spacing) {
    return new RedisAnswerLog(redis, spacing);
  }

  @Bean(destroyMethod = "close")
  AnswerRecorder answerRecorder(AnswerLog answers) {
    return new AnswerRecorder(answers, RETRY_EVERY);
  }

  @Bean
  Learners learners(RedisConnector redis) {
    return new RedisLearners(redis);
  }

  /** Quiz cards stay answerable across restarts, and on this instance while Redis is down. */
  @Bean
  OpenQuestions openQuestions(RedisConnector redis) {
    return new FallbackOpenQuestions(new RedisOpenQuestions(redis));
  }
}
