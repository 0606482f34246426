package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quiz loop of the web chat, through the real controller, content and embedded Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizWebChatTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
  }

  @Autowired TestRestTemplate http;
  @Autowired LearningContent content;
  @Autowired AnswerLog answers;
  @Autowired Learners learners;
  @Autowired DataSettings data;
  @LocalServerPort int port;

  @Test
  void should_write_no_xapi_statement_without_an_lrs() {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    browser.click(card, 0);

    assertThat(answers.answers(learnerOf(browser))).hasSize(1);
    assertThat(data.dataDir().resolve("xapi")).doesNotExist();
    assertThat(
            http.getForObject("/actuator/health", JsonNode.class)
                .at("/components/xapi/details/enabled")
                .asText())
        .isEqualTo("false");
  }

  @Test
  void should_show_the_choices_once_as_buttons_with_the_reason() {
    WebChatClient browser = new WebChatClient(port, "en");

    JsonNode card = browser.say("quiz me").at("/messages/0/message");

    Item item = item(card);
    assertThat(card.at("/kind").asText()).isEqualTo("quiz");
    assertThat(card.at("/language").asText()).isEqualTo("en");
    assertThat(card.at("/quiz/stem").asText()).isEqualTo(item.question());
    assertThat(card.at("/quiz/reason").asText())
        .as("a new learner's first question is the placement test's")
        .startsWith("Placement test, question 1 of at most 8");
    assertThat(card.at("/actions")).hasSize(item.choices().size());
    assertThat(card.at("/actions/0/label").asText()).isEqualTo(item.choices().get(0));
    assertThat(card.toString()).doesNotContain("1. ").doesNotContain("Reply with");
  }

  @Test
  void should_replace_the_card_with_feedback_and_count_a_double_click_once() {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    Item item = item(card);

    JsonNode first = browser.click(card, item.answer()).at("/messages/0");
    JsonNode second =
        browser.click(card, (item.answer() + 1) % item.choices().size()).at("/messages/0");

    assertThat(first.at("/replaces").asBoolean()).isTrue();
    assertThat(first.at("/message/id").asText()).isEqualTo(card.at("/id").asText());
    assertThat(first.at("/message/kind").asText()).isEqualTo("feedback");
    assertThat(first.at("/message/feedback/headline").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "quiz.right"));
    assertThat(first.at("/message/feedback/explanation").asText()).isEqualTo(item.explanation());
    String link = "/docs/" + item.source().substring("handbook/".length());
    assertThat(first.at("/message/feedback/readMore/url").asText()).isEqualTo(link);
    assertThat(second.at("/message/feedback/chosen").asInt())
        .as("the second click is told what counted")
        .isEqualTo(item.answer());
    assertThat(second.at("/message/feedback/note").asText())
        .isEqualTo(
            Messages.get(
                Language.ENGLISH, "quiz.counted-choice", item.choices().get(item.answer())));
    LearnerId learner = learnerOf(browser);
    assertThat(answers.stats(learner).answers()).isEqualTo(1);
    assertThat(answers.stats(learner).correct()).isEqualTo(1);
    assertThat(
            http.getForEntity(link.substring(0, link.indexOf('#')), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void should_restore_the_feedback_in_place_of_its_card_after_a_reload() {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    browser.click(card, 0);

    JsonNode turns = browser.history().at("/turns");

    assertThat(turns).hasSize(2);
    assertThat(turns.get(1).at("/message/id").asText()).isEqualTo(card.at("/id").asText());
    assertThat(turns.get(1).at("/message/kind").asText()).isEqualTo("feedback");
  }

  @Test
  void should_take_a_typed_number_as_the_answer_in_indonesian_after_kuis() {
    WebChatClient browser = new WebChatClient(port, "id");
    JsonNode card = browser.say("kuis").at("/messages/0/message");
    Item item = item(card);
    int wrong = (item.answer() + 1) % item.choices().size();

    JsonNode feedback = browser.say(Integer.toString(wrong + 1)).at("/messages/0");

    assertThat(card.at("/language").asText()).isEqualTo("id");
    assertThat(card.at("/quiz/reason").asText()).startsWith("Tes penempatan, soal 1");
    assertThat(feedback.at("/replaces").asBoolean()).isTrue();
    assertThat(feedback.at("/message/feedback/headline").asText())
        .isEqualTo(Messages.get(Language.INDONESIAN, "quiz.wrong", item.correctChoice()));
    LearnerId learner = learnerOf(browser);
    assertThat(answers.stats(learner).correct()).isZero();
    assertThat(answers.due(learner, java.time.Instant.now().plusSeconds(86400 * 2), 10))
        .containsExactly(item.id());
  }

  @Test
  void should_skip_the_placement_test_with_its_button_and_go_on_with_the_role_path() {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    JsonNode feedback = browser.click(card, item(card).answer()).at("/messages/0/message");
    assertThat(feedback.at("/actions/1/label").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "action.skip-placement"));

    JsonNode skipped = browser.click(feedback, 1).at("/messages/0/message");
    JsonNode next = browser.click(skipped, 0).at("/messages/0/message");

    assertThat(skipped.at("/text").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "pretest.skipped"));
    assertThat(next.at("/kind").asText()).isEqualTo("quiz");
    assertThat(next.at("/quiz/reason").asText()).doesNotStartWith("Placement test");
    assertThat(learners.skippedPlacement(learnerOf(browser))).isTrue();
  }

  @Test
  void should_refuse_a_forged_or_unknown_card_and_record_nothing() {
    WebChatClient browser = new WebChatClient(port, "en");
    browser.say("help");

    JsonNode unknown =
        WebChatClient.json(
            browser.send(
                "/api/chat",
                "application/json",
                "{\"action\":{\"id\":\"quiz.choice\",\"value\":\"q-AAAAAAAAAAAAAAAAAAAAAA.1\"}}",
                null));
    JsonNode forged =
        WebChatClient.json(
            browser.send(
                "/api/chat",
                "application/json",
                "{\"action\":{\"id\":\"quiz.choice\",\"value\":\"../../etc/passwd\"}}",
                null));

    assertThat(unknown.at("/messages/0/message/text").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "quiz.expired"));
    assertThat(unknown.at("/messages/0/message/onlyYou").asBoolean()).isTrue();
    assertThat(forged.at("/messages/0/message/kind").asText()).isEqualTo("notice");
    assertThat(answers.answers(learnerOf(browser))).isEmpty();
  }

  private LearnerId learnerOf(WebChatClient browser) {
    return learners
        .findByIdentity("web", "local:" + browser.session())
        .map(Learner::id)
        .orElseThrow();
  }

  private Item item(JsonNode card) {
    String stem = card.at("/quiz/stem").asText();
    return content.catalog().orElseThrow().items().stream()
        .filter(i -> i.question().equals(stem))
        .findFirst()
        .orElseThrow();
  }
}
