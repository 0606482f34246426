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
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.SectionTitles;
import io.learnloop.dialog.quiz.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quiz answered while the real Redis is down is recorded once Redis is back. */
class QuizOutageTest {

  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final RoleId ANALYST = new RoleId("analyst");
  private static final ChannelUser AYU = new ChannelUser("web", "local", "ayu");
  private static final ConversationRef WEB = ConversationRef.direct("web", "local", "ayu");

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
      Snapshots snapshots = new Snapshots(catalog, answers, learners, Spacing.defaults());
      FallbackOpenQuestions open = new FallbackOpenQuestions(new RedisOpenQuestions(connector));
      AskNextQuestion ask =
          new AskNextQuestion(
              catalog, snapshots, answers, open, ANALYST, Clock.systemUTC(), SectionTitles.plain());
      AnswerQuestion answer =
          new AnswerQuestion(
              catalog,
              snapshots,
              recorder,
              answers,
              open,
              Clock.systemUTC(),
              SectionTitles.plain());
      Learner ayu =
          new Enrollment(learners, ANALYST, ZoneId.of("Asia/Jakarta"))
              .learnerFor(AYU, ProfileHints.none(), Language.ENGLISH);
      Reply.QuizQuestion card = (Reply.QuizQuestion) ask.next(ayu, WEB, Language.ENGLISH);
      server.close();

      Outgoing reply =
          answer.answer(ayu, AYU, WEB, card.cardId(), 1, Optional.empty(), Language.ENGLISH);
      assertThat(recorder.pending()).isEqualTo(1);
      server = EmbeddedRedis.start(dataDir, port);
      // Redis still names the card as waiting (its answer came during the outage): a typed number
      // must not answer it again.
      assertThat(answer.waitingIn(WEB)).isEmpty();
      // Clicked again once Redis is back: still one answer.
      answer.answer(ayu, AYU, WEB, card.cardId(), 1, Optional.empty(), Language.ENGLISH);

      Reply.QuizFeedback feedback = (Reply.QuizFeedback) reply.reply();
      assertThat(feedback.headline()).isEqualTo(Messages.get(Language.ENGLISH, "quiz.right"));
      assertThat(feedback.note()).isEqualTo(Messages.get(Language.ENGLISH, "quiz.saved-later"));
      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.pending() == 0);
      assertThat(answers.stats(ayu.id()).answers()).isEqualTo(1);
    } finally {
      server.close();
    }
  }
}
