package io.learnloop.knowledge.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Makes Indonesian questions searchable over English documents with a bilingual workplace glossary
 * (the embedding model only knows English). Longest phrases match first; names and loanwords the
 * glossary does not know pass through unchanged.
 */
public final class QueryTranslator {

  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int LONGEST_PHRASE = 3;
  private static final Set<String> ENGLISH_MARKERS =
      Set.of(
          "what", "how", "when", "who", "why", "where", "which", "do", "does", "can", "i", "my",
          "should", "much", "many", "get");

  private final Map<String, List<String>> glossary;
  private final Map<String, List<String>> reverse;
  private final Set<String> indonesianStopwords;

  QueryTranslator(Map<String, List<String>> glossary, Set<String> indonesianStopwords) {
    this.glossary = Map.copyOf(glossary);
    Map<String, List<String>> reverse = new HashMap<>();
    glossary.forEach(
        (indonesian, renderings) -> {
          if (!indonesian.contains(" ")) {
            for (String english : renderings) {
              if (!english.contains(" ")) {
                reverse.computeIfAbsent(english, k -> new ArrayList<>()).add(indonesian);
              }
            }
          }
        });
    this.reverse = Map.copyOf(reverse);
    this.indonesianStopwords = Set.copyOf(indonesianStopwords);
  }

  /** The glossary and stop words that ship with LearnLoop. */
  public static QueryTranslator bundled() {
    Map<String, List<String>> glossary = new HashMap<>();
    for (String line : lines("glossary-id-en.tsv")) {
      String[] parts = line.split("\t");
      if (parts.length == 2) {
        glossary.put(
            parts[0].strip().toLowerCase(Locale.ROOT),
            Arrays.stream(parts[1].split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
      }
    }
    return new QueryTranslator(glossary, new HashSet<>(lines("stopwords-id.txt")));
  }

  public PreparedQuery prepare(String question) {
    List<String> words =
        Arrays.stream(WORDS.split(question.toLowerCase(Locale.ROOT)))
            .filter(w -> !w.isEmpty())
            .toList();
    if (!isIndonesian(words)) {
      List<String> indonesianWords = new ArrayList<>();
      for (String word : words) {
        indonesianWords.addAll(reverse.getOrDefault(word, List.of()).stream().limit(3).toList());
      }
      return new PreparedQuery(question, false, question, List.of(), indonesianWords);
    }
    List<String> english = new ArrayList<>();
    List<String> expansions = new ArrayList<>();
    for (int i = 0; i < words.size(); ) {
      int matched = 0;
      for (int length = Math.min(LONGEST_PHRASE, words.size() - i);
          length >= 1 && matched == 0;
          length--) {
        List<String> renderings = glossary.get(String.join(" ", words.subList(i, i + length)));
        if (renderings != null && !renderings.isEmpty()) {
          english.add(renderings.get(0));
          expansions.addAll(renderings.subList(1, renderings.size()));
          matched = length;
        }
      }
      if (matched == 0) {
        String word = words.get(i);
        if (!indonesianStopwords.contains(word)) {
          english.add(word);
        }
        matched = 1;
      }
      i += matched;
    }
    return new PreparedQuery(question, true, String.join(" ", english), expansions, List.of());
  }

  /** More Indonesian function words or glossary words than English function words. */
  boolean isIndonesian(List<String> words) {
    int indonesian = 0;
    int english = 0;
    for (String word : words) {
      if (indonesianStopwords.contains(word)
          || (glossary.containsKey(word) && !glossary.get(word).contains(word))) {
        indonesian++;
      }
      if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word) || ENGLISH_MARKERS.contains(word)) {
        english++;
      }
    }
    return indonesian > english;
  }

  private static List<String> lines(String resource) {
    InputStream stream =
        QueryTranslator.class.getResourceAsStream("/io/learnloop/knowledge/" + resource);
    if (stream == null) {
      throw new IllegalStateException("missing bundled resource " + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
