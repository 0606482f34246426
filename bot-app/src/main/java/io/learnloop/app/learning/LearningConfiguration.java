package io.learnloop.app.learning;

import io.learnloop.app.DataSettings;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerLogUnavailableException;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearningRecords;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.integrations.journal.FileAnswerJournal;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisOpenQuestions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learner model's stores, in Redis. */
@Configuration(proxyBeanMethods = false)
class LearningConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LearningConfiguration.class);

  @Bean
  Spacing spacing() {
    return Spacing.defaults();
  }

  @Bean
  AnswerLog answerLog(RedisConnector redis, Spacing spacing) {
    RedisAnswerLog answers = new RedisAnswerLog(redis, spacing);
    try {
      long seeded = answers.seedTeamPointsFromLeaderboards();
      if (seeded > 0) {
        log.info("Seeded {} learners' points per team from the leaderboards", seeded);
      }
    } catch (AnswerLogUnavailableException e) {
      log.warn("Could not seed points per team from the leaderboards; trying at the next start");
    }
    return answers;
  }

  /** Answers kept during a Redis outage survive a restart in {@code LEARNLOOP_DATA_DIR/journal}. */
  @Bean(destroyMethod = "close")
  FileAnswerJournal answerJournal(DataSettings data) {
    return FileAnswerJournal.open(data.dataDir().resolve("journal"));
  }

  /** Closed before the journal it writes to: Spring destroys dependents first. */
  @Bean(destroyMethod = "close")
  AnswerRecorder answerRecorder(
      AnswerLog answers,
      FileAnswerJournal journal,
      AnswerSettings settings,
      LearningRecords records) {
    return new AnswerRecorder(
        answers, settings.retryEvery(), journal, settings.maxPending(), records);
  }

  @Bean
  MeterBinder answerMetrics(AnswerRecorder recorder) {
    return registry -> {
      FunctionCounter.builder("learnloop.answers.recorded", recorder, AnswerRecorder::recorded)
          .description("answers recorded for the first time by this instance")
          .register(registry);
      FunctionCounter.builder(
              "learnloop.answers.recovered", recorder, AnswerRecorder::recoveredAfterRestart)
          .description("answers Redis acknowledged, lost in a restart and got again")
          .register(registry);
      FunctionCounter.builder("learnloop.answers.refused", recorder, AnswerRecorder::refused)
          .description("answers neither recorded nor kept: the most allowed already waited")
          .register(registry);
      Gauge.builder("learnloop.answers.pending", recorder, AnswerRecorder::pending)
          .description("answers waiting for Redis")
          .register(registry);
      Gauge.builder("learnloop.answers.journaled", recorder, AnswerRecorder::journaled)
          .description("answers in the journal on disk, not yet in Redis")
          .register(registry);
    };
  }

  /** Up even while answers wait: the redis component says why they wait. */
  @Bean
  HealthIndicator answersHealthIndicator(AnswerRecorder recorder, FileAnswerJournal journal) {
    return () ->
        Health.up()
            .withDetail("pending", recorder.pending())
            .withDetail("journaled", recorder.journaled())
            .withDetail("refused", recorder.refused())
            .withDetail("damagedJournalLines", journal.damaged().size())
            .build();
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
