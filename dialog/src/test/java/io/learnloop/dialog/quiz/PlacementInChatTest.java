package io.learnloop.dialog.quiz;

import static io.learnloop.dialog.conversation.AssistantFixture.dm;
import static io.learnloop.dialog.conversation.AssistantFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.AssistantFixture;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.policy.PlacementTest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The placement pre-test as a new learner meets it in chat, through the {@code Assistant}. */
class PlacementInChatTest {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final AssistantFixture fixture = new AssistantFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_offer_a_new_learner_the_placement_test_as_their_first_question() {
    ChannelUser ana = user("ana");

    handle(ana, new Input.Typed("quiz"));

    Reply.QuizQuestion first = (Reply.QuizQuestion) fixture.gateway.replies().get(0);
    assertThat(first.reason())
        .isEqualTo(
            Messages.get(Language.ENGLISH, "pretest.question", 1, PlacementTest.MAX_QUESTIONS));
    answer(ana, first, 0);
    Reply.QuizFeedback feedback = (Reply.QuizFeedback) fixture.gateway.replies().get(1);
    assertThat(feedback.actions())
        .extracting(Action::id)
        .containsExactly(ActionIds.QUIZ_NEXT, ActionIds.PRETEST_SKIP);
    assertThat(answers(ana))
        .extracting(AnswerEvent::context)
        .containsExactly(AnswerContext.PRE_TEST);
  }

  @Test
  void should_offer_it_in_indonesian_to_an_indonesian_reader() {
    ChannelUser budi = user("budi");

    handle(budi, new Input.Typed("kuis"));

    Reply.QuizQuestion first = (Reply.QuizQuestion) fixture.gateway.replies().get(0);
    assertThat(first.language()).isEqualTo(Language.INDONESIAN);
    assertThat(first.reason()).startsWith("Tes penempatan, soal 1 dari paling banyak 8");
  }

  @Test
  void should_end_within_eight_questions_and_then_say_how_it_went() {
    ChannelUser citra = user("citra");
    int asked = 0;
    Reply.QuizQuestion question = quiz(citra);
    while (question.reason().startsWith("Placement test, question")) {
      asked++;
      answer(citra, question, 0); // the fixture's right answer is the first choice
      question = quiz(citra);
    }

    assertThat(asked).isBetween(1, PlacementTest.MAX_QUESTIONS);
    assertThat(question.reason())
        .startsWith(Messages.get(Language.ENGLISH, "pretest.done", asked, asked));
    assertThat(answers(citra))
        .hasSize(asked)
        .allSatisfy(a -> assertThat(a.context()).isEqualTo(AnswerContext.PRE_TEST));
    List<Reply> replies = fixture.gateway.replies();
    assertThat(((Reply.QuizFeedback) replies.get(replies.size() - 2)).actions())
        .as("the last pre-test answer offers no skip")
        .extracting(Action::id)
        .containsExactly(ActionIds.QUIZ_NEXT);
    answer(citra, question, 0);
    assertThat(quiz(citra).reason()).as("said once").doesNotStartWith("Placement test");
  }

  @Test
  void should_skip_it_for_a_learner_who_declines_and_not_offer_it_again() {
    ChannelUser dewi = user("dewi");
    Reply.QuizQuestion first = quiz(dewi);
    answer(dewi, first, 1);
    Reply.QuizFeedback feedback = (Reply.QuizFeedback) last();
    Action skip = feedback.actions().get(1);

    handle(dewi, new Input.ActionInvoked(skip.id(), skip.value(), Optional.empty()));

    Reply.Notice skipped = (Reply.Notice) last();
    assertThat(skipped.text()).isEqualTo(Messages.get(Language.ENGLISH, "pretest.skipped"));
    assertThat(skipped.actions()).extracting(Action::id).containsExactly(ActionIds.QUIZ_NEXT);
    assertThat(fixture.learners.skippedPlacement(learner(dewi))).isTrue();
    assertThat(quiz(dewi).reason()).doesNotStartWith("Placement test");
  }

  @Test
  void should_skip_it_before_the_first_answer_when_the_learner_types_skip() {
    ChannelUser eko = user("eko");
    quiz(eko);

    handle(eko, new Input.Typed("lewati"));

    assertThat(((Reply.Notice) last()).text())
        .isEqualTo(Messages.get(Language.INDONESIAN, "pretest.skipped"));
    assertThat(quiz(eko).reason()).doesNotStartWith("Tes penempatan");
    assertThat(answers(eko)).isEmpty();
  }

  @Test
  void should_not_offer_it_to_a_learner_who_answered_other_questions_first() {
    ChannelUser fajar = user("fajar");
    handle(fajar, new Input.Typed("skip"));
    answer(fajar, quiz(fajar), 0);

    handle(fajar, new Input.Typed("skip"));

    assertThat(last())
        .as("not taking it: 'skip' is a question for the handbook")
        .isInstanceOf(Reply.Answer.class);
  }

  private Reply.QuizQuestion quiz(ChannelUser who) {
    handle(who, new Input.Typed("quiz"));
    return (Reply.QuizQuestion) last();
  }

  private void answer(ChannelUser who, Reply.QuizQuestion question, int choice) {
    Action pick = question.choices().get(choice);
    handle(who, new Input.ActionInvoked(pick.id(), pick.value(), Optional.empty()));
  }

  // Budi's and Eko's chats speak Indonesian; everyone else's English.
  private void handle(ChannelUser who, Input what) {
    Locale locale = Set.of("budi", "eko").contains(who.user()) ? INDONESIAN : Locale.ENGLISH;
    fixture.assistant.handle(
        AssistantFixture.interaction(who, dm(who), what, Optional.of(locale), ProfileHints.none()));
  }

  private Reply last() {
    List<Reply> replies = fixture.gateway.replies();
    return replies.get(replies.size() - 1);
  }

  private LearnerId learner(ChannelUser who) {
    return fixture.learners.findByIdentity("test", who.identity()).orElseThrow().id();
  }

  private List<AnswerEvent> answers(ChannelUser who) {
    return fixture.answers.answers(learner(who));
  }
}
