package io.learnloop.dialog.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void should_have_every_key_in_every_language() {
    Set<String> english = keys(Language.ENGLISH);
    assertThat(english).isNotEmpty();
    for (Language language : Language.values()) {
      assertThat(keys(language)).as("keys in %s", language).isEqualTo(english);
      for (String key : english) {
        assertThat(Messages.get(language, key)).as("%s in %s", key, language).isNotBlank();
      }
    }
  }

  @Test
  void should_differ_between_languages() {
    for (String key : keys(Language.ENGLISH)) {
      assertThat(Messages.get(Language.INDONESIAN, key))
          .as("%s is translated", key)
          .isNotEqualTo(Messages.get(Language.ENGLISH, key));
    }
  }

  @Test
  void should_read_bundles_as_utf8_and_format_arguments() {
    assertThat(Messages.get(Language.INDONESIAN, "chat.message-too-long", 2500, 2000))
        .contains("2500")
        .contains("2000")
        .startsWith("Pesan itu terlalu panjang");
  }

  // Messages.get shows a message without arguments as written: MessageFormat's doubled quote
  // would reach the reader.
  @Test
  void should_write_a_plain_apostrophe_in_a_message_without_arguments() {
    for (Language language : Language.values()) {
      for (String key : keys(language)) {
        String pattern = Messages.bundle(language).getString(key);
        if (!pattern.contains("{")) {
          assertThat(pattern).as("%s in %s", key, language).doesNotContain("''");
        }
      }
    }
  }

  private static Set<String> keys(Language language) {
    return new TreeSet<>(Collections.list(Messages.bundle(language).getKeys()));
  }
}
