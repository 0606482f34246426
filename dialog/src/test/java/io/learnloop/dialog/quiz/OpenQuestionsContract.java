package io.learnloop.dialog.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OpenQuestions} must do. Extend it once per implementation and return a fresh,
 * working store from {@link #store()}.
 */
public abstract class OpenQuestionsContract {

  protected abstract OpenQuestions store();

  protected static String newQuizId() {
    return "quiz-" + UUID.randomUUID();
  }

  protected static OpenQuestion question(String sender) {
    return new OpenQuestion(
        sender,
        new LearnerId("lumbung:ayu"),
        new RoleId("analyst"),
        "finance",
        ZoneId.of("Asia/Jakarta"),
        new ItemId("leave-1"),
        Instant.parse("2026-11-03T02:00:00.123Z"),
        Language.INDONESIAN,
        AnswerContext.JUST_IN_TIME,
        Optional.empty());
  }

  protected static String newSender() {
    return "slack:U" + UUID.randomUUID();
  }

  @Test
  void should_find_an_opened_question_with_every_field_and_wait_for_its_sender() {
    OpenQuestions store = store();
    String sender = newSender();
    String quizId = newQuizId();

    store.opened(quizId, question(sender));

    assertThat(store.find(quizId)).contains(question(sender));
    assertThat(store.waitingFor(sender)).contains(quizId);
  }

  @Test
  void should_remember_the_message_a_question_was_posted_as() {
    OpenQuestions store = store();
    String quizId = newQuizId();
    store.opened(quizId, question(newSender()));

    store.posted(quizId, "1733000000.000100");

    assertThat(store.find(quizId).orElseThrow().messageId()).contains("1733000000.000100");
  }

  @Test
  void should_not_bring_back_an_unknown_question_when_its_message_is_posted() {
    OpenQuestions store = store();
    String quizId = newQuizId();

    store.posted(quizId, "m1");

    assertThat(store.find(quizId)).isEmpty();
  }

  @Test
  void should_know_nothing_of_a_quiz_never_opened() {
    OpenQuestions store = store();

    assertThat(store.find(newQuizId())).isEmpty();
    assertThat(store.waitingFor(newSender())).isEmpty();
  }

  @Test
  void should_stop_waiting_once_answered_but_keep_the_question_to_recognise_a_repeat() {
    OpenQuestions store = store();
    String sender = newSender();
    String quizId = newQuizId();
    store.opened(quizId, question(sender));

    store.answered(sender, quizId);

    assertThat(store.waitingFor(sender)).isEmpty();
    assertThat(store.find(quizId)).isPresent();
  }

  @Test
  void should_have_stopped_waiting_for_what_was_answered_without_waiting_when_asked_next() {
    OpenQuestions store = store();
    String sender = newSender();
    String quizId = newQuizId();
    store.opened(quizId, question(sender));

    var closing = store.answeredLater(sender, quizId);

    assertThat(store.waitingFor(sender)).as("asked before the close was confirmed").isEmpty();
    assertThat(closing.toCompletableFuture().join()).isNull();
    assertThat(store.find(quizId)).isPresent();
  }

  @Test
  void should_keep_waiting_for_the_newer_question_when_an_older_card_is_answered() {
    OpenQuestions store = store();
    String sender = newSender();
    String older = newQuizId();
    String newer = newQuizId();
    store.opened(older, question(sender));
    store.opened(newer, question(sender));

    store.answered(sender, older);

    assertThat(store.waitingFor(sender)).contains(newer);
  }
}
