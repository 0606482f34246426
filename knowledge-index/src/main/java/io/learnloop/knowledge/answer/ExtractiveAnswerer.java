package io.learnloop.knowledge.answer;

import io.learnloop.knowledge.index.ChunkFields;
import io.learnloop.knowledge.search.ChunkHit;
import io.learnloop.knowledge.search.PreparedQuery;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers without a language model: from each cited passage, the sentences that share most words
 * with the question, quoted in their original order, each marked with its citation number.
 */
public final class ExtractiveAnswerer {

  private static final int SENTENCES_FROM_FIRST = 3;
  private static final int SENTENCES_FROM_OTHERS = 1;
  private static final int MAX_SENTENCE_CHARS = 400;

  /**
   * @param passages the best passage of each cited document, in citation order
   */
  public String answer(PreparedQuery query, List<ChunkHit> passages, String language) {
    Set<String> questionTerms =
        new HashSet<>(terms(query.indonesian() ? query.english() : query.original()));
    questionTerms.addAll(terms(query.original()));
    StringBuilder text = new StringBuilder(AnswerText.get(language, "extractive.intro"));
    for (int i = 0; i < passages.size(); i++) {
      int wanted = i == 0 ? SENTENCES_FROM_FIRST : SENTENCES_FROM_OTHERS;
      for (String sentence : keySentences(passages.get(i).text(), questionTerms, wanted)) {
        text.append("\n• ").append(sentence).append(" [").append(i + 1).append(']');
      }
    }
    return text.toString();
  }

  List<String> keySentences(String passage, Set<String> questionTerms, int wanted) {
    List<String> sentences = sentences(passage);
    record Scored(int position, String sentence, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      long shared = terms(sentences.get(i)).stream().filter(questionTerms::contains).count();
      // Earlier sentences break ties: passages tend to open with their point.
      scored.add(new Scored(i, sentences.get(i), shared - 0.01 * i));
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::score).reversed())
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

  private static Set<String> terms(String text) {
    return ChunkFields.terms(ChunkFields.BODY_EN, text);
  }
}
