package io.learnloop.knowledge.search;

import io.learnloop.knowledge.index.ChunkFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How well the best document supports an answer, in terms that mean the same on any document set.
 *
 * @param cosine the best passage's cosine similarity to the question (-1 to 1)
 * @param coverage share of the question's content words found in the best document's matching
 *     passages, title and headings, each word weighted by its rarity (IDF), from 0 to 1
 * @param agreement 1 when keyword and vector search rank the same document first, else 0
 * @param missingRarity rarity of the rarest question word the best document lacks, as a share of
 *     the rarest possible word (0 when none is missing): a specific term the documents never pair
 *     with the rest of the question ("Chicago", "severance") signals a question they do not answer
 */
public record Evidence(double cosine, double coverage, double agreement, double missingRarity) {

  private static final Analyzer ANALYZER = ChunkFields.analyzer();

  /**
   * @param rarity a term's inverse document frequency divided by its maximum, from 0 to 1
   */
  static Evidence of(
      PreparedQuery query,
      List<DocumentHit> hybrid,
      String keywordTop,
      String vectorTop,
      ToDoubleFunction<String> rarity) {
    if (hybrid.isEmpty()) {
      return new Evidence(0, 0, 0, 1);
    }
    DocumentHit best = hybrid.get(0);
    double cosine = best.passages().stream().mapToDouble(ChunkHit::vectorScore).max().orElse(0);
    Set<String> documentTerms = terms(best.title());
    for (ChunkHit passage : best.passages()) {
      documentTerms.addAll(terms(passage.section() + " " + passage.text()));
    }
    double total = 0;
    double found = 0;
    double missing = 0;
    for (String term : questionTerms(query)) {
      double weight = rarity.applyAsDouble(term);
      total += weight;
      if (documentTerms.contains(term)) {
        found += weight;
      } else {
        missing = Math.max(missing, weight);
      }
    }
    double agreement = keywordTop != null && keywordTop.equals(vectorTop) ? 1 : 0;
    return new Evidence(cosine, total == 0 ? 0 : found / total, agreement, missing);
  }

  /** The question's content words, stemmed as the English fields are. */
  static Set<String> questionTerms(PreparedQuery query) {
    return terms(query.indonesian() ? query.english() : query.original());
  }

  private static Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = ANALYZER.tokenStream(ChunkFields.BODY_EN, text)) {
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
}
