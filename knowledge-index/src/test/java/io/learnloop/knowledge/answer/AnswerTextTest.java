package io.learnloop.knowledge.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

  @Test
  void should_have_every_answer_string_in_english_and_indonesian() {
    var english = new TreeSet<>(Collections.list(AnswerText.bundle("en").getKeys()));
    var indonesian = new TreeSet<>(Collections.list(AnswerText.bundle("id").getKeys()));

    assertThat(english).isNotEmpty().isEqualTo(indonesian);
    english.forEach(
        key -> assertThat(AnswerText.get("id", key)).isNotEqualTo(AnswerText.get("en", key)));
  }
}
