package io.learnloop.dialog.learning.memory;

import java.time.Instant;
import java.util.Objects;

/** One review of one card in a review log. */
public record Review(String card, Rating rating, Instant at) {

  public Review {
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(at, "at");
  }
}
