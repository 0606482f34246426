package io.learnloop.dialog.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Berapa hari cuti tahunan saya?",
        "bagaimana cara klaim biaya perjalanan dinas",
        "Apakah saya boleh membawa laptop ke luar negeri?",
        "bantuan"
      })
  void should_detect_indonesian_questions(String question) {
    assertThat(Language.detect(question)).isEqualTo(Language.INDONESIAN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "How many days of annual leave do I get?",
        "what is the expense limit for a client dinner",
        "help",
        ""
      })
  void should_detect_english_or_default_to_it(String question) {
    assertThat(Language.detect(question)).isEqualTo(Language.ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "ID", "id-ID", "in", "id_ID"})
  void should_parse_indonesian_codes_and_tags(String code) {
    assertThat(Language.fromCode(code)).isEqualTo(Language.INDONESIAN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "", "english"})
  void should_refuse_languages_it_does_not_speak(String code) {
    assertThatThrownBy(() -> Language.fromCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use 'en' or 'id'");
  }
}
