package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestionsContract;
import io.learnloop.dialog.quiz.OpenQuestionsUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisOpenQuestionsTest extends OpenQuestionsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected OpenQuestions store() {
    return new RedisOpenQuestions(redis.connector());
  }

  @Test
  void should_let_a_question_and_its_waiting_sender_expire_after_a_week() {
    String sender = newSender();
    String quizId = newQuizId();

    store().opened(quizId, question(sender));

    long week = RedisOpenQuestions.KEPT_FOR.toMillis();
    assertThat(redis.connector().sync().pttl(RedisOpenQuestions.QUESTION_PREFIX + quizId))
        .isBetween(week - 60_000, week);
    assertThat(redis.connector().sync().pttl(RedisOpenQuestions.WAITING_PREFIX + sender))
        .isBetween(week - 60_000, week);
  }

  @Test
  void should_keep_an_answered_question_a_week_after_its_answer_to_recognise_a_repeat() {
    String sender = newSender();
    String quizId = newQuizId();
    store().opened(quizId, question(sender));
    redis.connector().sync().pexpire(RedisOpenQuestions.QUESTION_PREFIX + quizId, 1_000);

    store().answered(sender, quizId);

    assertThat(redis.connector().sync().pttl(RedisOpenQuestions.QUESTION_PREFIX + quizId))
        .isGreaterThan(RedisOpenQuestions.KEPT_FOR.toMillis() - 60_000);
  }

  @Test
  void should_report_an_unreadable_question_as_unavailable_not_as_a_bad_request() {
    String quizId = newQuizId();
    store().opened(quizId, question(newSender()));
    redis.connector().sync().hset(RedisOpenQuestions.QUESTION_PREFIX + quizId, "zone", "Mars/Base");

    assertThatThrownBy(() -> store().find(quizId))
        .isInstanceOf(OpenQuestionsUnavailableException.class)
        .hasMessageContaining("unreadable");
  }

  @Test
  void should_report_an_unreachable_redis_as_open_questions_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      OpenQuestions questions = new RedisOpenQuestions(nowhere);

      assertThatThrownBy(() -> questions.opened(newQuizId(), question(newSender())))
          .isInstanceOf(OpenQuestionsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      assertThatThrownBy(() -> questions.find(newQuizId()))
          .isInstanceOf(OpenQuestionsUnavailableException.class);
      assertThatThrownBy(
              () -> questions.answeredLater(newSender(), newQuizId()).toCompletableFuture().join())
          .as("a close not waited for still fails as the store being unavailable")
          .hasCauseInstanceOf(OpenQuestionsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
