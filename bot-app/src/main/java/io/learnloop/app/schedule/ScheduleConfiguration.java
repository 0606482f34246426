package io.learnloop.app.schedule;

import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobRunner;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisJobClaims;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Scheduled jobs that run once across every instance sharing one Redis. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

  @Bean
  JobClaims jobClaims(RedisConnector redis) {
    return new RedisJobClaims(redis);
  }

  @Bean
  JobRunner jobRunner(JobClaims claims) {
    return new JobRunner(claims);
  }

  /**
   * Runs the jobs on its own named threads ({@code learnloop-scheduler-*}), so that a slow job
   * never holds up the web server's or Lettuce's. Not a bean of its own: an {@code Executor} bean
   * would make Spring Boot drop its {@code applicationTaskExecutor}.
   */
  @Bean(destroyMethod = "shutdown")
  ScheduledJobs scheduledJobs(
      JobRunner runner,
      ObjectProvider<ScheduledJob> jobs,
      ObjectProvider<ScheduledJobList> lists,
      MeterRegistry registry) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(2);
    scheduler.setThreadNamePrefix("learnloop-scheduler-");
    scheduler.setDaemon(true);
    scheduler.setWaitForTasksToCompleteOnShutdown(false);
    scheduler.initialize();
    List<ScheduledJob> all = new ArrayList<>(jobs.orderedStream().toList());
    lists.orderedStream().forEach(list -> all.addAll(list.jobs()));
    return new ScheduledJobs(scheduler, runner, all, registry, Clock.systemUTC());
  }
}
