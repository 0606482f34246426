package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.LearnerId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  @Test
  void should_ask_a_quiz_card_with_numbered_choices_and_the_reason_in_english() {
    String user = UUID.randomUUID().toString();

    JsonNode reply = chat(user, "quiz me", null).at("/reply");

    Item item = item(reply.at("/quiz/item").asText());
    assertThat(reply.at("/language").asText()).isEqualTo("en");
    assertThat(reply.at("/quiz/question").asText()).isEqualTo(item.question());
    assertThat(reply.at("/quiz/choices")).hasSize(item.choices().size());
    assertThat(reply.at("/quiz/reason").asText()).startsWith("Next step for your role");
    assertThat(reply.at("/text").asText())
        .contains(item.question())
        .contains("1. " + item.choices().get(0));
  }

  @Test
  void should_count_a_double_clicked_answer_once_and_link_the_handbook_section() {
    String user = UUID.randomUUID().toString();
    JsonNode card = chat(user, "quiz", null).at("/reply/quiz");
    Item item = item(card.at("/item").asText());
    String right = Integer.toString(item.answer() + 1);
    String quizId = card.at("/quizId").asText();

    JsonNode first = chat(user, right, quizId).at("/reply");
    JsonNode second = chat(user, right, quizId).at("/reply");

    String link = "/docs/" + item.source().substring("handbook/".length());
    assertThat(first.at("/text").asText())
        .startsWith(Messages.get(Language.ENGLISH, "quiz.right"))
        .contains(item.explanation())
        .contains(link)
        .doesNotContain(Messages.get(Language.ENGLISH, "quiz.already-counted"));
    assertThat(first.at("/citations/0/url").asText()).isEqualTo(link);
    assertThat(second.at("/text").asText())
        .contains(Messages.get(Language.ENGLISH, "quiz.already-counted"));
    LearnerId learner = new LearnerId("web:" + user);
    assertThat(answers.stats(learner).answers()).isEqualTo(1);
    assertThat(answers.stats(learner).correct()).isEqualTo(1);
    assertThat(answers.answers(learner))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id().value()).isEqualTo(quizId);
              assertThat(a.item()).isEqualTo(item.id());
            });
    ResponseEntity<String> doc =
        http.getForEntity(link.substring(0, link.indexOf('#')), String.class);
    assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void should_take_a_typed_number_as_the_answer_in_indonesian_after_kuis() {
    String user = UUID.randomUUID().toString();
    JsonNode card = chat(user, "kuis", null).at("/reply");
    Item item = item(card.at("/quiz/item").asText());
    String wrong = Integer.toString((item.answer() + 1) % item.choices().size() + 1);

    JsonNode reply = chat(user, wrong, null).at("/reply");

    assertThat(card.at("/language").asText()).isEqualTo("id");
    assertThat(card.at("/quiz/reason").asText()).startsWith("Langkah berikutnya untuk peran Anda");
    assertThat(reply.at("/text").asText())
        .startsWith(Messages.get(Language.INDONESIAN, "quiz.wrong", item.correctChoice()))
        .contains(item.explanation());
    LearnerId learner = new LearnerId("web:" + user);
    assertThat(answers.stats(learner).answers()).isEqualTo(1);
    assertThat(answers.stats(learner).correct()).isZero();
    assertThat(answers.due(learner, java.time.Instant.now().plusSeconds(86400 * 2), 10))
        .containsExactly(item.id());
  }

  @Test
  void should_ask_for_a_valid_choice_number_and_record_nothing_for_a_bad_one() {
    String user = UUID.randomUUID().toString();
    JsonNode card = chat(user, "quiz", null).at("/reply/quiz");
    int choices = card.at("/choices").size();

    JsonNode reply = chat(user, "9", card.at("/quizId").asText()).at("/reply");

    assertThat(reply.at("/text").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "quiz.choose", choices));
    assertThat(answers.stats(new LearnerId("web:" + user)).answers()).isZero();
  }

  @Test
  void should_say_an_unknown_quiz_card_has_expired_and_refuse_a_malformed_id() {
    String user = UUID.randomUUID().toString();

    JsonNode expired = chat(user, "1", "quiz-" + UUID.randomUUID()).at("/reply");
    ResponseEntity<JsonNode> malformed =
        http.postForEntity(
            "/api/chat", Map.of("user", user, "text", "1", "quizId", "no spaces"), JsonNode.class);

    assertThat(expired.at("/text").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "quiz.expired"));
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().at("/error").asText()).contains("answer id");
  }

  private JsonNode chat(String user, String text, String quizId) {
    Map<String, String> body = new HashMap<>(Map.of("user", user, "text", text));
    if (quizId != null) {
      body.put("quizId", quizId);
    }
    ResponseEntity<JsonNode> response = http.postForEntity("/api/chat", body, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private Item item(String id) {
    return content.catalog().orElseThrow().item(new ItemId(id)).orElseThrow();
  }
}
