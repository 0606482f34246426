package io.learnloop.integrations.redis;

import static io.learnloop.dialog.learning.AnswerJournalContract.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.integrations.journal.FileAnswerJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the embedded redis-server while answers are being recorded, and LearnLoop stopping
 * while Redis is away: every answer ends up counted exactly once.
 */
class RedisKilledTest {

  @TempDir Path redisDir;
  @TempDir Path journalDir;

  @Test
  void should_count_every_answer_once_when_redis_is_killed_in_the_middle_of_answering()
      throws Exception {
    LearnerId learner = new LearnerId("killed");
    List<RecordAnswer> answers =
        IntStream.range(0, 300).mapToObj(i -> answer(learner.value(), i)).toList();
    try (EmbeddedRedis redis = EmbeddedRedis.start(redisDir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofMillis(500));
        FileAnswerJournal journal = FileAnswerJournal.open(journalDir);
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(connector, Spacing.defaults()),
                Duration.ofMillis(100),
                journal,
                1_000)) {
      CountDownLatch halfway = new CountDownLatch(1);
      CompletableFuture<Void> answering =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < answers.size(); i++) {
                  if (i == 100) {
                    halfway.countDown();
                  }
                  recorder.record(answers.get(i));
                }
              });
      halfway.await();
      redis.process().destroyForcibly();
      answering.get();
      // A double click after the restart.
      answers.subList(0, 50).forEach(recorder::record);

      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.pending() == 0);
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      assertThat(redis.restarts()).isEqualTo(1);
      assertThat(log.stats(learner).answers()).isEqualTo(300);
      assertThat(log.answers(learner))
          .extracting(AnswerEvent::id)
          .containsExactlyElementsOf(answers.stream().map(a -> a.answer().id()).toList());
      assertThat(journal.pending()).isZero();
      // The answers acknowledged before the kill were sent again after it, and counted once.
      assertThat(recorder.recorded()).isEqualTo(300);
    }
  }

  @Test
  void should_record_at_the_next_start_what_was_kept_when_learnloop_stopped_during_an_outage() {
    LearnerId learner = new LearnerId("restarted");
    List<RecordAnswer> answers =
        IntStream.range(0, 30).mapToObj(i -> answer(learner.value(), i)).toList();
    EmbeddedRedis redis = EmbeddedRedis.start(redisDir);
    int port = redis.port();
    try (RedisConnector connector = new RedisConnector(redis.url(), Duration.ofMillis(500));
        FileAnswerJournal journal = FileAnswerJournal.open(journalDir);
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(connector, Spacing.defaults()),
                Duration.ofMinutes(10),
                journal,
                1_000)) {
      answers.subList(0, 10).forEach(recorder::record);
      redis.close();
      answers.subList(10, 30).forEach(recorder::record);
      assertThat(recorder.pending()).isEqualTo(20);
    }

    try (EmbeddedRedis again = EmbeddedRedis.start(redisDir, port);
        RedisConnector connector = new RedisConnector(again.url(), Duration.ofMillis(500));
        FileAnswerJournal journal = FileAnswerJournal.open(journalDir);
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(connector, Spacing.defaults()),
                Duration.ofMillis(100),
                journal,
                1_000)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.pending() == 0);
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      assertThat(log.stats(learner).answers()).isEqualTo(30);
      assertThat(log.answers(learner))
          .extracting(AnswerEvent::id)
          .containsExactlyElementsOf(answers.stream().map(a -> a.answer().id()).toList());
      assertThat(journal.pending()).isZero();
    }

    try (FileAnswerJournal afterwards = FileAnswerJournal.open(journalDir)) {
      assertThat(afterwards.unstored()).isEmpty();
    }
  }
}
