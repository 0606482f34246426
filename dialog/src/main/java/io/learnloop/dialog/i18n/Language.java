package io.learnloop.dialog.i18n;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The languages LearnLoop speaks. Every user-facing string exists in each of them. */
public enum Language {
  ENGLISH("en", "English"),
  INDONESIAN("id", "Bahasa Indonesia");

  // Function words are the cheapest reliable signal on short chat messages; they almost never
  // occur in the other language, unlike content words such as "bonus" or "data".
  private static final Set<String> INDONESIAN_MARKERS =
      Set.of(
          "apa",
          "apakah",
          "bagaimana",
          "berapa",
          "kapan",
          "siapa",
          "mengapa",
          "kenapa",
          "di",
          "dan",
          "yang",
          "untuk",
          "saya",
          "aku",
          "kami",
          "kita",
          "bisa",
          "tidak",
          "tak",
          "ini",
          "itu",
          "dengan",
          "ke",
          "dari",
          "ada",
          "harus",
          "boleh",
          "mana",
          "gimana",
          "jika",
          "kalau",
          "atau",
          "sudah",
          "belum",
          "akan",
          "pada",
          "cara",
          "tolong",
          "bantuan",
          "hari",
          "cuti",
          "sakit",
          "perjalanan",
          "dinas",
          "saja",
          "juga",
          "dong",
          "ya",
          "nggak",
          "gak",
          "lama",
          "adalah",
          "tentang",
          "halo",
          "terima",
          "kasih");
  private static final Set<String> ENGLISH_MARKERS =
      Set.of(
          "the", "what", "how", "when", "who", "why", "where", "which", "is", "are", "do", "does",
          "can", "i", "my", "we", "our", "to", "of", "and", "for", "with", "in", "on", "a", "an",
          "should", "much", "many", "long", "help", "hello", "hi", "thanks", "please", "about");
  private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final String code;

  private final String nativeName;

  Language(String code, String nativeName) {
    this.code = code;
    this.nativeName = nativeName;
  }

  /** The language's name in itself, as a person choosing it looks for it. */
  public String nativeName() {
    return nativeName;
  }

  /** ISO 639-1 code: {@code en} or {@code id}. */
  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /**
   * Parses an ISO 639-1 code or a locale tag such as {@code id-ID}.
   *
   * @throws IllegalArgumentException for a language LearnLoop does not speak
   */
  public static Language fromCode(String codeOrTag) {
    String primary = codeOrTag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
    for (Language language : values()) {
      if (language.code.equals(primary) || ("in".equals(primary) && language == INDONESIAN)) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "Unsupported language '" + codeOrTag + "': use 'en' or 'id'");
  }

  /** The language of a locale, when LearnLoop speaks it ({@code id}, {@code in}, {@code en}). */
  public static java.util.Optional<Language> of(Locale locale) {
    try {
      return java.util.Optional.of(fromCode(locale.getLanguage()));
    } catch (IllegalArgumentException notSpoken) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Guesses the language of a chat message; English when there is no evidence either way.
   *
   * @param text a message of any length, possibly empty
   */
  public static Language detect(String text) {
    int indonesian = 0;
    int english = 0;
    for (String word : WORD_SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
      if (INDONESIAN_MARKERS.contains(word)) {
        indonesian++;
      }
      if (ENGLISH_MARKERS.contains(word)) {
        english++;
      }
    }
    return indonesian > english ? INDONESIAN : ENGLISH;
  }
}
