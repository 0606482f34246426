package io.learnloop.knowledge.answer;

import io.learnloop.knowledge.index.ChunkFields;
import io.learnloop.knowledge.search.ChunkHit;
import io.learnloop.knowledge.search.DocumentHit;
import io.learnloop.knowledge.search.PreparedQuery;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/**
 * Answers without a language model, from the best document. The reply opens with the one sentence
 * or table row of that document's passages that best answers the question: it shares the question's
 * rarer words (weighted by how few of the candidate sentences hold them) and, when the question
 * asks how much, who, where or when, holds an amount, a role, a place or a time ({@link
 * AnswerType}). At most {@link #SUPPORTING} supporting sentences follow, in document order.
 */
public final class ExtractiveAnswerer {

  static final int SUPPORTING = 2;
  private static final int MAX_SENTENCE_CHARS = 400;

  /** How much holding the asked-for kind of thing weighs, in average question-word weights. */
  static final double TYPE_WEIGHT = 1.0;

  /** A sentence from the passage that ranked best in its document gains this share of a word. */
  static final double BEST_PASSAGE_WEIGHT = 0.3;

  /**
   * The answer's text, which of the offered documents it quotes in citation order, and for each the
   * passage it is cited for (the one holding its first quoted sentence).
   *
   * @param quoted indexes into the documents offered to {@link #answer}
   * @param unsure whether the text says the docs may not answer exactly this question
   * @param leadCoverage the share of the question's words, each weighted by its rarity in the whole
   *     index, that the leading sentence holds (0 to 1; the better of the English and the
   *     Indonesian reading): a sentence that lacks the question's rare words seldom holds the
   *     answer (docs/EVALUATION.md)
   */
  public record Extract(
      String text,
      List<Integer> quoted,
      List<ChunkHit> passages,
      boolean unsure,
      double leadCoverage) {

    public Extract {
      quoted = List.copyOf(quoted);
      passages = List.copyOf(passages);
      if (quoted.size() != passages.size()) {
        throw new IllegalArgumentException("one passage per quoted document");
      }
    }
  }

  /** A sentence that could be quoted, where it comes from, and the question words it holds. */
  private record Candidate(
      int document,
      ChunkHit passage,
      int position,
      String sentence,
      Set<String> english,
      Set<String> indonesian) {}

  /**
   * @param documents candidate documents to cite, best first; only the first is quoted: on both
   *     evaluation sets, letting a lower-ranked document lead or add a sentence lost facts
   *     (docs/EVALUATION.md)
   * @param unsure whether to say that the docs may not answer exactly this question
   * @param rarity a term's inverse document frequency in the index's field, as a share of the
   *     largest possible (0 to 1)
   */
  public Extract answer(
      PreparedQuery query,
      List<DocumentHit> documents,
      String language,
      boolean unsure,
      ToDoubleBiFunction<String, String> rarity) {
    QuestionTerms terms = QuestionTerms.of(query);
    AnswerType type = AnswerType.of(query.original());
    List<Candidate> candidates =
        candidates(documents.subList(0, Math.min(1, documents.size())), terms);
    if (candidates.isEmpty()) {
      return new Extract(intro(language, unsure), List.of(), List.of(), unsure, 0);
    }
    Weights weights = Weights.of(candidates);
    Map<Candidate, Double> scores = new HashMap<>();
    for (Candidate candidate : candidates) {
      scores.put(candidate, score(candidate, documents, type, weights));
    }
    Comparator<Candidate> best =
        Comparator.<Candidate>comparingDouble(scores::get)
            .reversed()
            .thenComparingInt(Candidate::position);
    Candidate lead = candidates.stream().min(best).orElseThrow();
    List<Candidate> supporting =
        supporting(candidates, lead, best, weights, documents.get(0).bestQuotable().id());
    // A "how much" or "when" question whose best sentence holds no number or date is likelier
    // answered by the wrong sentence: say so rather than answer confidently.
    boolean caveat = unsure || (type.needsValue() && !type.heldBy(lead.sentence()));
    StringBuilder text = new StringBuilder(intro(language, caveat));
    for (Candidate sentence : concat(lead, supporting)) {
      text.append("\n• ").append(sentence.sentence()).append(" [1]");
    }
    return new Extract(
        text.toString(), List.of(0), List.of(lead.passage()), caveat, terms.coverage(lead, rarity));
  }

