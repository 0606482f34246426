package io.learnloop.dialog.quiz;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.skill;
import static io.learnloop.dialog.catalog.CatalogTestData.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.conversation.BotReply;
import io.learnloop.dialog.conversation.Citation;
import io.learnloop.dialog.conversation.Conversation;
import io.learnloop.dialog.conversation.ConversationId;
import io.learnloop.dialog.conversation.InMemoryConversationHistory;
import io.learnloop.dialog.conversation.IncomingMessage;
import io.learnloop.dialog.conversation.KnowledgeAnswer;
import io.learnloop.dialog.conversation.QuizCard;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.QuestionAsked;
import io.learnloop.dialog.learning.Spacing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuizSessionTest {

  private static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId PHISHING = new SkillId("phishing");
  private static final RoleId ANALYST = new RoleId("analyst");
  private static final ConversationId SLACK_DM = new ConversationId("slack:T1:D1");

  private final Catalog catalog =
      new Catalog(
          List.of(
              skill(LEAVE, "Leave policy", "Kebijakan cuti"),
              skill(PHISHING, "Phishing", "Phishing")),
          List.of(
              new Role(
                  ANALYST,
                  text("Analyst", "Analis"),
                  Map.of(LEAVE, TargetLevel.EXPERT, PHISHING, TargetLevel.BASIC))),
          List.of(
              item("leave-1", LEAVE),
              item("leave-2", LEAVE),
              item("leave-3", LEAVE),
              item("phishing-1", PHISHING)));
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final InMemoryLearners learners = new InMemoryLearners();
  private final AnswerRecorder recorder = new AnswerRecorder(answers, Duration.ofSeconds(1));
  private final QuizSession quiz =
      new QuizSession(
          catalog,
          new Snapshots(catalog, answers, learners, Spacing.defaults()),
          recorder,
          learners,
          ANALYST,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void close() {
    recorder.close();
  }

  @Test
  void should_give_the_micro_lesson_after_two_misses_and_then_a_question_again() {
    for (int miss = 0; miss < 2; miss++) {
      QuizCard card = quiz.next(message("quiz"), Language.ENGLISH).quiz().orElseThrow();
      assertThat(catalog.item(card.item()).orElseThrow().skills()).containsExactly(LEAVE);
      quiz.answer(message("2"), card.quizId()); // every item's answer is choice 1
    }

    BotReply lesson = quiz.next(message("quiz"), Language.ENGLISH);
    BotReply after = quiz.next(message("quiz"), Language.ENGLISH);

    assertThat(lesson.quiz()).isEmpty();
    assertThat(lesson.text()).startsWith("You missed 2 questions in a row on Leave policy");
    assertThat(lesson.citations())
        .singleElement()
        .satisfies(c -> assertThat(c.url()).startsWith("/docs/leave-"));
    assertThat(after.quiz()).isPresent();
  }

  @Test
  void should_ask_about_what_a_profiled_learner_recently_asked_in_their_channel_identity() {
    Learner ayu =
        new Learner(
            new LearnerId("lumbung:ayu"),
            Map.of("slack", "U-ayu"),
            ANALYST,
            "finance",
            Optional.empty(),
            ZoneId.of("Asia/Jakarta"),
            Language.INDONESIAN,
            Learner.Preferences.defaults());
    learners.save(ayu);
    learners.questionAsked(new QuestionAsked(ayu.id(), Set.of(PHISHING), NOW.minusSeconds(3600)));

    BotReply reply = quiz.next(message("kuis"), Language.INDONESIAN);
    QuizCard card = reply.quiz().orElseThrow();
    quiz.answer(message("1"), card.quizId());

    assertThat(card.item()).isEqualTo(new ItemId("phishing-1"));
    assertThat(card.reason())
        .isEqualTo(
            "Anda baru saja bertanya tentang Phishing: satu soal singkat agar makin melekat.");
    assertThat(answers.stats(ayu.id()).answers()).isEqualTo(1);
    assertThat(answers.leaderboard("finance", 5))
        .singleElement()
        .satisfies(e -> assertThat(e.learner()).isEqualTo(ayu.id()));
  }

  @Test
  void should_offer_practice_on_what_a_cited_answer_was_about_just_in_time() {
    Conversation conversation =
        new Conversation(
            new InMemoryConversationHistory(),
            (question, asker, language) ->
                Optional.of(
                    new KnowledgeAnswer(
                        "Check the sender first [1].",
                        false,
                        List.of(new Citation("phishing-1.md", "Phishing", "", "/docs/x", 0.9)))),
            Optional.of(quiz),
            Clock.fixed(NOW, ZoneOffset.UTC));

    conversation.reply(message("How do I spot a phishing mail?"));
    BotReply reply = conversation.reply(message("quiz"));

    assertThat(reply.quiz().orElseThrow().item()).isEqualTo(new ItemId("phishing-1"));
    assertThat(reply.quiz().orElseThrow().reason())
        .isEqualTo("You asked about Phishing recently: one quick question to make it stick.");
    assertThat(learners.recentlyAsked(new LearnerId("slack:U-ayu"), NOW)).containsExactly(PHISHING);
  }

  @Test
  void should_record_an_answer_to_a_card_asked_before_a_restart_when_open_questions_are_shared() {
    OpenQuestions shared = new InMemoryOpenQuestions();
    QuizCard card = session(shared).next(message("quiz"), Language.ENGLISH).quiz().orElseThrow();

    BotReply answered = session(shared).answer(message("1"), card.quizId());
    BotReply forgotten = session(new InMemoryOpenQuestions()).answer(message("1"), card.quizId());

    assertThat(answered.text()).startsWith("Right!");
    assertThat(answers.stats(new LearnerId("slack:U-ayu")).answers()).isEqualTo(1);
    assertThat(forgotten.text()).startsWith("That quiz question has expired.");
  }

  @Test
  void should_answer_a_typed_number_for_the_card_asked_before_a_restart() {
    OpenQuestions shared = new InMemoryOpenQuestions();
    session(shared).next(message("quiz"), Language.ENGLISH);

    Optional<BotReply> typed = session(shared).answerTyped(message("1"));

    assertThat(typed).isPresent();
    assertThat(answers.stats(new LearnerId("slack:U-ayu")).answers()).isEqualTo(1);
  }

  @Test
  void should_count_a_card_clicked_again_after_a_restart_once() {
    OpenQuestions shared = new InMemoryOpenQuestions();
    QuizCard card = session(shared).next(message("quiz"), Language.ENGLISH).quiz().orElseThrow();
    session(shared).answer(message("1"), card.quizId());

    BotReply again = session(shared).answer(message("1"), card.quizId());

    assertThat(again.text()).contains("You already answered this question; it was counted once.");
    assertThat(answers.stats(new LearnerId("slack:U-ayu")).answers()).isEqualTo(1);
  }

  @Test
  void should_say_it_cannot_check_a_card_while_the_open_questions_store_is_down() {
    SwitchableOpenQuestions unreachable = new SwitchableOpenQuestions();
    unreachable.down = true;
    OpenQuestions down = new FallbackOpenQuestions(unreachable);

    BotReply reply = session(down).answer(message("1"), "quiz-asked-elsewhere");

    assertThat(reply.text()).startsWith("I cannot check that quiz question right now.");
    assertThat(answers.stats(new LearnerId("slack:U-ayu")).answers()).isZero();
  }

  @Test
  void should_say_in_the_cards_language_that_a_card_whose_item_was_removed_has_expired() {
    OpenQuestions shared = new InMemoryOpenQuestions();
    shared.opened(
        "quiz-removed-item",
        new OpenQuestion(
            "slack:U-ayu",
            new LearnerId("slack:U-ayu"),
            ANALYST,
            "",
            ZoneOffset.UTC,
            new ItemId("removed-1"),
            NOW,
            Language.INDONESIAN));

    BotReply reply = session(shared).answer(message("1"), "quiz-removed-item");

    assertThat(reply.text()).startsWith("Pertanyaan kuis itu sudah kedaluwarsa.");
  }

  /** A session as a freshly started process would build it, over {@code open}. */
  private QuizSession session(OpenQuestions open) {
    return new QuizSession(
        catalog,
        new Snapshots(catalog, answers, learners, Spacing.defaults()),
        recorder,
        learners,
        ANALYST,
        Clock.fixed(NOW, ZoneOffset.UTC),
        open);
  }

  private IncomingMessage message(String text) {
    return new IncomingMessage(SLACK_DM, "U-ayu", text);
  }
}
