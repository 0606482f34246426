package io.learnloop.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.app.TestDataDir;
import io.learnloop.app.knowledge.KnowledgeService;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.conversation.FollowUps;
import io.learnloop.dialog.conversation.InMemoryConversationHistory;
import io.learnloop.knowledge.answer.Answer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Follow-ups in a thread over the bundled handbook: the follow-up alone, and as {@link FollowUps}
 * searches it (after the question it follows). Each pair's follow-up names only what differs from
 * the first question; the fact is the one the follow-up asks for. Runs in the Slack tests' context
 * to share its index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SlackWorkspace.Initializer.class)
@Import(SlackWorkspace.Recording.class)
class ThreadFollowUpAnswersTest {

  record Pair(String first, String followUp, String document, String fact, String language) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "What is the hotel limit per night in Jakarta?",
              "and in Singapore?",
              "perjalanan-dinas.md",
              "SGD 250",
              "en"),
          new Pair(
              "What is the daily allowance on a business trip in Java and Bali?",
              "and in Singapore?",
              "perjalanan-dinas.md",
              "SGD 70",
              "en"),
          new Pair(
              "How quickly must the incident commander be in place for a SEV2?",
              "and for a SEV1?",
              "incident-handling.md",
              "15 minutes",
              "en"),
          new Pair(
              "How long does IT take to replace a stolen laptop in Jakarta?",
              "and in Singapore?",
              "security-basics.md",
              "3 working days",
              "en"),
          new Pair(
              "What are the core hours in Jakarta?",
              "what about colleagues in Singapore?",
              "onboarding-tools.md",
              "11:00 to 17:00",
              "en"),
          new Pair(
              "Who approves an expense claim of IDR 5,000,000?",
              "and above IDR 10,000,000?",
              "expenses.md",
              "Chief Financial Officer",
              "en"),
          new Pair(
              "Berapa batas harga hotel per malam di Jakarta?",
              "kalau di Singapura?",
              "perjalanan-dinas.md",
              "SGD 250",
              "id"),
          new Pair(
              "Berapa uang harian perjalanan dinas di Pulau Jawa?",
              "bagaimana dengan Singapura?",
              "perjalanan-dinas.md",
              "SGD 70",
              "id"));

  @Autowired TestRestTemplate http;
  @Autowired KnowledgeService knowledge;

  @BeforeEach
  void awaitIndex() {
    TestDataDir.awaitKnowledgeReady(http);
  }

  @Test
  void should_answer_more_follow_ups_with_the_threads_question_than_alone() {
    int aloneCited = 0;
    int aloneFact = 0;
    int withContextCited = 0;
    int withContextFact = 0;
    for (Pair pair : PAIRS) {
      FollowUps followUps = new FollowUps(new InMemoryConversationHistory(), Clock.systemUTC());
      ConversationRef dm = ConversationRef.direct("slack", SlackWorkspace.TEAM, "D0MEASURE1");
      followUps.answered(
          dm,
          new FollowUps.Question(pair.first(), Optional.empty()),
          Optional.of(new MessageRef(dm, "1733000000.000001")));
      String searched =
          followUps.question(dm.inThread("1733000000.000001"), pair.followUp()).searched();
      Answer alone = ask(pair.followUp(), pair.language());
      Answer withContext = ask(searched, pair.language());
      aloneCited += citesFirst(alone, pair.document()) ? 1 : 0;
      aloneFact += states(alone, pair.fact()) ? 1 : 0;
      withContextCited += citesFirst(withContext, pair.document()) ? 1 : 0;
      withContextFact += states(withContext, pair.fact()) ? 1 : 0;
      System.out.printf(
          "follow-up %-38s alone: cited=%-5s fact=%-5s | with the thread: cited=%-5s fact=%s%n",
          "'" + pair.followUp() + "'",
          citesFirst(alone, pair.document()),
          states(alone, pair.fact()),
          citesFirst(withContext, pair.document()),
          states(withContext, pair.fact()));
    }
    System.out.printf(
        "follow-ups (%d): expected document first alone %d, with the thread %d;"
            + " fact in the answer alone %d, with the thread %d%n",
        PAIRS.size(), aloneCited, withContextCited, aloneFact, withContextFact);

    assertThat(withContextCited).isGreaterThan(aloneCited);
    assertThat(withContextFact).isGreaterThan(aloneFact);
    assertThat(withContextCited).isGreaterThanOrEqualTo(PAIRS.size() - 1);
  }

  private Answer ask(String question, String language) {
    return knowledge.ask(question, Set.of(), language).orElseThrow();
  }

  private static boolean citesFirst(Answer answer, String document) {
    return !answer.abstained()
        && !answer.citations().isEmpty()
        && answer.citations().get(0).source().contains(document);
  }

  private static boolean states(Answer answer, String fact) {
    return !answer.abstained()
        && answer.text().toLowerCase(Locale.ROOT).contains(fact.toLowerCase(Locale.ROOT));
  }
}
