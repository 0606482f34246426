package io.learnloop.dialog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Audience;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.AssistantFixture;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkAccountsTest {

  private static final Pattern CODE = Pattern.compile("\\b([2-9A-HJ-NP-Z]{8})\\b");

  private final AssistantFixture fixture = new AssistantFixture();
  private final ChannelUser ana = AssistantFixture.user("ana");
  private final ChannelUser anaElsewhere = new ChannelUser("other", "W9", "ana-9");
  private final ChannelUser budi = new ChannelUser("other", "W9", "budi-9");

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_join_the_second_channel_to_the_learner_who_asked_for_the_code() {
    String code = codeFor(ana);

    Reply.Notice linked = typeOther(anaElsewhere, "link " + code);

    assertThat(linked.kind()).isEqualTo(Reply.Notice.Kind.INFO);
    assertThat(linked.text()).startsWith("Linked");
    assertThat(learnerOf(anaElsewhere).id()).isEqualTo(learnerOf(ana).id());
    assertThat(fixture.references.direct(learnerOf(ana).id(), "other"))
        .as("the daily quiz can reach the new channel")
        .map(ConversationRef::conversation)
        .contains("dm-" + anaElsewhere.user());
  }

  @Test
  void should_show_the_code_to_the_asker_only_and_link_with_the_slash_command_in_indonesian() {
    fixture.assistant.handle(
        AssistantFixture.interaction(
            ana,
            AssistantFixture.dm(ana),
            new Input.CommandInvoked(Command.LINK, ""),
            Optional.of(Locale.forLanguageTag("id")),
            ProfileHints.none()));
    RecordingChatGateway.Recorded shown = last(fixture.gateway);
    String text = ((Reply.Notice) shown.outgoing().reply()).text();
    assertThat(shown.outgoing().audience()).isEqualTo(Audience.only(ana));
    assertThat(text).startsWith("Kode tautan").contains("10 menit");

    fixture.assistant.handle(
        AssistantFixture.interaction(
            anaElsewhere,
            otherDm(anaElsewhere),
            new Input.CommandInvoked(Command.LINK, code(text).toLowerCase(Locale.ROOT)),
            Optional.of(Locale.forLanguageTag("id")),
            ProfileHints.none()));

    assertThat(((Reply.Notice) last(fixture.other).outgoing().reply()).text())
        .startsWith("Tertaut");
    assertThat(learnerOf(anaElsewhere).id()).isEqualTo(learnerOf(ana).id());
  }

  @Test
  void should_refuse_a_code_used_twice_and_leave_the_second_person_alone() {
    String code = codeFor(ana);
    typeOther(anaElsewhere, "link " + code);

    Reply.Notice refused = typeOther(budi, "link " + code);

    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(refused.text()).contains("not valid").contains("used already");
    assertThat(learnerOf(budi).id()).isNotEqualTo(learnerOf(ana).id());
    assertThat(learnerOf(ana).identities()).containsEntry("other", anaElsewhere.identity());
  }

  @Test
  void should_refuse_an_unknown_code_and_a_code_typed_where_it_was_made() {
    Reply.Notice unknown = typeOther(anaElsewhere, "link ZZZZ2222");
    String code = codeFor(ana);
    fixture.handle(ana, AssistantFixture.dm(ana), new Input.Typed("/link " + code));
    Reply.Notice sameChannel = (Reply.Notice) last(fixture.gateway).outgoing().reply();

    assertThat(unknown.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(unknown.text()).contains("not valid");
    assertThat(sameChannel.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(sameChannel.text()).contains("two different apps");
    assertThat(learnerOf(ana).identities()).doesNotContainKey("other");
    assertThat(fixture.learners.findByIdentity("other", anaElsewhere.identity()))
        .map(Learner::id)
        .isNotEqualTo(Optional.of(learnerOf(ana).id()));
  }

  @Test
  void should_refuse_to_link_an_account_whose_learner_has_answers_and_keep_them() {
    typeOther(budi, "quiz");
    Reply.QuizQuestion question = (Reply.QuizQuestion) last(fixture.other).outgoing().reply();
    Action choice = question.choices().get(0);
    fixture.handle(
        budi,
        otherDm(budi),
        new Input.ActionInvoked(choice.id(), choice.value(), Optional.empty()));
    LearnerId budisOwn = learnerOf(budi).id();
    String code = codeFor(ana);

    Reply.Notice refused = typeOther(budi, "link " + code);

    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(refused.text()).contains("(1 answer)").contains("forget-me");
    assertThat(learnerOf(budi).id()).isEqualTo(budisOwn);
    assertThat(fixture.answers.answers(budisOwn)).hasSize(1);
    assertThat(learnerOf(ana).identities()).doesNotContainKey("other");
  }

  @Test
  void should_replace_a_learner_without_answers_and_delete_it() {
    typeOther(budi, "help");
    LearnerId unused = learnerOf(budi).id();
    String code = codeFor(ana);

    Reply.Notice linked = typeOther(budi, "link " + code);

    assertThat(linked.kind()).isEqualTo(Reply.Notice.Kind.INFO);
    assertThat(learnerOf(budi).id()).isEqualTo(learnerOf(ana).id());
    assertThat(fixture.learners.find(unused)).isEmpty();
  }

  @Test
  void should_refuse_a_second_account_on_a_channel_the_learner_is_linked_on() {
    typeOther(anaElsewhere, "link " + codeFor(ana));

    Reply.Notice refused = typeOther(budi, "link " + codeFor(ana));

    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.INVALID);
    assertThat(refused.text()).contains("another other account");
    assertThat(learnerOf(ana).identities()).containsEntry("other", anaElsewhere.identity());
  }

  @Test
  void should_answer_a_question_that_starts_with_the_word_link() {
    fixture.handle(ana, AssistantFixture.dm(ana), new Input.Typed("link to the leave policy?"));

    assertThat(last(fixture.gateway).outgoing().reply()).isInstanceOf(Reply.Answer.class);
  }

  private String codeFor(ChannelUser who) {
    fixture.handle(who, AssistantFixture.dm(who), new Input.Typed("link"));
    return code(((Reply.Notice) last(fixture.gateway).outgoing().reply()).text());
  }

  private static String code(String text) {
    Matcher found = CODE.matcher(text);
    assertThat(found.find()).as("a code in: " + text).isTrue();
    return found.group(1);
  }

  private Reply.Notice typeOther(ChannelUser who, String text) {
    fixture.handle(who, otherDm(who), new Input.Typed(text));
    Reply reply = last(fixture.other).outgoing().reply();
    return reply instanceof Reply.Notice notice ? notice : null;
  }

  private static ConversationRef otherDm(ChannelUser who) {
    return ConversationRef.direct("other", who.workspace(), "dm-" + who.user());
  }

  private Learner learnerOf(ChannelUser who) {
    return fixture.learners.findByIdentity(who.channel(), who.identity()).orElseThrow();
  }

  private static RecordingChatGateway.Recorded last(RecordingChatGateway gateway) {
    List<RecordingChatGateway.Recorded> recorded = gateway.recorded();
    return recorded.get(recorded.size() - 1);
  }
}
