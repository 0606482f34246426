package io.learnloop.app.learning;

import io.learnloop.app.DataSettings;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.integrations.journal.FileAnswerJournal;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisOpenQuestions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learner model's stores, in Redis. */
@Configuration(proxyBeanMethods = false)
class LearningConfiguration {

  @Bean
  Spacing spacing() {
    return Spacing.defaults();
  }

  @Bean
  AnswerLog answerLog(RedisConnector redis, Spacing spacing) {
    return new RedisAnswerLog(redis, spacing);
  }

  /** Answers kept during a Redis outage survive a restart in {@code LEARNLOOP_DATA_DIR/journal}. */
  @Bean(destroyMethod = "close")
  FileAnswerJournal answerJournal(DataSettings data) {
    return FileAnswerJournal.open(data.dataDir().resolve("journal"));
  }

  /** Closed before the journal it writes to: Spring destroys dependents first. */
  @Bean(destroyMethod = "close")
  AnswerRecorder answerRecorder(
      AnswerLog answers, FileAnswerJournal journal, AnswerSettings settings) {
    return new AnswerRecorder(answers, settings.retryEvery(), journal, settings.maxPending());
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
