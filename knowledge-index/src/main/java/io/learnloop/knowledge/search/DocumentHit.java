package io.learnloop.knowledge.search;

import java.util.List;

/**
 * A document found for a query, with its passages that matched, best first.
 *
 * @param score the document's score: that of its best passage
 */
public record DocumentHit(String source, String title, double score, List<ChunkHit> passages) {

  public DocumentHit {
    passages = List.copyOf(passages);
  }

  public ChunkHit best() {
    return passages.get(0);
  }

  /** The best passage that can be quoted: the overview only when nothing else matched. */
  public ChunkHit bestQuotable() {
    return passages.stream()
        .filter(passage -> !passage.overview())
        .findFirst()
        .orElse(passages.get(0));
  }
}
