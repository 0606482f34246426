package io.learnloop.dialog.learning.evaluation;

import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Review;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * Reads a spaced-repetition review log: a header {@code card_id,review_rating,review_time,...} then
 * one review per row with a rating from 1 (forgotten) to 4 and an ISO-8601 time. Malformed rows are
 * skipped and reported with their line number.
 */
public final class ReviewLogReader {

  static final String HEADER_START = "card_id,review_rating,review_time";

  private ReviewLogReader() {}

  /**
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when the header is not the expected one
   */
  public static Parsed<Review> read(Path file) {
    return RowFile.read(
        file,
        header -> header.startsWith(HEADER_START),
        "a header starting with '" + HEADER_START + "'",
        ReviewLogReader::parse);
  }

  private static Review parse(String line) {
    String[] cells = line.split(",", -1);
    if (cells.length < 3) {
      throw new IllegalArgumentException(
          "expected at least 3 comma-separated columns but found " + cells.length);
    }
    if (cells[0].isBlank()) {
      throw new IllegalArgumentException("card_id is empty");
    }
    int rating;
    try {
      rating = Integer.parseInt(cells[1].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("review_rating '" + cells[1] + "' is not a number");
    }
    return new Review(
        cells[0].strip(), Rating.of(rating), OffsetDateTime.parse(cells[2].strip()).toInstant());
  }
}
