package io.learnloop.knowledge.search;

import java.util.List;

/** The documents found for a question, best first, and how strongly the best one supports it. */
public record SearchResult(PreparedQuery query, List<DocumentHit> documents, Evidence evidence) {

  public SearchResult {
    documents = List.copyOf(documents);
  }
}
