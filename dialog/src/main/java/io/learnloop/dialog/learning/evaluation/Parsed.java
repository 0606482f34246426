package io.learnloop.dialog.learning.evaluation;

import java.util.List;

/** The rows read from a file, and the rows that were skipped because they were malformed. */
public record Parsed<T>(List<T> rows, List<MalformedRow> malformed) {

  public Parsed {
    rows = List.copyOf(rows);
    malformed = List.copyOf(malformed);
  }
}
