package io.learnloop.dialog.learning;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A learner's id in LearnLoop, independent of chat channel: letters, digits and {@code : . _ -},
 * e.g. {@code lumbung:ayu.pratama} or {@code web:3f2a}.
 */
public record LearnerId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:._-]{1,120}");

  public LearnerId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a learner id is 1 to 120 letters, digits, ':', '.', '_' or '-' but was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
