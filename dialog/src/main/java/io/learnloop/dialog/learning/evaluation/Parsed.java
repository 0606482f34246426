package io.learnloop.dialog.learning.evaluation;

import java.util.List;

/**
 * The rows read from a file, and the rows that were skipped because they were malformed.
 *
 * @param lines the file line (1 = header) of each row, in the same order as {@code rows}
 * @param lastLine the number of the file's last line
 */
public record Parsed<T>(
    List<T> rows, List<Long> lines, List<MalformedRow> malformed, long lastLine) {

  public Parsed {
    rows = List.copyOf(rows);
    lines = List.copyOf(lines);
    malformed = List.copyOf(malformed);
    if (rows.size() != lines.size()) {
      throw new IllegalArgumentException("need the line of every row");
    }
  }
}
