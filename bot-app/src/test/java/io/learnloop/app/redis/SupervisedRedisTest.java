package io.learnloop.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * kill -9 of the embedded redis-server under the running bot: it comes back, nothing counts twice.
 */
// Spring Boot tests export no metrics unless asked to.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisedRedisTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    registry.add("learnloop.answers.retry-every", () -> "100ms");
  }

  @Autowired TestRestTemplate http;
  @Autowired ManagedRedis redis;
  @Autowired AnswerRecorder recorder;
  @Autowired AnswerLog answers;
  @Autowired Deliveries deliveries;

  @Test
  void should_restart_a_killed_redis_and_count_each_answer_once() {
    LearnerId learner = new LearnerId("web:" + UUID.randomUUID());
    recorder.record(answer(learner, "first"));
    ProcessHandle killed = redis.embeddedProcess().orElseThrow();

    assertThat(killed.destroyForcibly()).isTrue();
    recorder.record(answer(learner, "second"));
    recorder.record(answer(learner, "first"));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "UP".equals(health().at("/components/redis/status").asText()));
    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.pending() == 0);
    assertThat(answers.stats(learner).answers()).isEqualTo(2);
    assertThat(redis.embeddedProcess().orElseThrow().pid()).isNotEqualTo(killed.pid());
    assertThat(health().at("/components/redis/details/restarts").asLong()).isEqualTo(1);
    assertThat(health().at("/components/answers/details/journaled").asInt()).isZero();
    assertThat(http.getForObject("/actuator/prometheus", String.class))
        .contains("learnloop_redis_restarts_total 1.0");
  }

  @Test
  void should_show_answers_and_deliveries_in_the_prometheus_metrics() {
    String key = "web:" + UUID.randomUUID();
    assertThat(deliveries.claim(key, Duration.ofMinutes(1))).isTrue();
    assertThat(deliveries.claim(key, Duration.ofMinutes(1))).isFalse();

    String metrics = http.getForObject("/actuator/prometheus", String.class);

    assertThat(metrics)
        .contains("learnloop_answers_recorded_total")
        .contains("learnloop_answers_pending ")
        .contains("learnloop_answers_journaled ")
        .contains("learnloop_answers_refused_total")
        .containsPattern("learnloop_deliveries_deduplicated_total [1-9]");
    assertThat(health().at("/components/answers/status").asText()).isEqualTo("UP");
    assertThat(health().at("/components/answers/details/pending").isInt()).isTrue();
  }

  private JsonNode health() {
    return http.getForEntity("/actuator/health", JsonNode.class).getBody();
  }

  private static RecordAnswer answer(LearnerId learner, String id) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(learner.value() + ":" + id),
            learner,
            new ItemId("leave-carry-over-limit"),
            0,
            true,
            Duration.ofSeconds(4),
            Instant.now(),
            AnswerContext.DAILY),
        Set.of(new SkillId("leave-policy")),
        "",
        ZoneId.of("Asia/Jakarta"));
  }
}
