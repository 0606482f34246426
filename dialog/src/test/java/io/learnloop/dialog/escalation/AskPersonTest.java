package io.learnloop.dialog.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.AssistantFixture;
import io.learnloop.dialog.conversation.Sent;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.quiz.InMemoryOpenQuestions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AskPersonTest {

  private static final ChannelUser ANA = AssistantFixture.user("ana");
  private static final ChannelUser BUDI = AssistantFixture.user("budi");
  private static final ChannelUser HANA = AssistantFixture.user("hana-in-hr");
  private static final ChannelUser EXPERT = AssistantFixture.user("expert-eko");
  private static final ConversationRef EXPERTS =
      ConversationRef.shared("test", "W1", AssistantFixture.EXPERTS);

  private final AssistantFixture fixture =
      new AssistantFixture(
          new InMemoryLearners(),
          new InMemoryOpenQuestions(),
          new io.learnloop.dialog.channel.InMemoryDeliveries(Clock.systemUTC()),
          Map.of("hr", Set.of(HANA.key())),
          null);
  private final RecordingChatGateway gateway = fixture.gateway;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void should_offer_ask_a_person_in_the_readers_language_when_experts_read_the_topic() {
    Reply.Answer english = ask(ANA, AssistantFixture.dm(ANA), "How many leave days carry over?");
    Reply.Answer indonesian =
        (Reply.Answer)
            fixture
                .assistant
                .handle(
                    AssistantFixture.interaction(
                        BUDI,
                        AssistantFixture.dm(BUDI),
                        new Input.Typed("Berapa hari cuti yang bisa dibawa?"),
                        Optional.of(Locale.forLanguageTag("id-ID")),
                        ProfileHints.none()))
                .get(0)
                .outgoing()
                .reply();

    assertThat(askPerson(english).label()).isEqualTo("Ask a person");
    assertThat(askPerson(indonesian).label()).isEqualTo("Tanya orang");
    assertThat(english.actions())
        .extracting(Action::id)
        .containsSubsequence(ActionIds.HELPFUL, ActionIds.NOT_HELPFUL, ActionIds.ASK_PERSON);
  }

  @Test
  void should_not_offer_it_on_a_channel_where_nobody_configured_experts() {
    ChannelUser onOther = new ChannelUser("other", "W1", "ana");

    List<Sent> sent =
        fixture.assistant.handle(
            AssistantFixture.interaction(
                onOther,
                ConversationRef.direct("other", "W1", "dm-ana"),
                new Input.Typed("How many leave days carry over?"),
                Optional.empty(),
                ProfileHints.none()));

    Reply.Answer answer = (Reply.Answer) sent.get(0).outgoing().reply();
    assertThat(answer.actions()).extracting(Action::id).doesNotContain(ActionIds.ASK_PERSON);
  }

  @Test
  void should_post_the_question_and_sources_to_the_experts_once_and_tell_a_second_press() {
    ConversationRef dm = AssistantFixture.dm(ANA);
    Reply.Answer answer = ask(ANA, dm, "How many leave days carry over?");
    MessageRef answerMessage = lastMessage();

    Reply.Notice first = press(ANA, dm, askPerson(answer), answerMessage);
    Reply.Notice second = press(ANA, dm, askPerson(answer), answerMessage);

    List<RecordingChatGateway.Recorded> posts = postsToExperts();
    assertThat(posts).hasSize(1);
    RecordingChatGateway.Recorded post = posts.get(0);
    assertThat(post.outgoing().placement()).isEqualTo(new Placement.NewThread());
    assertThat(post.outgoing().audience().onlyUser()).isEmpty();
    Reply.QuestionForExperts question = (Reply.QuestionForExperts) post.outgoing().reply();
    assertThat(question.asker()).isEqualTo(ANA);
    assertThat(question.question()).isEqualTo("How many leave days carry over?");
    assertThat(question.sources()).isEqualTo(answer.citations());
    assertThat(question.link()).as("experts cannot open someone's direct chat").isEmpty();
    assertThat(first.text()).isEqualTo(Messages.get(Language.ENGLISH, "experts.posted"));
    assertThat(second.text()).isEqualTo(Messages.get(Language.ENGLISH, "experts.already"));
  }

  @Test
  void should_link_the_experts_to_a_question_asked_in_a_channel() {
    ConversationRef thread = ConversationRef.shared("test", "W1", "C-general").inThread("t-1");
    Reply.Answer answer = ask(ANA, thread, "How many leave days carry over?");
    MessageRef answerMessage = lastMessage();

    press(ANA, thread, askPerson(answer), answerMessage);

    Reply.QuestionForExperts question =
        (Reply.QuestionForExperts) postsToExperts().get(0).outgoing().reply();
    assertThat(question.link()).isEqualTo(gateway.linkTo(answerMessage).orElseThrow());
  }

  @Test
  void should_refuse_a_press_by_someone_other_than_the_asker() {
    ConversationRef thread = ConversationRef.shared("test", "W1", "C-general").inThread("t-2");
    Reply.Answer answer = ask(ANA, thread, "How many leave days carry over?");

    Reply.Notice refused = press(BUDI, thread, askPerson(answer), lastMessage());

    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.NOT_ALLOWED);
    assertThat(postsToExperts()).isEmpty();
    assertThat(press(ANA, thread, askPerson(answer), lastMessage()).kind())
        .as("the asker can still pass it on")
        .isEqualTo(Reply.Notice.Kind.INFO);
  }

  @Test
  void should_refuse_a_forged_or_unknown_offer_and_post_nothing() {
    ConversationRef dm = AssistantFixture.dm(ANA);
    ask(ANA, dm, "How many leave days carry over?");

    for (String forged : List.of("AAAAAAAAAAAAAAAAAAAAAA", "../../admin", "")) {
      Reply.Notice refused =
          press(ANA, dm, Action.of(ActionIds.ASK_PERSON, forged, "Ask a person"), lastMessage());
      assertThat(refused.kind()).as(forged).isEqualTo(Reply.Notice.Kind.INVALID);
    }
    assertThat(postsToExperts()).isEmpty();
  }

  @Test
  void should_never_post_an_answer_that_used_a_restricted_document_and_say_why() {
    ConversationRef dm = AssistantFixture.dm(HANA);
    Reply.Answer answer = ask(HANA, dm, "What are the salary bands?");
    assertThat(answer.citations()).extracting(c -> c.title()).contains("Salary bands 2027");

    Reply.Notice refused = press(HANA, dm, askPerson(answer), lastMessage());

    assertThat(refused.kind()).isEqualTo(Reply.Notice.Kind.NOT_ALLOWED);
    assertThat(refused.text()).isEqualTo(Messages.get(Language.ENGLISH, "experts.restricted"));
    assertThat(postsToExperts()).isEmpty();
    assertThat(gateway.recorded())
        .filteredOn(r -> r.where().shared())
        .noneSatisfy(
            r -> assertThat(r.outgoing().reply().toString()).contains("Salary bands 2027"));
  }

  @Test
  void should_post_a_group_members_answer_whose_sources_a_public_search_finds_too() {
    ConversationRef dm = AssistantFixture.dm(HANA);
    Reply.Answer answer = ask(HANA, dm, "How many leave days carry over?");
    assertThat(answer.publicSourcesOnly()).as("asked with the hr group").isFalse();

    Reply.Notice posted = press(HANA, dm, askPerson(answer), lastMessage());

    assertThat(posted.kind()).isEqualTo(Reply.Notice.Kind.INFO);
    assertThat(((Reply.QuestionForExperts) postsToExperts().get(0).outgoing().reply()).sources())
        .extracting(c -> c.title())
        .containsExactly("Annual leave");
  }

  @Test
  void should_tell_the_asker_in_their_conversation_what_an_expert_replied_in_the_thread() {
    ConversationRef dm = AssistantFixture.dm(ANA).inThread("dm-thread-1");
    Reply.Answer answer = ask(ANA, dm, "How many leave days carry over?");
    press(ANA, dm, askPerson(answer), lastMessage());
    MessageRef post = postsToExperts().get(0).message();
    gateway.clear();

    List<Sent> sent =
        fixture.handle(
            EXPERT,
            EXPERTS.inThread(post.messageId()),
            new Input.ThreadMessage("Five, and they lapse on 31 March.", "m-reply-1"));

    assertThat(sent).hasSize(1);
    RecordingChatGateway.Recorded told = gateway.recorded().get(0);
    assertThat(told.where()).isEqualTo(dm);
    assertThat(told.outgoing().audience().onlyUser()).isEmpty();
    Reply.ExpertReplied replied = (Reply.ExpertReplied) told.outgoing().reply();
    assertThat(replied.expert()).isEqualTo(EXPERT);
    assertThat(replied.question()).isEqualTo("How many leave days carry over?");
    assertThat(replied.text()).isEqualTo("Five, and they lapse on 31 March.");
    assertThat(replied.link())
        .isEqualTo(gateway.linkTo(new MessageRef(EXPERTS, "m-reply-1")).orElseThrow());
  }

  @Test
  void should_tell_an_asker_in_a_channel_alone_and_not_answer_the_expert_as_a_question() {
    ConversationRef thread = ConversationRef.shared("test", "W1", "C-general").inThread("t-3");
    Reply.Answer answer = ask(ANA, thread, "How many leave days carry over?");
    press(ANA, thread, askPerson(answer), lastMessage());
    MessageRef post = postsToExperts().get(0).message();
    gateway.clear();

    // An expert who @mentions the bot in the thread is still replying to the asker.
    fixture.handle(
        EXPERT, EXPERTS.inThread(post.messageId()), new Input.Typed("How many? Five days."));

    assertThat(gateway.recorded()).hasSize(1);
    assertThat(gateway.recorded().get(0).outgoing().audience().onlyUser()).contains(ANA);
    assertThat(gateway.recorded().get(0).outgoing().reply())
        .isInstanceOf(Reply.ExpertReplied.class);
  }

  @Test
  void should_keep_out_of_threads_it_did_not_start_for_the_experts() {
    ConversationRef dm = AssistantFixture.dm(ANA);
    Reply.Answer answer = ask(ANA, dm, "How many leave days carry over?");
    press(ANA, dm, askPerson(answer), lastMessage());
    MessageRef post = postsToExperts().get(0).message();
    gateway.clear();

    fixture.handle(
        EXPERT, EXPERTS.inThread("someone-elses-thread"), new Input.ThreadMessage("Lunch?", "m-2"));
    fixture.handle(
        EXPERT,
        ConversationRef.shared("test", "W1", "C-random").inThread("t-9"),
        new Input.ThreadMessage("How many leave days carry over?", "m-3"));
    // The asker writing in the experts' thread is talking to them, not to be told of it.
    fixture.handle(
        ANA, EXPERTS.inThread(post.messageId()), new Input.ThreadMessage("Thanks!", "m-4"));

    assertThat(gateway.recorded()).isEmpty();
  }

  @Test
  void should_forget_what_a_person_passed_to_the_experts_when_they_are_forgotten() {
    ConversationRef dm = AssistantFixture.dm(ANA);
    Reply.Answer answer = ask(ANA, dm, "How many leave days carry over?");
    press(ANA, dm, askPerson(answer), lastMessage());
    MessageRef post = postsToExperts().get(0).message();
    fixture.handle(ANA, dm, new Input.CommandInvoked(Command.FORGET_ME, ""));
    fixture.handle(
        ANA,
        dm,
        new Input.ActionInvoked(ActionIds.FORGET_CONFIRMED, "", Optional.of(lastMessage())));
    gateway.clear();

    fixture.handle(
        EXPERT, EXPERTS.inThread(post.messageId()), new Input.ThreadMessage("Five.", "m-9"));

    assertThat(gateway.recorded()).as("nobody left to tell").isEmpty();
    assertThat(fixture.escalations.inThread(Escalation.threadKey(EXPERTS, post.messageId())))
        .isEmpty();
  }

  @Test
  void should_give_the_press_back_when_the_experts_channel_refuses_the_post() {
    InMemoryEscalations escalations = new InMemoryEscalations(Clock.systemUTC());
    AskPerson askPerson =
        new AskPerson(
            new ExpertChannels(Map.of(ExpertChannels.DEFAULT, Map.of("test", "C-gone"))),
            escalations,
            (question, language) -> Optional.empty());
    Interaction asked =
        AssistantFixture.interaction(
            ANA,
            AssistantFixture.dm(ANA),
            new Input.Typed("How many leave days carry over?"),
            Optional.empty(),
            ProfileHints.none());
    Action button =
        askPerson
            .offer(
                asked,
                Language.ENGLISH,
                "How many leave days carry over?",
                List.of(),
                true,
                List.of())
            .orElseThrow();
    RefusingGateway refusing = new RefusingGateway();

    Reply.Notice failed =
        askPerson.press(refusing, ANA, button.value(), Optional.empty(), Language.ENGLISH);
    refusing.refuse = false;
    Reply.Notice retried =
        askPerson.press(refusing, ANA, button.value(), Optional.empty(), Language.ENGLISH);

    assertThat(failed.kind()).isEqualTo(Reply.Notice.Kind.UNAVAILABLE);
    assertThat(failed.text()).isEqualTo(Messages.get(Language.ENGLISH, "experts.failed"));
    assertThat(retried.text())
        .as("a failed post leaves the question to be passed on")
        .isEqualTo(Messages.get(Language.ENGLISH, "experts.posted"));
    assertThat(refusing.posted).isEqualTo(1);
  }

  /** A channel that refuses every post until told otherwise, as Slack's not_in_channel does. */
  private static final class RefusingGateway implements ChatGateway {
    volatile boolean refuse = true;
    int posted;

    @Override
    public String channel() {
      return "test";
    }

    @Override
    public MessageRef send(ConversationRef where, Outgoing message) {
      if (refuse) {
        throw new DeliveryFailedException("not_in_channel", false, null);
      }
      posted++;
      return new MessageRef(where, "p" + posted);
    }

    @Override
    public ConversationRef openDirect(ChannelUser user) {
      return AssistantFixture.dm(user);
    }
  }

  private Reply.Answer ask(ChannelUser who, ConversationRef where, String question) {
    List<Sent> sent = fixture.handle(who, where, new Input.Typed(question));
    return (Reply.Answer) sent.get(0).outgoing().reply();
  }

  private Reply.Notice press(
      ChannelUser who, ConversationRef where, Action action, MessageRef message) {
    List<Sent> sent =
        fixture.handle(
            who, where, new Input.ActionInvoked(action.id(), action.value(), Optional.of(message)));
    assertThat(sent.get(sent.size() - 1).outgoing().audience().onlyUser()).contains(who);
    return (Reply.Notice) sent.get(sent.size() - 1).outgoing().reply();
  }

  private static Action askPerson(Reply.Answer answer) {
    return answer.actions().stream()
        .filter(a -> a.id().equals(ActionIds.ASK_PERSON))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Ask a person on " + answer));
  }

  private MessageRef lastMessage() {
    List<RecordingChatGateway.Recorded> recorded = gateway.recorded();
    return recorded.get(recorded.size() - 1).message();
  }

  private List<RecordingChatGateway.Recorded> postsToExperts() {
    return gateway.recorded().stream()
        .filter(r -> r.where().conversation().equals(AssistantFixture.EXPERTS))
        .toList();
  }
}