  /**
   * The supporting sentences, in document order. When the lead ends with a colon it announces what
   * follows ("submit the following paperwork:"), so the sentences right after it come first. Then
   * the best sentence of the passage that retrieval ranked first, which holds the context that
   * sentence-level word matching misses, then the next best sentences that share a question word.
   */
  private static List<Candidate> supporting(
      List<Candidate> candidates,
      Candidate lead,
      Comparator<Candidate> best,
      Weights weights,
      String bestPassage) {
    List<Candidate> chosen = new ArrayList<>();
    if (lead.sentence().endsWith(":")) {
      candidates.stream()
          .filter(c -> c.position() > lead.position())
          .limit(SUPPORTING)
          .forEach(chosen::add);
    }
    if (chosen.size() < SUPPORTING) {
      candidates.stream()
          .filter(c -> c != lead && !chosen.contains(c) && c.passage().id().equals(bestPassage))
          .min(best)
          .ifPresent(chosen::add);
    }
    candidates.stream()
        .filter(c -> c != lead && !chosen.contains(c) && weights.shared(c) > 0)
        .sorted(best)
        .limit(SUPPORTING - chosen.size())
        .forEach(chosen::add);
    chosen.sort(Comparator.comparingInt(Candidate::position));
    return chosen;
  }

  private static String intro(String language, boolean unsure) {
    return AnswerText.get(language, unsure ? "extractive.intro.unsure" : "extractive.intro");
  }

  private static List<Candidate> concat(Candidate lead, List<Candidate> supporting) {
    List<Candidate> all = new ArrayList<>();
    all.add(lead);
    all.addAll(supporting);
    return all;
  }

  private static double score(
      Candidate candidate, List<DocumentHit> documents, AnswerType type, Weights weights) {
    double unit = weights.average();
    boolean bestPassage =
        candidate.passage().id().equals(documents.get(candidate.document()).bestQuotable().id());
    return weights.shared(candidate)
        + (type.heldBy(candidate.sentence()) ? TYPE_WEIGHT * unit : 0)
        + (bestPassage ? BEST_PASSAGE_WEIGHT * unit : 0);
  }

