package io.learnloop.dialog.learning;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of one answer, chosen where the answer is given (the quiz card's button press), so that a
 * double click or a replayed request carries the same id and is counted once.
 */
public record AnswerId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:._-]{1,120}");

  public AnswerId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an answer id is 1 to 120 letters, digits, ':', '.', '_' or '-' but was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
