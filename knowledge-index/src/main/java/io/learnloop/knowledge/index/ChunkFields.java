package io.learnloop.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The Lucene fields of a chunk and the analyzers of the searchable ones. */
public final class ChunkFields {

  public static final String ID = "id";
  public static final String SOURCE = "source";

  /** The source again, as doc values: grouping passages by document reads no stored fields. */
  public static final String SOURCE_KEY = "source_dv";

  public static final String KIND = "kind";
  public static final String HASH = "hash";
  public static final String TITLE = "title";
  public static final String SECTION = "section";
  public static final String ANCHOR = "anchor";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String LANGUAGE = "lang";
  public static final String GROUP = "group";
  public static final String VECTOR = "vec";
  public static final String OVERVIEW = "overview";

  /** Everyone may read a chunk whose document names no groups. */
  public static final String PUBLIC_GROUP = "*";

  public static final String TITLE_EN = "title_en";
  public static final String TITLE_ID = "title_id";
  public static final String HEADINGS_EN = "head_en";
  public static final String HEADINGS_ID = "head_id";
  public static final String BODY_EN = "body_en";
  public static final String BODY_ID = "body_id";
  public static final String KEYWORDS_EN = "kw_en";

  /** Each searchable field with its weight: titles and headings say what a passage is about. */
  public static final Map<String, Float> SEARCH_WEIGHTS =
      Map.of(
          TITLE_EN, 2.0f,
          TITLE_ID, 2.0f,
          HEADINGS_EN, 1.5f,
          HEADINGS_ID, 1.5f,
          BODY_EN, 1.0f,
          BODY_ID, 1.0f,
          KEYWORDS_EN, 1.5f);

  /** A fuller English stop list than Lucene's 33 words; see stopwords-en.txt. */
  public static final CharArraySet ENGLISH_STOP_WORDS = loadStopWords();

  private ChunkFields() {}

  private static CharArraySet loadStopWords() {
    try (var stream =
        ChunkFields.class.getResourceAsStream("/io/learnloop/knowledge/stopwords-en.txt")) {
      if (stream == null) {
        throw new IllegalStateException("missing bundled resource stopwords-en.txt");
      }
      List<String> words =
          new String(stream.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
      return CharArraySet.unmodifiableSet(new CharArraySet(words, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Analyzer ANALYZER = analyzer();

  /** The distinct terms {@code text} yields in {@code field}, in order of first occurrence. */
  public static Set<String> terms(String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  public static boolean isIndonesianField(String field) {
    return field.endsWith("_id");
  }

  /** English fields get English stemming, Indonesian fields Indonesian stemming. */
  public static Analyzer analyzer() {
    Analyzer english = new EnglishAnalyzer(ENGLISH_STOP_WORDS);
    Analyzer indonesian = new IndonesianAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new StandardAnalyzer(),
        Map.of(
            TITLE_EN, english,
            HEADINGS_EN, english,
            BODY_EN, english,
            KEYWORDS_EN, english,
            TITLE_ID, indonesian,
            HEADINGS_ID, indonesian,
            BODY_ID, indonesian));
  }
}
