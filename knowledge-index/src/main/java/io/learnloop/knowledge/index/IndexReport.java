package io.learnloop.knowledge.index;

import java.util.List;

/**
 * What an update did.
 *
 * @param skipped one line per document left out, naming it and the reason
 */
public record IndexReport(
    int documents,
    int indexed,
    int unchanged,
    int removed,
    int chunks,
    List<String> skipped,
    long millis) {

  public IndexReport {
    skipped = List.copyOf(skipped);
  }
}