  private static List<Candidate> candidates(List<DocumentHit> documents, QuestionTerms terms) {
    List<Candidate> candidates = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      Set<String> seen = new HashSet<>();
      for (ChunkHit passage : quotable(documents.get(d))) {
        for (String sentence : sentences(passage.text())) {
          if (seen.add(sentence)) {
            candidates.add(
                new Candidate(
                    d,
                    passage,
                    candidates.size(),
                    sentence,
                    terms.englishIn(sentence),
                    terms.indonesianIn(sentence)));
          }
        }
      }
    }
    return candidates;
  }

  /**
   * Each question word weighs by how rare it is among the candidate sentences, so that the word
   * that sets the question apart ("carry") counts more than the page's topic ("leave").
   */
  private record Weights(Map<String, Double> english, Map<String, Double> indonesian) {

    static Weights of(List<Candidate> candidates) {
      return new Weights(
          idf(candidates.stream().map(Candidate::english).toList()),
          idf(candidates.stream().map(Candidate::indonesian).toList()));
    }

    private static Map<String, Double> idf(List<Set<String>> held) {
      Map<String, Integer> frequency = new HashMap<>();
      held.forEach(terms -> terms.forEach(term -> frequency.merge(term, 1, Integer::sum)));
      Map<String, Double> weights = new HashMap<>();
      frequency.forEach(
          (term, count) -> weights.put(term, Math.log(1 + (double) held.size() / count)));
      return weights;
    }

    /**
     * The share of the question's weight that the sentence holds, in English words plus in
     * Indonesian words: each side is normalised to its own total, so that an Indonesian row found
     * by the glossary's words and an English sentence found by the question's own words compare.
     */
    double shared(Candidate candidate) {
      return share(candidate.english(), english) + share(candidate.indonesian(), indonesian);
    }

    int count(Candidate candidate) {
      return Math.max(candidate.english().size(), candidate.indonesian().size());
    }

    /** The weight of one average question word on the scale of {@link #shared}. */
    double average() {
      int sides = (english.isEmpty() ? 0 : 1) + (indonesian.isEmpty() ? 0 : 1);
      int words = english.size() + indonesian.size();
      return words == 0 ? 1 : (double) sides / words;
    }

    private static double share(Set<String> terms, Map<String, Double> weights) {
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      return total == 0 ? 0 : sum(terms, weights) / total;
    }

    private static double sum(Set<String> terms, Map<String, Double> weights) {
      return terms.stream().mapToDouble(t -> weights.getOrDefault(t, 0.0)).sum();
    }
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

  /** Sentences of a passage; a table row or list item stays whole, without its list dash. */
  static List<String> sentences(String passage) {
    List<String> sentences = new ArrayList<>();
    for (String raw : passage.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("- ")) {
        line = line.substring(2).strip();
      }
      if (line.contains(" · ")) {
        add(sentences, line);
        continue;
      }
      BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
      iterator.setText(line);
      int start = iterator.first();
      for (int end = iterator.next();
          end != BreakIterator.DONE;
          start = end, end = iterator.next()) {
        add(sentences, line.substring(start, end));
      }
    }
    return sentences;
  }

  private static void add(List<String> sentences, String raw) {
    String sentence = raw.strip();
    if (sentence.length() > 1) {
      sentences.add(
          sentence.length() > MAX_SENTENCE_CHARS
              ? sentence.substring(0, MAX_SENTENCE_CHARS) + "…"
              : sentence);
    }
  }

  /**
   * The question's words as the English fields analyse them (of its English rendering, for an
   * Indonesian question) and as the Indonesian fields do (of the question itself when it is
   * Indonesian, of the glossary's Indonesian words for it when it is English), so that a sentence
   * can match in its own language.
   */
  private record QuestionTerms(Set<String> english, Set<String> indonesian) {

    static final int NEAR_PREFIX = 6;

    static QuestionTerms of(PreparedQuery query) {
      return query.indonesian()
          ? new QuestionTerms(
              ChunkFields.terms(ChunkFields.BODY_EN, query.english()),
              ChunkFields.terms(ChunkFields.BODY_ID, query.original()))
          : new QuestionTerms(
              ChunkFields.terms(ChunkFields.BODY_EN, query.original()),
              ChunkFields.terms(
                  ChunkFields.BODY_ID, String.join(" ", query.indonesianExpansions())));
    }

    Set<String> englishIn(String sentence) {
      return held(ChunkFields.BODY_EN, sentence, english);
    }

    Set<String> indonesianIn(String sentence) {
      return held(ChunkFields.BODY_ID, sentence, indonesian);
    }

    /** The rarity-weighted share of the question's words the candidate holds, better side. */
    double coverage(Candidate candidate, ToDoubleBiFunction<String, String> rarity) {
      return Math.max(
          share(candidate.english(), english, ChunkFields.BODY_EN, rarity),
          share(candidate.indonesian(), indonesian, ChunkFields.BODY_ID, rarity));
    }

    private static double share(
        Set<String> held,
        Set<String> wanted,
        String field,
        ToDoubleBiFunction<String, String> rarity) {
      double total = 0;
      double found = 0;
      for (String term : wanted) {
        double weight = rarity.applyAsDouble(field, term);
        total += weight;
        found += held.contains(term) ? weight : 0;
      }
      return total == 0 ? 0 : found / total;
    }

    /**
     * The wanted words the sentence holds; a long word also matches one that starts with the same
     * {@link #NEAR_PREFIX} letters, so that names spelt differently across the two languages
     * (Singapore, Singapura) still meet.
     */
    private static Set<String> held(String field, String sentence, Set<String> wanted) {
      if (wanted.isEmpty()) {
        return Set.of();
      }
      Set<String> held = new HashSet<>();
      for (String term : ChunkFields.terms(field, sentence)) {
        if (wanted.contains(term)) {
          held.add(term);
        } else if (term.length() >= NEAR_PREFIX) {
          for (String word : wanted) {
            if (word.length() >= NEAR_PREFIX && word.regionMatches(0, term, 0, NEAR_PREFIX)) {
              held.add(word);
            }
          }
        }
      }
      return held;
    }
  }
}
