package io.learnloop.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.support.CronExpression;

/** Two application contexts on one Redis, as two LearnLoop instances: each slot runs once. */
class ScheduledJobsTest {

  @TempDir Path redisDir;

  private final Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();

  @Test
  void should_run_a_job_scheduled_on_two_instances_once_per_slot() {
    try (EmbeddedRedis redis = EmbeddedRedis.start(redisDir);
        AnnotationConfigApplicationContext first = instance(redis);
        AnnotationConfigApplicationContext second = instance(redis)) {

      await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() >= 4);
      first.stop();
      second.stop();

      assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
      assertThat(runs.keySet()).allSatisfy(slot -> assertThat(slot.getNano()).isZero());
      assertThat(count(first, "ran") + count(second, "ran")).isEqualTo(runs.size());
      assertThat(count(first, "taken") + count(second, "taken"))
          .as("the other instance found each slot taken")
          .isGreaterThanOrEqualTo(runs.size() - 1);
    }
  }

  private AnnotationConfigApplicationContext instance(EmbeddedRedis redis) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(
        RedisConnector.class, () -> new RedisConnector(redis.url(), Duration.ofSeconds(2)));
    context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
    context.registerBean(
        ScheduledJob.class,
        () ->
            new ScheduledJob(
                "every-second",
                CronExpression.parse("* * * * * *"),
                ZoneOffset.UTC,
                Duration.ofSeconds(30),
                claim ->
                    runs.computeIfAbsent(claim.scheduledFor(), slot -> new AtomicInteger())
                        .incrementAndGet()));
    context.register(ScheduleConfiguration.class);
    context.refresh();
    return context;
  }

  private static double count(AnnotationConfigApplicationContext context, String outcome) {
    var counter =
        context
            .getBean(MeterRegistry.class)
            .find("learnloop.jobs.runs")
            .tags("job", "every-second", "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
