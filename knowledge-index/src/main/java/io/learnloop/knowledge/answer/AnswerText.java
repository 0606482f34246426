package io.learnloop.knowledge.answer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** The answer's own words (not the quoted documents) in English or Bahasa Indonesia. */
final class AnswerText {

  private AnswerText() {}

  static String get(String language, String key) {
    return bundle(language).getString(key);
  }

  static ResourceBundle bundle(String language) {
    String code = "id".equals(language) ? "id" : "en";
    return ResourceBundle.getBundle(
        "io.learnloop.knowledge.answer.answers",
        Locale.forLanguageTag(code),
        new ResourceBundle.Control() {
          @Override
          public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
          }

          @Override
          public ResourceBundle newBundle(
              String baseName, Locale locale, String format, ClassLoader loader, boolean reload)
              throws java.io.IOException {
            String resource = toResourceName(toBundleName(baseName, locale), "properties");
            try (var stream = loader.getResourceAsStream(resource)) {
              return stream == null
                  ? null
                  : new PropertyResourceBundle(
                      new java.io.InputStreamReader(stream, StandardCharsets.UTF_8));
            }
          }
        });
  }
}
