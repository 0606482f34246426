package io.learnloop.knowledge.search;

import java.util.List;

/**
 * A question made ready for search.
 *
 * @param original the question as asked
 * @param indonesian whether the question is in Bahasa Indonesia
 * @param english the question in English words (glossary translation when it is Indonesian), for
 *     the English-only embedding model and English fields
 * @param expansions further English renderings of the question's words, searched with less weight
 * @param indonesianExpansions for an English question, Indonesian words for its words, so that it
 *     also finds documents written in Bahasa Indonesia
 */
public record PreparedQuery(
    String original,
    boolean indonesian,
    String english,
    List<String> expansions,
    List<String> indonesianExpansions) {

  public PreparedQuery {
    expansions = List.copyOf(expansions);
    indonesianExpansions = List.copyOf(indonesianExpansions);
  }
}
