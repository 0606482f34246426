package io.learnloop.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpsTest {

  private static final String JAKARTA = "What is the hotel limit per night in Jakarta?";
  private static final ConversationRef DM = ConversationRef.direct("test", "W1", "D1");

  private static final Pattern QUESTION =
      Pattern.compile("\"question\": \"((?:[^\"\\\\]|\\\\.)*)\"");

  private final FollowUps followUps =
      new FollowUps(new InMemoryConversationHistory(), Clock.systemUTC());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "and in Singapore?",
        "Singapore?",
        "What about Singapore?",
        "how about for managers?",
        "kalau di Singapura?",
        "bagaimana dengan Surabaya?",
        "dan untuk SEV1?"
      })
  void should_take_a_connective_or_a_few_words_without_a_question_word_as_a_follow_up(String text) {
    assertThat(FollowUps.elliptical(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is SEV1?",
        "How do I report phishing?",
        "Berapa hari cuti sakit?",
        "How many unused annual leave days can I carry over into next year?",
        "Laptops for new joiners are prepared by whom exactly?"
      })
  void should_take_a_question_of_its_own_as_standing_alone(String text) {
    assertThat(FollowUps.elliptical(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../eval/sample-handbook-questions.jsonl", "../eval/18f-questions.jsonl"})
  void should_take_no_question_of_the_evaluation_sets_for_a_follow_up(String file)
      throws IOException {
    List<String> questions =
        Files.readAllLines(Path.of(file)).stream()
            .map(QUESTION::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .toList();

    assertThat(questions).hasSizeGreaterThan(30);
    assertThat(questions).filteredOn(FollowUps::elliptical).isEmpty();
  }

  @Test
  void should_search_a_follow_up_in_the_thread_of_an_answer_with_the_question_it_answered() {
    answered(DM, JAKARTA, "1733.000100");

    FollowUps.Question next = followUps.question(DM.inThread("1733.000100"), "and in Singapore?");

    assertThat(next.searched()).isEqualTo(JAKARTA + " and in Singapore?");
    assertThat(next.asked()).isEqualTo("and in Singapore?");
  }

  @Test
  void should_search_a_chain_of_follow_ups_each_with_the_question_they_all_follow() {
    ConversationRef thread = DM.inThread("1733.000100");
    answered(DM, JAKARTA, "1733.000100");
    answered(thread, followUps.question(thread, "and in Singapore?"), "1733.000200");

    assertThat(followUps.question(thread, "and Bali?").searched())
        .isEqualTo(JAKARTA + " and Bali?");
    assertThat(followUps.question(DM.inThread("1733.000200"), "and Surabaya?").searched())
        .as("a reply to the follow-up's own answer")
        .isEqualTo(JAKARTA + " and Surabaya?");
  }

  @Test
  void should_let_a_new_question_in_the_thread_become_what_follow_ups_follow() {
    ConversationRef mention = ConversationRef.shared("test", "W1", "C1").inThread("1733.000300");
    answered(mention, JAKARTA, "1733.000301");
    answered(mention, followUps.question(mention, "What is SEV1?"), "1733.000302");

    assertThat(followUps.question(mention, "and SEV2?").searched())
        .isEqualTo("What is SEV1? and SEV2?");
  }

  @Test
  void should_search_a_question_alone_outside_threads_in_other_threads_and_when_it_stands_alone() {
    answered(DM, JAKARTA, "1733.000100");

    assertThat(followUps.question(DM, "and in Singapore?").follows()).isEmpty();
    assertThat(followUps.question(DM.inThread("1733.999999"), "and in Singapore?").follows())
        .isEmpty();
    assertThat(
            followUps
                .question(
                    ConversationRef.direct("test", "W1", "D2").inThread("1733.000100"), "and?")
                .follows())
        .as("the same thread id in another conversation")
        .isEmpty();
    assertThat(followUps.question(DM.inThread("1733.000100"), "What is SEV1?").follows()).isEmpty();
  }

  @Test
  void should_search_the_follow_up_alone_when_the_history_is_down() {
    ConversationHistory down =
        new ConversationHistory() {
          @Override
          public void append(ConversationId conversation, ChatTurn turn) {
            throw new HistoryUnavailableException("down", new RuntimeException());
          }

          @Override
          public List<ChatTurn> latest(ConversationId conversation, int limit) {
            throw new HistoryUnavailableException("down", new RuntimeException());
          }
        };
    FollowUps offline = new FollowUps(down, Clock.systemUTC());
    ConversationRef thread = DM.inThread("1733.000100");

    offline.answered(thread, new FollowUps.Question(JAKARTA, Optional.empty()), Optional.empty());

    assertThat(offline.question(thread, "and in Singapore?").searched())
        .isEqualTo("and in Singapore?");
  }

  private void answered(ConversationRef where, String question, String answerTs) {
    answered(where, new FollowUps.Question(question, Optional.empty()), answerTs);
  }

  private void answered(ConversationRef where, FollowUps.Question question, String answerTs) {
    followUps.answered(
        where, question, Optional.of(new MessageRef(where.withoutThread(), answerTs)));
  }
}
