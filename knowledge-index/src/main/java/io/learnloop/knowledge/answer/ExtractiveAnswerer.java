package io.learnloop.knowledge.answer;

import io.learnloop.knowledge.index.ChunkFields;
import io.learnloop.knowledge.search.ChunkHit;
import io.learnloop.knowledge.search.DocumentHit;
import io.learnloop.knowledge.search.PreparedQuery;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers without a language model: the sentences of the cited documents' matching passages that
 * share most words with the question, quoted in their original order, each marked with its citation
 * number. A further document is cited only if one of its sentences shares at least {@link
 * #MIN_SHARED_TERMS_FOR_FURTHER_SOURCES} words with the question.
 */
public final class ExtractiveAnswerer {

  private static final int SENTENCES_FROM_FIRST = 3;
  private static final int SENTENCES_FROM_OTHERS = 1;
  static final int MIN_SHARED_TERMS_FOR_FURTHER_SOURCES = 3;
  private static final int MAX_SENTENCE_CHARS = 400;
  private static final Pattern QUANTITY_QUESTION =
      Pattern.compile(
          "\\b(how (many|much|long|often|soon|far)|when|what time|berapa|kapan|jam berapa)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGIT = Pattern.compile("\\d");

  /**
   * The answer's text and which of the offered documents it quotes, in citation order.
   *
   * @param quoted indexes into the documents offered to {@link #answer}
   */
  public record Extract(String text, List<Integer> quoted) {

    public Extract {
      quoted = List.copyOf(quoted);
    }
  }

  /**
   * @param documents candidate documents to cite, best first; the first is always quoted
   * @param unsure whether to say that the docs may not answer exactly this question
   */
  public Extract answer(
      PreparedQuery query, List<DocumentHit> documents, String language, boolean unsure) {
    QuestionTerms questionTerms = QuestionTerms.of(query);
    boolean asksForAQuantity = QUANTITY_QUESTION.matcher(query.original()).find();
    StringBuilder text =
        new StringBuilder(
            AnswerText.get(language, unsure ? "extractive.intro.unsure" : "extractive.intro"));
    List<Integer> quoted = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      boolean first = i == 0;
      List<String> sentences =
          keySentences(
              quotable(documents.get(i)),
              documents.get(i).bestQuotable(),
              questionTerms,
              asksForAQuantity,
              first ? SENTENCES_FROM_FIRST : SENTENCES_FROM_OTHERS,
              first ? 0 : MIN_SHARED_TERMS_FOR_FURTHER_SOURCES);
      if (sentences.isEmpty()) {
        continue;
      }
      quoted.add(i);
      for (String sentence : sentences) {
        text.append("\n• ").append(sentence).append(" [").append(quoted.size()).append(']');
      }
    }
    return new Extract(text.toString(), quoted);
  }

  /** The document's matching passages that can be quoted, in the order they appear in it. */
  private static List<ChunkHit> quotable(DocumentHit document) {
    List<ChunkHit> passages =
        document.passages().stream()
            .filter(passage -> !passage.overview())
            .collect(Collectors.toList());
    if (passages.isEmpty()) {
      return List.of(document.best());
    }
    passages.sort(Comparator.comparingInt(ExtractiveAnswerer::ordinal));
    return passages;
  }

  private static int ordinal(ChunkHit passage) {
    String id = passage.id();
    return Integer.parseInt(id.substring(id.lastIndexOf('#') + 1));
  }

  /**
   * Scores each sentence by the question words it shares, plus half a point when it comes from the
   * passage that ranked best and a point when the question asks how many, how long or when and the
   * sentence holds a number.
   */
  List<String> keySentences(
      List<ChunkHit> passages,
      ChunkHit best,
      QuestionTerms questionTerms,
      boolean asksForAQuantity,
      int wanted,
      int minimumShared) {
    record Scored(int position, String sentence, long shared, double score) {}
    List<Scored> scored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ChunkHit passage : passages) {
      for (String sentence : sentences(passage.text())) {
        if (seen.add(sentence)) {
          long shared = questionTerms.sharedWith(sentence);
          double score =
              shared
                  + (passage.id().equals(best.id()) ? 0.5 : 0)
                  + (asksForAQuantity && DIGIT.matcher(sentence).find() ? 1 : 0);
          scored.add(new Scored(scored.size(), sentence, shared, score));
        }
      }
    }
    return scored.stream()
        .filter(s -> s.shared() >= minimumShared)
        // Earlier sentences break ties: passages tend to open with their point.
        .sorted(
            Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::position))
        .limit(wanted)
        .sorted(Comparator.comparingInt(Scored::position))
        .map(Scored::sentence)
        .toList();
  }

  private static List<String> sentences(String passage) {
    List<String> sentences = new ArrayList<>();
    for (String line : passage.split("\n")) {
      BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
      iterator.setText(line);
      int start = iterator.first();
      for (int end = iterator.next();
          end != BreakIterator.DONE;
          start = end, end = iterator.next()) {
        String sentence = line.substring(start, end).strip();
        if (sentence.length() > 1) {
          sentences.add(
              sentence.length() > MAX_SENTENCE_CHARS
                  ? sentence.substring(0, MAX_SENTENCE_CHARS) + "…"
                  : sentence);
        }
      }
    }
    return sentences;
  }

  /**
   * The question's words as the English fields analyse them (of its English rendering, for an
   * Indonesian question) and, for an Indonesian question, as the Indonesian fields do; a sentence
   * shares whichever count is higher, so that it can match in its own language.
   */
  private record QuestionTerms(Set<String> english, Set<String> indonesian) {

    static QuestionTerms of(PreparedQuery query) {
      return query.indonesian()
          ? new QuestionTerms(
              ChunkFields.terms(ChunkFields.BODY_EN, query.english()),
              ChunkFields.terms(ChunkFields.BODY_ID, query.original()))
          : new QuestionTerms(ChunkFields.terms(ChunkFields.BODY_EN, query.original()), Set.of());
    }

    long sharedWith(String sentence) {
      long english =
          ChunkFields.terms(ChunkFields.BODY_EN, sentence).stream()
              .filter(this.english::contains)
              .count();
      if (indonesian.isEmpty()) {
        return english;
      }
      long inIndonesian =
          ChunkFields.terms(ChunkFields.BODY_ID, sentence).stream()
              .filter(this.indonesian::contains)
              .count();
      return Math.max(english, inIndonesian);
    }
  }
}
