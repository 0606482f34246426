package io.learnloop.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.Sent;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channel contract: every adapter (web chat, Slack, Teams) drives these scenarios through its
 * real inbound path and is judged on the channel-neutral replies its gateway was asked to send.
 * Subclasses say how to reach the adapter; the scenarios are the same for all.
 */
public abstract class ChannelContract {

  /** The adapter under test, seen from outside. */
  protected interface ChannelUnderTest {

    /** A person of this channel, as the adapter will identify them once verified. */
    ChannelUser user(String name);

    /** The bot's direct conversation with {@code user}. */
    ConversationRef directWith(ChannelUser user);

    /**
     * Delivers {@code what} through the adapter's real inbound path (signed HTTP, a token, the web
     * chat's request). May return before the core has handled it.
     */
    void deliver(ChannelUser who, ConversationRef where, String deliveryId, Input what);

    /** Records the replies the core sent into this channel. */
    RecordingChatGateway gateway();

    Assistant assistant();

    AnswerLog answers();

    Learners learners();

    /**
     * A question whose answer cites a document that has quiz items, so "quiz me on this" is
     * offered.
     */
    String answerableQuestion();

    /** Whether the channel shows forms and sends them back ({@link Input.FormSubmitted}). */
    default boolean opensForms() {
      return false;
    }

    /** A conversation others read too (a channel); empty for channels that have none. */
    default Optional<ConversationRef> sharedConversation() {
      return Optional.empty();
    }

    /**
     * The experts' conversation the application is configured with for this channel's questions;
     * empty for channels that have none (the web chat).
     */
    default Optional<ConversationRef> expertConversation() {
      return Optional.empty();
    }
  }

  protected abstract ChannelUnderTest channel();

  private ChannelUnderTest channel;

  @BeforeEach
  void clearRecording() {
    channel = channel();
    channel.gateway().clear();
  }

