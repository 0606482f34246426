package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Points;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops the real Redis in the middle of a run of answers and starts it again on the same port. */
class AnswerRecorderOutageTest {

  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

  @TempDir Path dataDir;

  @Test
  void should_count_every_answer_exactly_once_when_redis_goes_down_and_comes_back() {
    EmbeddedRedis server = EmbeddedRedis.start(dataDir);
    int port = server.port();
    LearnerId learner = new LearnerId("outage:ayu");
    List<RecordAnswer> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(answer(learner, i));
    }
    try (RedisConnector connector = new RedisConnector(server.url(), Duration.ofMillis(500));
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(connector, Spacing.defaults()), Duration.ofMillis(100))) {
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      answers.subList(0, 15).forEach(recorder::record);
      server.close();

      answers.subList(15, 30).forEach(recorder::record);
      assertThat(recorder.pending()).isEqualTo(15);

      server = EmbeddedRedis.start(dataDir, port);
      answers.subList(30, 40).forEach(recorder::record);
      // Clicked twice: the second copy must not count.
      answers.subList(10, 20).forEach(recorder::record);

      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.pending() == 0);
      assertThat(log.stats(learner).answers()).isEqualTo(40);
      assertThat(log.stats(learner).points()).isEqualTo(40L * Points.PER_CORRECT_ANSWER);
      assertThat(log.answers(learner))
          .extracting(AnswerEvent::id)
          .containsExactlyElementsOf(answers.stream().map(a -> a.answer().id()).toList());
    } finally {
      server.close();
    }
  }

  private static RecordAnswer answer(LearnerId learner, int i) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId("answer-" + i),
            learner,
            new ItemId("item-" + (i % 7)),
            0,
            true,
            Duration.ofSeconds(5),
            T0.plus(Duration.ofHours(i)),
            AnswerContext.DAILY),
        Set.of(new SkillId("leave-policy")),
        "finance",
        ZoneId.of("Asia/Jakarta"));
  }
}
