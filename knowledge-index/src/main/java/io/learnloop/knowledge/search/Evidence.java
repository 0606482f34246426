package io.learnloop.knowledge.search;

import io.learnloop.knowledge.index.ChunkFields;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

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

  /**
   * @param rarity a term's inverse document frequency divided by its maximum, from 0 to 1
   */
  static Evidence of(
      PreparedQuery query,
      List<DocumentHit> hybrid,
      String keywordTop,
      String vectorTop,
      ToDoubleBiFunction<String, String> rarity) {
    if (hybrid.isEmpty()) {
      return new Evidence(0, 0, 0, 1);
    }
    DocumentHit best = hybrid.get(0);
    double cosine = best.passages().stream().mapToDouble(ChunkHit::vectorScore).max().orElse(0);
    StringBuilder document = new StringBuilder(best.title());
    for (ChunkHit passage : best.passages()) {
      document.append('\n').append(passage.section()).append('\n').append(passage.text());
    }
    Coverage coverage =
        Coverage.of(
            terms(ChunkFields.BODY_EN, query.indonesian() ? query.english() : query.original()),
            terms(ChunkFields.BODY_EN, document.toString()),
            term -> rarity.applyAsDouble(ChunkFields.BODY_EN, term));
    if (query.indonesian()) {
      // An Indonesian question over an Indonesian document is best judged in Indonesian.
      Coverage indonesian =
          Coverage.of(
              terms(ChunkFields.BODY_ID, query.original()),
              terms(ChunkFields.BODY_ID, document.toString()),
              term -> rarity.applyAsDouble(ChunkFields.BODY_ID, term));
      coverage = indonesian.share() > coverage.share() ? indonesian : coverage;
    }
    double agreement = keywordTop != null && keywordTop.equals(vectorTop) ? 1 : 0;
    return new Evidence(cosine, coverage.share(), agreement, coverage.missingRarity());
  }

  /** IDF-weighted share of question terms found, and the rarity of the rarest one missing. */
  private record Coverage(double share, double missingRarity) {

    static Coverage of(
        Set<String> question, Set<String> document, ToDoubleFunction<String> rarity) {
      double total = 0;
      double found = 0;
      double missing = 0;
      for (String term : question) {
        double weight = rarity.applyAsDouble(term);
        total += weight;
        if (document.contains(term)) {
          found += weight;
        } else {
          missing = Math.max(missing, weight);
        }
      }
      return new Coverage(total == 0 ? 0 : found / total, missing);
    }
  }

  private static Set<String> terms(String field, String text) {
    return ChunkFields.terms(field, text);
  }
}
