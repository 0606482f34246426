package io.learnloop.dialog.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Review;
import io.learnloop.dialog.learning.model.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReadersTest {

  @TempDir Path dir;

  @Test
  void should_skip_malformed_response_rows_with_file_and_line_and_keep_the_rest()
      throws IOException {
    Path file = dir.resolve("train.tsv");
    Files.writeString(
        file,
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n"
            + "7\t100\t0\t1\t3\n"
            + "7\t101\t0\tyes\t3\n"
            + "7\t102\t0\n"
            + "8\t100\t0\t0\t3\n");

    Parsed<Response> parsed = ResponseLogReader.read(file);

    assertThat(parsed.rows())
        .containsExactly(
            new Response("7", "100", List.of("3"), true),
            new Response("8", "100", List.of("3"), false));
    assertThat(parsed.malformed()).extracting(MalformedRow::line).containsExactly(3L, 4L);
    assertThat(parsed.malformed().get(0).toString())
        .isEqualTo(file + ":3: correct must be 0 or 1 but was 'yes'");
  }

  @Test
  void should_refuse_a_response_file_without_the_header() throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "7\t100\t0\t1\t3\n");
    assertThatThrownBy(() -> ResponseLogReader.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ":1: expected the header");
  }

  @Test
  void should_skip_malformed_reviews_with_their_line() throws IOException {
    Path file = dir.resolve("revlog.csv");
    Files.writeString(
        file,
        "card_id,review_rating,review_time,review_duration\n"
            + "1,3,2024-03-29T20:32:32.250000+00:00,100\n"
            + "1,5,2024-03-30T20:32:32.250000+00:00,100\n"
            + "1,3,yesterday,100\n"
            + "1,1,2024-04-02T08:00:00+00:00,100\n");

    Parsed<Review> parsed = ReviewLogReader.read(file);

    assertThat(parsed.rows()).extracting(Review::rating).containsExactly(Rating.GOOD, Rating.AGAIN);
    assertThat(parsed.malformed()).extracting(MalformedRow::line).containsExactly(3L, 4L);
    assertThat(parsed.malformed().get(0).reason()).contains("1 (again) to 4 (easy) but was 5");
  }
}
