package io.learnloop.dialog.learning.evaluation;

import io.learnloop.dialog.learning.model.Response;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads learner responses in the tab-separated format of the knowledge-tracing benchmarks: a header
 * {@code user_id item_id timestamp correct skill_id}, then one answer per row in each user's answer
 * order. Malformed rows are skipped and reported with their line number.
 */
public final class ResponseLogReader {

  static final String HEADER = "user_id\titem_id\ttimestamp\tcorrect\tskill_id";

  private ResponseLogReader() {}

  /**
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when the header is not the expected one
   */
  public static Parsed<Response> read(Path file) {
    return RowFile.read(
        file,
        HEADER::equals,
        "the header '" + HEADER.replace('\t', ' ') + "' (tab-separated)",
        ResponseLogReader::parse);
  }

  private static Response parse(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length != 5) {
      throw new IllegalArgumentException(
          "expected 5 tab-separated columns but found " + cells.length);
    }
    for (int i : new int[] {0, 1, 4}) {
      if (cells[i].isBlank()) {
        throw new IllegalArgumentException("column " + (i + 1) + " is empty");
      }
    }
    String correct = cells[3].strip();
    if (!correct.equals("0") && !correct.equals("1")) {
      throw new IllegalArgumentException("correct must be 0 or 1 but was '" + correct + "'");
    }
    return new Response(
        cells[0].strip(), cells[1].strip(), List.of(cells[4].strip()), correct.equals("1"));
  }
}
