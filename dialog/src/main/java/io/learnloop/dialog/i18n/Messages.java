package io.learnloop.dialog.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * User-facing strings in every {@link Language}. Bundles live next to this class as {@code
 * messages_en.properties} and {@code messages_id.properties}, read as UTF-8.
 */
public final class Messages {

  static final String BUNDLE = "io.learnloop.dialog.i18n.messages";

  private Messages() {}

  /**
   * Formats the message {@code key} in {@code language} with {@link MessageFormat} arguments.
   *
   * @throws MissingResourceException when the key is missing in that language
   */
  public static String get(Language language, String key, Object... arguments) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(key, "key");
    String pattern = bundle(language).getString(key);
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, language.locale()).format(arguments);
  }

  static ResourceBundle bundle(Language language) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(), NoFallback.INSTANCE);
  }

  /** Without this, a missing Indonesian bundle would silently fall back to the JVM's locale. */
  private static final class NoFallback extends ResourceBundle.Control {
    static final NoFallback INSTANCE = new NoFallback();

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
        if (stream == null) {
          return null;
        }
        return new PropertyResourceBundle(
            new java.io.InputStreamReader(stream, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}
