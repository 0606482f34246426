package io.learnloop.dialog.catalog;

import io.learnloop.dialog.i18n.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A short text, such as a skill's name, given in every {@link Language}. */
public record LocalizedText(Map<Language, String> texts) {

  public LocalizedText {
    Objects.requireNonNull(texts, "texts");
    for (Language language : Language.values()) {
      String text = texts.get(language);
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("missing the " + language.code() + " text");
      }
    }
    texts = Map.copyOf(new EnumMap<>(texts));
  }

  public String in(Language language) {
    return texts.get(language);
  }
}
