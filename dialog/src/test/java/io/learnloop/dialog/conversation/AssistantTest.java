package io.learnloop.dialog.conversation;

import static io.learnloop.dialog.conversation.AssistantFixture.dm;
import static io.learnloop.dialog.conversation.AssistantFixture.interaction;
import static io.learnloop.dialog.conversation.AssistantFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.quiz.InMemoryOpenQuestions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssistantTest {

  private static final ChannelUser HR_MEMBER = user("hr-ayu");

  private final AssistantFixture fixture =
      new AssistantFixture(
          new InMemoryLearners(),
          new InMemoryOpenQuestions(),
          new InMemoryDeliveries(Clock.systemUTC()),
          Map.of("hr", Set.of(HR_MEMBER.key(), "siti@example.com")),
          null);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_answer_a_group_member_in_a_dm_with_their_groups() {
    fixture.handle(HR_MEMBER, dm(HR_MEMBER), new Input.Typed("How much leave?"));

    assertThat(fixture.askedWithGroups).containsExactly(Set.of("hr"));
    assertThat(((Reply.Answer) fixture.gateway.replies().get(0)).publicSourcesOnly()).isFalse();
  }

  @Test
  void should_answer_from_public_documents_only_where_others_read_the_answer() {
    ConversationRef channel = ConversationRef.shared("test", "W1", "C-general");

    fixture.handle(HR_MEMBER, channel, new Input.Typed("How much leave?"));

    assertThat(fixture.askedWithGroups).containsExactly(Set.of());
    Reply.Answer answer = (Reply.Answer) fixture.gateway.replies().get(0);
    assertThat(answer.publicSourcesOnly()).isTrue();
    assertThat(fixture.gateway.recorded().get(0).outgoing().audience().onlyUser()).isEmpty();
  }

  @Test
  void should_ask_a_follow_up_in_an_answers_thread_with_the_question_it_follows() {
    ChannelUser asker = user("tono");
    List<Sent> first =
        fixture.handle(asker, dm(asker), new Input.Typed("What is the hotel limit in Jakarta?"));
    ConversationRef thread = dm(asker).inThread(first.get(0).message().messageId());

    fixture.handle(asker, thread, new Input.Typed("and in Singapore?"));
    fixture.handle(asker, dm(asker), new Input.Typed("and in Singapore?"));

    assertThat(fixture.askedQuestions)
        .containsExactly(
            "What is the hotel limit in Jakarta?",
            "What is the hotel limit in Jakarta? and in Singapore?",
            "and in Singapore?");
    assertThat(((Reply.Answer) fixture.gateway.replies().get(1)).question())
        .as("the answer echoes what was typed")
        .isEqualTo("and in Singapore?");
  }

  @Test
  void should_answer_a_slash_command_in_a_channel_privately_with_the_askers_groups() {
    ConversationRef channel = ConversationRef.shared("test", "W1", "C-general");

    fixture.handle(HR_MEMBER, channel, new Input.CommandInvoked(Command.ASK, "How much leave?"));

    assertThat(fixture.askedWithGroups).containsExactly(Set.of("hr"));
    assertThat(fixture.gateway.recorded().get(0).outgoing().audience().onlyUser())
        .contains(HR_MEMBER);
  }

  @Test
  void should_grant_groups_by_a_verified_email_and_never_by_a_claimed_id() {
    ChannelUser claimsToBeAyu = new ChannelUser("test", "W1", "hr-ayu-not");
    fixture.handle(claimsToBeAyu, dm(claimsToBeAyu), new Input.Typed("How much leave?"));
    ChannelUser siti = user("siti");
    fixture.assistant.handle(
        interaction(
            siti,
            dm(siti),
            new Input.Typed("How much leave?"),
            Optional.empty(),
            new ProfileHints(Optional.of("Siti@Example.com"), Optional.empty())));

    assertThat(fixture.askedWithGroups).containsExactly(Set.of(), Set.of("hr"));
  }

  @Test
  void should_make_one_learner_of_the_same_verified_email_on_two_channels() {
    ProfileHints hints =
        new ProfileHints(Optional.of("budi@example.com"), Optional.of(ZoneId.of("Asia/Makassar")));
    ChannelUser onTest = user("budi");
    fixture.assistant.handle(
        interaction(onTest, dm(onTest), new Input.Typed("help"), Optional.empty(), hints));
    Learner first = fixture.learners.findByIdentity("test", onTest.identity()).orElseThrow();

    ChannelUser elsewhere = new ChannelUser("web", "local", "browser-1");
    // Another channel's user is linked by the email alone, without a gateway being involved.
    Learner linked =
        new io.learnloop.dialog.identity.Enrollment(
                fixture.learners, AssistantFixture.ANALYST, ZoneId.of("UTC"))
            .learnerFor(elsewhere, hints, Language.ENGLISH);

    assertThat(linked.id()).isEqualTo(first.id());
    assertThat(fixture.learners.findByIdentity("web", elsewhere.identity()))
        .map(Learner::id)
        .contains(first.id());
    assertThat(first.timezone()).isEqualTo(ZoneId.of("Asia/Makassar"));
  }

  @Test
  void should_enrol_without_a_channel_timezone_in_the_organisations_and_in_the_channels_language() {
    ChannelUser ayu = user("ayu");
    fixture.assistant.handle(
        interaction(
            ayu,
            dm(ayu),
            new Input.Typed("help"),
            Optional.of(Locale.forLanguageTag("id-ID")),
            ProfileHints.none()));

    Learner learner = fixture.learners.findByIdentity("test", ayu.identity()).orElseThrow();
    assertThat(learner.timezone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    assertThat(learner.language()).isEqualTo(Language.INDONESIAN);
    assertThat(fixture.gateway.replies().get(0).language()).isEqualTo(Language.INDONESIAN);
  }

  @Test
  void should_reply_in_the_language_typed_when_the_channel_gives_no_locale() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.Typed("Berapa hari cuti yang bisa saya bawa?"));
    fixture.handle(ayu, dm(ayu), new Input.Typed("How many days can I carry over?"));

    assertThat(fixture.gateway.replies())
        .extracting(Reply::language)
        .containsExactly(Language.INDONESIAN, Language.ENGLISH);
  }

  @Test
  void should_answer_a_typed_number_for_the_card_waiting_in_this_conversation_in_place() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.Typed("quiz"));
    Sent card = fixture.gateway.recorded().isEmpty() ? null : last();

    fixture.handle(ayu, dm(ayu), new Input.Typed("1"));

    Reply.QuizFeedback feedback = (Reply.QuizFeedback) fixture.gateway.replies().get(1);
    assertThat(feedback.chosen()).isZero();
    assertThat(fixture.gateway.recorded().get(1).outgoing().placement())
        .isEqualTo(new Placement.Replace(card.message()));
  }

  @Test
  void should_record_a_question_asked_after_an_answer_as_just_in_time_practice() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.Typed("How many leave days carry over?"));
    Action quizMe =
        ((Reply.Answer) fixture.gateway.replies().get(0))
            .actions().stream()
                .filter(a -> a.id().equals(ActionIds.QUIZ_ME_ON_THIS))
                .findFirst()
                .orElseThrow();
    fixture.handle(
        ayu, dm(ayu), new Input.ActionInvoked(quizMe.id(), quizMe.value(), Optional.empty()));
    Reply.QuizQuestion question = (Reply.QuizQuestion) fixture.gateway.replies().get(1);
    assertThat(question.stem()).isEqualTo("Question leave-1?");

    Action first = question.choices().get(0);
    fixture.handle(
        ayu, dm(ayu), new Input.ActionInvoked(first.id(), first.value(), Optional.empty()));

    Learner learner = fixture.learners.findByIdentity("test", ayu.identity()).orElseThrow();
    assertThat(fixture.answers.answers(learner.id()))
        .extracting(AnswerEvent::context)
        .containsExactly(AnswerContext.JUST_IN_TIME);
  }

  @Test
  void should_count_an_unanswered_question_and_a_not_helpful_answer_as_gaps_of_the_askers_team() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.Typed("help"));
    Learner enrolled = fixture.learners.findByIdentity("test", ayu.identity()).orElseThrow();
    fixture.learners.save(
        new Learner(
            enrolled.id(),
            enrolled.identities(),
            enrolled.role(),
            "sales-jakarta",
            enrolled.manager(),
            enrolled.timezone(),
            enrolled.language(),
            enrolled.preferences()));

    fixture.handle(
        ayu, dm(ayu), new Input.Typed("Where is " + AssistantFixture.NOT_IN_THE_HANDBOOK + "?"));
    fixture.handle(ayu, dm(ayu), new Input.Typed("How many leave days carry over?"));
    Action notHelpful =
        ((Reply.Answer) fixture.gateway.replies().get(2))
            .actions().stream()
                .filter(a -> a.id().equals(ActionIds.NOT_HELPFUL))
                .findFirst()
                .orElseThrow();
    fixture.handle(
        ayu,
        dm(ayu),
        new Input.ActionInvoked(notHelpful.id(), notHelpful.value(), Optional.empty()));

    assertThat(fixture.gaps.mostFrequent("sales-jakarta", 10))
        .extracting(g -> g.kind() + " " + g.subject())
        .containsExactlyInAnyOrder(
            "UNANSWERED Where is " + AssistantFixture.NOT_IN_THE_HANDBOOK + "?",
            "NOT_HELPFUL leave-1.md");
  }

  @Test
  void should_tell_only_the_clicker_about_an_unknown_action_or_a_forged_card() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.ActionInvoked("lunch.order", "x", Optional.empty()));
    fixture.handle(
        ayu,
        dm(ayu),
        new Input.ActionInvoked(
            ActionIds.QUIZ_CHOICE, "q-AAAAAAAAAAAAAAAAAAAAAA.1", Optional.empty()));
    fixture.handle(
        ayu,
        dm(ayu),
        new Input.ActionInvoked(ActionIds.QUIZ_CHOICE, "../../etc", Optional.empty()));

    assertThat(fixture.gateway.recorded())
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.outgoing().reply()).isInstanceOf(Reply.Notice.class);
              assertThat(r.outgoing().audience().onlyUser()).contains(ayu);
            });
    assertThat(fixture.learners.findByIdentity("test", ayu.identity()))
        .map(l -> fixture.answers.answers(l.id()))
        .hasValueSatisfying(list -> assertThat(list).isEmpty());
  }

  @Test
  void should_ask_an_indonesian_reader_an_indonesian_item_on_the_same_skill() {
    ChannelUser ayu = user("ayu");
    fixture.assistant.handle(
        interaction(
            ayu,
            dm(ayu),
            new Input.Typed("kuis"),
            Optional.of(Locale.forLanguageTag("id")),
            ProfileHints.none()));

    Reply.QuizQuestion question = (Reply.QuizQuestion) fixture.gateway.replies().get(0);
    assertThat(question.language()).isEqualTo(Language.INDONESIAN);
    assertThat(question.stem()).isEqualTo("Berapa hari cuti yang bisa dibawa?");
  }

  @Test
  void should_refuse_an_answer_by_another_member_to_a_card_in_a_shared_conversation() {
    ConversationRef channel = ConversationRef.shared("test", "W1", "C-team");
    ChannelUser ana = user("ana");
    ChannelUser budi = user("budi");
    fixture.handle(ana, channel, new Input.Typed("quiz"));
    Reply.QuizQuestion card = (Reply.QuizQuestion) fixture.gateway.replies().get(0);
    Action first = card.choices().get(0);

    fixture.handle(
        budi, channel, new Input.ActionInvoked(first.id(), first.value(), Optional.empty()));

    Reply.Notice refusal = (Reply.Notice) fixture.gateway.replies().get(1);
    assertThat(refusal.kind()).isEqualTo(Reply.Notice.Kind.NOT_ALLOWED);
    assertThat(fixture.gateway.recorded().get(1).outgoing().audience().onlyUser()).contains(budi);
    assertThat(fixture.learners.findByIdentity("test", budi.identity()))
        .map(l -> fixture.answers.answers(l.id()))
        .hasValueSatisfying(list -> assertThat(list).isEmpty());
  }

  @Test
  void should_give_the_micro_lesson_after_two_misses() {
    ChannelUser ayu = user("ayu");
    fixture.handle(ayu, dm(ayu), new Input.Typed("skip")); // no placement test first
    Map<String, Integer> missesPerSkill = new java.util.HashMap<>();
    Reply reply = null;
    for (int asked = 0; asked < 6; asked++) {
      fixture.handle(ayu, dm(ayu), new Input.Typed("quiz"));
      List<Reply> replies = fixture.gateway.replies();
      reply = replies.get(replies.size() - 1);
      if (!(reply instanceof Reply.QuizQuestion question)) {
        break;
      }
      String skill = question.stem().contains("phishing") ? "phishing" : "leave";
      missesPerSkill.merge(skill, 1, Integer::sum);
      Action wrong = question.choices().get(2);
      fixture.handle(
          ayu, dm(ayu), new Input.ActionInvoked(wrong.id(), wrong.value(), Optional.empty()));
    }

    assertThat(reply).isInstanceOf(Reply.Lesson.class);
    assertThat(missesPerSkill.values()).as("two misses on one skill").contains(2);
    Reply.Lesson lesson = (Reply.Lesson) reply;
    String skill = lesson.source().source().contains("phishing") ? "phishing" : "leave";
    assertThat(lesson.course())
        .as("the skill's external course beside the handbook section")
        .map(Reply.Lesson.Course::url)
        .contains(
            skill.equals("leave")
                ? "https://lms.example.com/leave-101"
                : "https://lms.example.com/phishing-101");
    assertThat(fixture.records.lessons)
        .extracting(io.learnloop.dialog.learning.LessonViewed::source)
        .containsExactly(((Reply.Lesson) reply).source().source());
    assertThat(fixture.records.answers)
        .as("each recorded answer reported once")
        .hasSize(missesPerSkill.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void should_show_no_internals_when_a_part_fails() {
    AssistantFixture broken = new AssistantFixture();
    Assistant failing =
        new Assistant(
            List.of(broken.gateway),
            new InMemoryDeliveries(Clock.systemUTC()),
            new io.learnloop.dialog.identity.Enrollment(
                broken.learners, AssistantFixture.ANALYST, ZoneId.of("UTC")),
            new io.learnloop.dialog.channel.InMemoryConversationReferences(),
            io.learnloop.dialog.channel.AccessGroups.publicOnly(),
            (question, groups, language) -> {
              throw new IllegalStateException("connect to redis://:secret@10.0.0.5:6379 refused");
            },
            Optional.empty(),
            InteractionListener.NONE,
            Clock.systemUTC());
    ChannelUser ayu = user("ayu");

    failing.handle(
        interaction(
            ayu,
            dm(ayu),
            new Input.Typed("How much leave?"),
            Optional.empty(),
            ProfileHints.none()));

    Reply.Notice notice = (Reply.Notice) broken.gateway.replies().get(0);
    assertThat(notice.kind()).isEqualTo(Reply.Notice.Kind.UNAVAILABLE);
    assertThat(notice.text())
        .doesNotContain("redis")
        .doesNotContain("secret")
        .doesNotContain("Exception");
    broken.close();
  }

  private Sent last() {
    var recorded = fixture.gateway.recorded();
    var r = recorded.get(recorded.size() - 1);
    return new Sent(r.message(), r.outgoing());
  }
}