  @Test
  void should_answer_a_question_with_citations_and_feedback_actions() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);

    channel.deliver(ana, dm, delivery(), new Input.Typed(channel.answerableQuestion()));

    Reply.Answer answer = awaitReply(Reply.Answer.class, 1);
    assertThat(answer.abstained()).isFalse();
    assertThat(answer.citations()).isNotEmpty();
    assertThat(answer.actions())
        .extracting(Action::id)
        .contains(ActionIds.HELPFUL, ActionIds.NOT_HELPFUL, ActionIds.QUIZ_ME_ON_THIS);
    assertThat(answer.text()).doesNotContain("Reply with");
  }

  @Test
  void should_thank_only_the_reader_for_feedback() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.Typed(channel.answerableQuestion()));
    Reply.Answer answer = awaitReply(Reply.Answer.class, 1);
    Action helpful =
        answer.actions().stream().filter(a -> a.id().equals(ActionIds.HELPFUL)).findFirst().get();

    channel.deliver(ana, dm, delivery(), click(helpful, lastMessage()));

    awaitSent(2);
    RecordingChatGateway.Recorded thanks = channel.gateway().recorded().get(1);
    assertThat(thanks.outgoing().reply()).isInstanceOf(Reply.Notice.class);
    assertThat(thanks.outgoing().audience().onlyUser()).contains(ana);
  }

  @Test
  void should_replace_the_question_card_with_feedback_and_record_the_answer_once() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.QUIZ, ""));
    Reply.QuizQuestion question = awaitReply(Reply.QuizQuestion.class, 1);
    MessageRef card = lastMessage();
    assertThat(question.stem()).doesNotContain("1.");

    channel.deliver(ana, dm, delivery(), click(question.choices().get(0), card));

    Reply.QuizFeedback feedback = awaitReply(Reply.QuizFeedback.class, 2);
    assertThat(feedback.cardId()).isEqualTo(question.cardId());
    assertThat(feedback.chosen()).isZero();
    assertThat(channel.gateway().recorded().get(1).outgoing().placement())
        .isEqualTo(new Placement.Replace(card));
    assertThat(answersOf(ana)).isEqualTo(1);
  }

  @Test
  void should_count_the_first_answer_when_a_card_is_clicked_twice() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.QUIZ, ""));
    Reply.QuizQuestion question = awaitReply(Reply.QuizQuestion.class, 1);
    MessageRef card = lastMessage();

    channel.deliver(ana, dm, delivery(), click(question.choices().get(1), card));
    awaitSent(2);
    channel.deliver(ana, dm, delivery(), click(question.choices().get(0), card));

    Reply.QuizFeedback second = awaitReply(Reply.QuizFeedback.class, 3);
    assertThat(second.chosen()).as("the first click counts").isEqualTo(1);
    assertThat(second.note()).isNotEmpty();
    assertThat(answersOf(ana)).isEqualTo(1);
  }

  @Test
  void should_run_a_retried_delivery_once() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    String delivery = delivery();

    channel.deliver(ana, dm, delivery, new Input.Typed(channel.answerableQuestion()));
    awaitSent(1);
    channel.deliver(ana, dm, delivery, new Input.Typed(channel.answerableQuestion()));
    channel.deliver(ana, dm, delivery(), new Input.Typed("help"));

    awaitSent(2);
    assertThat(channel.gateway().replies())
        .hasSize(2)
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Answer", "Notice");
  }

  @Test
  void should_refuse_an_answer_to_a_card_sent_to_someone_else() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ChannelUser budi = channel.user("budi-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.QUIZ, ""));
    Reply.QuizQuestion question = awaitReply(Reply.QuizQuestion.class, 1);

    channel.deliver(
        budi,
        channel.directWith(budi),
        delivery(),
        click(question.choices().get(0), lastMessage()));

    awaitSent(2);
    RecordingChatGateway.Recorded refusal = channel.gateway().recorded().get(1);
    assertThat(refusal.outgoing().reply()).isInstanceOf(Reply.Notice.class);
    assertThat(((Reply.Notice) refusal.outgoing().reply()).kind())
        .isEqualTo(Reply.Notice.Kind.NOT_ALLOWED);
    assertThat(answersOf(ana)).isZero();
    assertThat(answersOf(budi)).isZero();
  }

  @Test
  void should_send_a_quiz_question_without_an_inbound_message() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    channel.deliver(ana, channel.directWith(ana), delivery(), new Input.Typed("help"));
    awaitSent(1);
    Learner learner =
        channel.learners().findByIdentity(ana.channel(), ana.identity()).orElseThrow();

    channel.assistant().sendNextQuestion(learner, ana.channel());

    awaitSent(2);
    RecordingChatGateway.Recorded sent = channel.gateway().recorded().get(1);
    assertThat(sent.outgoing().reply()).isInstanceOf(Reply.QuizQuestion.class);
    assertThat(sent.where().conversation()).isEqualTo(channel.directWith(ana).conversation());
  }

  @Test
  void should_run_a_team_round_with_three_learners_each_counted_once() {
    Optional<ConversationRef> shared = channel.sharedConversation();
    Assumptions.assumeTrue(shared.isPresent(), "this channel has no shared conversations");
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ChannelUser budi = channel.user("budi-" + UUID.randomUUID());
    ChannelUser citra = channel.user("citra-" + UUID.randomUUID());
    ConversationRef team = shared.get();
    channel.deliver(ana, team, delivery(), new Input.CommandInvoked(Command.ROUND, ""));
    Reply.QuizQuestion round = awaitReply(Reply.QuizQuestion.class, 1);
    MessageRef card = lastMessage();

    channel.deliver(ana, team, delivery(), click(round.choices().get(0), card));
    channel.deliver(budi, team, delivery(), click(round.choices().get(1), card));
    channel.deliver(citra, team, delivery(), click(round.choices().get(0), card));
    channel.deliver(citra, team, delivery(), click(round.choices().get(1), card));
    awaitSent(5);
    channel.assistant().closeRound(round.cardId(), team);

    awaitSent(6);
    List<RecordingChatGateway.Recorded> sent = channel.gateway().recorded();
    assertThat(sent.subList(1, 5))
        .allSatisfy(
            confirmation -> assertThat(confirmation.outgoing().audience().onlyUser()).isPresent());
    RecordingChatGateway.Recorded reveal = sent.get(5);
    // The same message in the same conversation; how the adapter addresses it is its own affair.
    assertThat(reveal.outgoing().placement()).isInstanceOf(Placement.Replace.class);
    MessageRef replaced = ((Placement.Replace) reveal.outgoing().placement()).message();
    assertThat(replaced.messageId()).isEqualTo(card.messageId());
    assertThat(replaced.conversation().key()).isEqualTo(card.conversation().key());
    Reply.RoundResult result = (Reply.RoundResult) reveal.outgoing().reply();
    assertThat(result.counts().get(0)).isEqualTo(2);
    assertThat(result.counts().get(1)).isEqualTo(1);
    assertThat(result.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    assertThat(answersOf(ana)).isEqualTo(1);
    assertThat(answersOf(budi)).isEqualTo(1);
    assertThat(answersOf(citra)).as("a second click counts once").isEqualTo(1);
    assertThat(channel.assistant().closeRound(round.cardId(), team)).as("revealed once").isEmpty();
  }

  @Test
  void should_save_the_settings_a_submitted_form_carries_and_refuse_a_bad_one() {
    Assumptions.assumeTrue(channel.opensForms(), "this channel shows no forms");
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.SETTINGS, ""));
    Reply.SettingsForm form = awaitReply(Reply.SettingsForm.class, 1);
    MessageRef shown = lastMessage();
    assertThat(channel.gateway().recorded().get(0).outgoing().audience().onlyUser()).contains(ana);
    assertThat(form.nextRoles())
        .as("'none' and at least one role to work toward")
        .hasSizeGreaterThan(1);
    String nextRole = form.nextRoles().get(1).value();

    submitSettings(
        ana,
        shown,
        Map.of(
            Reply.SettingsForm.TIME, "07:45",
            Reply.SettingsForm.DAYS, "MONDAY,WEDNESDAY",
            Reply.SettingsForm.LANGUAGE, "id",
            Reply.SettingsForm.PAUSED, "true",
            Reply.SettingsForm.NEXT_ROLE, nextRole));
    Reply.SettingsForm saved = awaitReply(Reply.SettingsForm.class, 2);

    Learner.Preferences p = learnerOf(ana).preferences();
    assertThat(p.dailyQuizAt()).isEqualTo(java.time.LocalTime.of(7, 45));
    assertThat(p.quizDays())
        .containsExactlyInAnyOrder(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY);
    assertThat(p.paused()).isTrue();
    assertThat(p.nextRole()).map(io.learnloop.dialog.catalog.RoleId::value).contains(nextRole);
    assertThat(saved.nextRole()).isEqualTo(nextRole);
    assertThat(learnerOf(ana).language()).isEqualTo(Language.INDONESIAN);
    assertThat(saved.language()).isEqualTo(Language.INDONESIAN);
    assertThat(saved.quizAt()).isEqualTo(java.time.LocalTime.of(7, 45));
    assertThat(form.quizDays()).hasSize(5);

    submitSettings(
        ana, shown, Map.of(Reply.SettingsForm.TIME, "25:99", Reply.SettingsForm.DAYS, "MONDAY"));
    Reply.Notice refused = awaitReply(Reply.Notice.class, 3);
    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(learnerOf(ana).preferences().quizDays()).hasSize(2);
    assertThat(learnerOf(ana).preferences().dailyQuizAt()).isEqualTo(java.time.LocalTime.of(7, 45));
  }

  @Test
  void should_post_a_scheduled_team_round_that_nobody_asked_for() {
    Optional<ConversationRef> shared = channel.sharedConversation();
    Assumptions.assumeTrue(shared.isPresent(), "this channel has no shared conversations");
    ChannelUser budi = channel.user("budi-" + UUID.randomUUID());
    ConversationRef team = shared.get();

    List<Sent> posted = channel.assistant().startRound(team, Language.INDONESIAN);

    assertThat(posted).hasSize(1);
    RecordingChatGateway.Recorded card = channel.gateway().recorded().get(0);
    assertThat(card.where().key()).isEqualTo(team.key());
    assertThat(card.outgoing().audience().onlyUser()).isEmpty();
    Reply.QuizQuestion round = (Reply.QuizQuestion) card.outgoing().reply();
    assertThat(round.language()).isEqualTo(Language.INDONESIAN);
    channel.deliver(budi, team, delivery(), click(round.choices().get(0), lastMessage()));
    awaitSent(2);
    assertThat(answersOf(budi)).isEqualTo(1);
    assertThatThrownBy(
            () -> channel.assistant().startRound(channel.directWith(budi), Language.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_forget_everything_about_a_person_only_once_they_confirm() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.QUIZ, ""));
    Reply.QuizQuestion question = awaitReply(Reply.QuizQuestion.class, 1);
    channel.deliver(ana, dm, delivery(), click(question.choices().get(0), lastMessage()));
    awaitSent(2);
    assertThat(answersOf(ana)).isEqualTo(1);

    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.FORGET_ME, ""));
    Reply.Notice confirm = awaitReply(Reply.Notice.class, 3);
    assertThat(answersOf(ana)).as("nothing is deleted before the confirmation").isEqualTo(1);
    Action delete =
        confirm.actions().stream()
            .filter(a -> a.id().equals(ActionIds.FORGET_CONFIRMED))
            .findFirst()
            .orElseThrow();
    channel.deliver(ana, dm, delivery(), click(delete, lastMessage()));

    Reply.Notice done = awaitReply(Reply.Notice.class, 4);
    assertThat(done.kind()).isEqualTo(Reply.Notice.Kind.INFO);
    assertThat(channel.learners().findByIdentity(ana.channel(), ana.identity())).isEmpty();
  }

  @Test
  void should_export_a_persons_own_data_to_them_alone() {
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.QUIZ, ""));
    Reply.QuizQuestion question = awaitReply(Reply.QuizQuestion.class, 1);
    channel.deliver(ana, dm, delivery(), click(question.choices().get(0), lastMessage()));
    awaitSent(2);

    channel.deliver(ana, dm, delivery(), new Input.CommandInvoked(Command.EXPORT, ""));

    Reply.Export export = awaitReply(Reply.Export.class, 3);
    assertThat(channel.gateway().recorded().get(2).outgoing().audience().onlyUser()).contains(ana);
    assertThat(export.document()).containsKeys("learner", "answers", "stats");
    @SuppressWarnings("unchecked")
    Map<String, Object> profile = (Map<String, Object>) export.document().get("learner");
    assertThat(profile)
        .containsEntry("paused", false)
        .containsEntry(
            "quiz_days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    assertThat((List<?>) export.document().get("answers")).hasSize(1);
  }

  @Test
  void should_pass_a_question_to_the_experts_once_and_bring_an_experts_reply_back() {
    Optional<ConversationRef> experts = channel.expertConversation();
    Assumptions.assumeTrue(experts.isPresent(), "this channel has no experts' conversation");
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());
    ChannelUser eko = channel.user("eko-" + UUID.randomUUID());
    ConversationRef dm = channel.directWith(ana);
    channel.deliver(ana, dm, delivery(), new Input.Typed(channel.answerableQuestion()));
    Reply.Answer answer = awaitReply(Reply.Answer.class, 1);
    MessageRef answerMessage = lastMessage();
    Action askPerson =
        answer.actions().stream()
            .filter(a -> a.id().equals(ActionIds.ASK_PERSON))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Ask a person on " + answer.actions()));

    channel.deliver(ana, dm, delivery(), click(askPerson, answerMessage));
    awaitSent(3);
    channel.deliver(ana, dm, delivery(), click(askPerson, answerMessage));
    awaitSent(4);

    List<RecordingChatGateway.Recorded> sent = channel.gateway().recorded();
    List<RecordingChatGateway.Recorded> posts =
        sent.stream()
            .filter(r -> r.outgoing().reply() instanceof Reply.QuestionForExperts)
            .toList();
    assertThat(posts).as("pressed twice, posted once").hasSize(1);
    assertThat(posts.get(0).where().conversation()).isEqualTo(experts.get().conversation());
    Reply.QuestionForExperts question = (Reply.QuestionForExperts) posts.get(0).outgoing().reply();
    assertThat(question.asker()).isEqualTo(ana);
    assertThat(question.sources()).isEqualTo(answer.citations());
    List<Reply.Notice> told =
        sent.stream()
            .filter(r -> r.outgoing().reply() instanceof Reply.Notice)
            .peek(r -> assertThat(r.outgoing().audience().onlyUser()).contains(ana))
            .map(r -> (Reply.Notice) r.outgoing().reply())
            .toList();
    assertThat(told).hasSize(2);
    assertThat(told.get(0).text())
        .as("the second press is told apart")
        .isNotEqualTo(told.get(1).text());

    channel.deliver(
        eko,
        experts.get().inThread(posts.get(0).message().messageId()),
        delivery(),
        new Input.ThreadMessage(
            "Five days; they lapse on 31 March.", "reply-" + UUID.randomUUID()));

    Reply.ExpertReplied replied = awaitReply(Reply.ExpertReplied.class, 5);
    RecordingChatGateway.Recorded toAna = channel.gateway().recorded().get(4);
    assertThat(toAna.where().conversation()).isEqualTo(dm.conversation());
    assertThat(replied.expert()).isEqualTo(eko);
    assertThat(replied.text()).isEqualTo("Five days; they lapse on 31 March.");
    assertThat(replied.question()).isEqualTo(channel.answerableQuestion());
  }

  @Test
  void should_offer_no_ask_a_person_where_the_channel_has_no_experts() {
    Assumptions.assumeTrue(
        channel.expertConversation().isEmpty(), "this channel has an experts' conversation");
    ChannelUser ana = channel.user("ana-" + UUID.randomUUID());

    channel.deliver(
        ana, channel.directWith(ana), delivery(), new Input.Typed(channel.answerableQuestion()));

    Reply.Answer answer = awaitReply(Reply.Answer.class, 1);
    assertThat(answer.actions()).extracting(Action::id).doesNotContain(ActionIds.ASK_PERSON);
    assertThat(answer.actions()).extracting(Action::id).contains(ActionIds.HELPFUL);
  }

  private int answersOf(ChannelUser user) {
    return channel
        .learners()
        .findByIdentity(user.channel(), user.identity())
        .map(l -> channel.answers().answers(l.id()).size())
        .orElse(0);
  }

  private void submitSettings(ChannelUser user, MessageRef form, Map<String, String> values) {
    channel.deliver(
        user,
        channel.directWith(user),
        delivery(),
        new Input.FormSubmitted(Input.FormSubmitted.SETTINGS, values, Optional.of(form)));
  }

  private Learner learnerOf(ChannelUser user) {
    return channel.learners().findByIdentity(user.channel(), user.identity()).orElseThrow();
  }

  private static Input.ActionInvoked click(Action action, MessageRef on) {
    return new Input.ActionInvoked(action.id(), action.value(), Optional.of(on));
  }

  private MessageRef lastMessage() {
    List<RecordingChatGateway.Recorded> recorded = channel.gateway().recorded();
    return recorded.get(recorded.size() - 1).message();
  }

  private void awaitSent(int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(channel.gateway().recorded()).hasSizeGreaterThanOrEqualTo(count));
  }

  private <T extends Reply> T awaitReply(Class<T> type, int position) {
    awaitSent(position);
    Reply reply = channel.gateway().replies().get(position - 1);
    assertThat(reply).isInstanceOf(type);
    return type.cast(reply);
  }

  private static String delivery() {
    return "d-" + UUID.randomUUID();
  }
}
