package io.learnloop.app.learning;

import io.learnloop.app.content.LearningContent;
import io.learnloop.app.schedule.ScheduledJob;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.RefitResponseModel;
import io.learnloop.dialog.learning.ResponseModels;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisResponseModels;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/**
 * The response model the bot runs: the shipped defaults until the nightly refit adopts one fitted
 * to the organisation's own answers, kept in Redis so that every instance and a restart use it.
 */
@Configuration(proxyBeanMethods = false)
class ResponseModelConfiguration {

  static final String REFIT_JOB = "response-model-refit";

  private static final Logger log = LoggerFactory.getLogger(ResponseModelConfiguration.class);

  @Bean
  ResponseModels responseModels(RedisConnector redis) {
    return new RedisResponseModels(redis);
  }

  @Bean
  CurrentResponseModel currentResponseModel(
      ResponseModels models, RefitSettings settings, Clock clock) {
    return new CurrentResponseModel(
        models, ResponseModelFile.shipped(), settings.checkEvery(), clock);
  }

  /** Once per cluster: the job claim's fencing token goes with the model it adopts. */
  @Bean
  ScheduledJob responseModelRefit(
      RefitSettings settings,
      LearningContent content,
      AnswerLog answers,
      ResponseModels models,
      CurrentResponseModel current,
      Clock clock) {
    var refit =
        content.catalog().map(c -> new RefitResponseModel(answers, c, models, current, clock));
    return new ScheduledJob(
        REFIT_JOB,
        CronExpression.parse(settings.cron()),
        settings.zone(),
        settings.lease(),
        claim -> {
          if (refit.isEmpty()) {
            log.warn("No response model refit: no quiz content is loaded");
            return;
          }
          refit.get().run(claim.token());
        });
  }
}
