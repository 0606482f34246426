package io.learnloop.dialog.learning.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reads a text file of one header line and one record per line, skipping malformed lines. */
final class RowFile {

  private RowFile() {}

  /**
   * @param parser parses one non-blank line; throws IllegalArgumentException (or a subclass) with
   *     the reason when the line is malformed
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when the header is missing or not accepted
   */
  static <T> Parsed<T> read(
      Path file, Predicate<String> header, String expectedHeader, Function<String, T> parser) {
    List<T> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<MalformedRow> malformed = new ArrayList<>();
    long line = 1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || !header.test(first.strip())) {
        throw new IllegalArgumentException(file + ":1: expected " + expectedHeader);
      }
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          rows.add(parser.apply(text));
          lines.add(line);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
          malformed.add(new MalformedRow(file, line, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
    return new Parsed<>(rows, lines, malformed, line);
  }
}
