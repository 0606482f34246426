package io.learnloop.integrations.redis;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.skill;
import static io.learnloop.dialog.catalog.CatalogTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.conversation.BotReply;
import io.learnloop.dialog.conversation.ConversationId;
import io.learnloop.dialog.conversation.IncomingMessage;
import io.learnloop.dialog.conversation.QuizCard;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.QuizSession;
import io.learnloop.dialog.quiz.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quiz answered while the real Redis is down is recorded once Redis is back. */
class QuizOutageTest {

  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final RoleId ANALYST = new RoleId("analyst");
  private static final ConversationId WEB = new ConversationId("web:ayu");

  @TempDir Path dataDir;

  @Test
  void should_record_an_answer_given_while_redis_is_down_once_it_is_back() {
    Catalog catalog =
        new Catalog(
            List.of(skill(LEAVE, "Leave policy", "Kebijakan cuti")),
            List.of(new Role(ANALYST, text("Analyst", "Analis"), Map.of(LEAVE, TargetLevel.BASIC))),
            List.of(item("leave-1", LEAVE), item("leave-2", LEAVE)));
    EmbeddedRedis server = EmbeddedRedis.start(dataDir);
    int port = server.port();
    try (RedisConnector connector = new RedisConnector(server.url(), Duration.ofMillis(500));
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(connector, Spacing.defaults()), Duration.ofMillis(100))) {
      RedisAnswerLog answers = new RedisAnswerLog(connector, Spacing.defaults());
      RedisLearners learners = new RedisLearners(connector);
      QuizSession quiz =
          new QuizSession(
              catalog,
              new Snapshots(catalog, answers, learners, Spacing.defaults()),
              recorder,
              learners,
              ANALYST,
              Clock.systemUTC(),
              new FallbackOpenQuestions(new RedisOpenQuestions(connector)));
      QuizCard card =
          quiz.next(new IncomingMessage(WEB, "ayu", "quiz"), Language.ENGLISH).quiz().orElseThrow();
      server.close();

      BotReply reply = quiz.answer(new IncomingMessage(WEB, "ayu", "1"), card.quizId());
      assertThat(recorder.pending()).isEqualTo(1);
      server = EmbeddedRedis.start(dataDir, port);
      // Redis still names the card as waiting (its answer came during the outage): a typed number
      // must not answer it again.
      assertThat(quiz.answerTyped(new IncomingMessage(WEB, "ayu", "2"))).isEmpty();
      // Clicked again once Redis is back: still one answer.
      quiz.answer(new IncomingMessage(WEB, "ayu", "1"), card.quizId());

      assertThat(reply.text())
          .startsWith(Messages.get(Language.ENGLISH, "quiz.right"))
          .contains(Messages.get(Language.ENGLISH, "quiz.saved-later"));
      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.pending() == 0);
      assertThat(answers.stats(new LearnerId("web:ayu")).answers()).isEqualTo(1);
    } finally {
      server.close();
    }
  }
}
