package io.learnloop.knowledge.search;

/**
 * A passage found for a query.
 *
 * @param score the fused score used for ranking
 * @param keywordScore the BM25 score; 0 when keyword search did not find it
 * @param vectorScore the cosine similarity to the query, from -1 to 1; 0 when kNN did not find it
 * @param overview true when the passage is the document's overview (keywords and headings)
 * @param language the page's declared language ({@code en}, {@code id}), empty when it declares
 *     none
 */
public record ChunkHit(
    String id,
    String source,
    String title,
    String section,
    String anchor,
    String url,
    String text,
    double score,
    double keywordScore,
    double vectorScore,
    boolean overview,
    String language) {

  public ChunkHit {
    language = language == null ? "" : language;
  }
}
