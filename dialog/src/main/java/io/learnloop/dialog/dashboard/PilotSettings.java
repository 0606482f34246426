package io.learnloop.dialog.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * How the pilot report counts.
 *
 * @param minutesPerQuestion what one quiz question costs a learner, reading the feedback included:
 *     the unit of training time avoided
 * @param reviewTolerance how late a spaced review may be answered and still count as on time: the
 *     quiz comes on workdays, so a review due on a Saturday is kept when answered on Monday
 */
public record PilotSettings(double minutesPerQuestion, Duration reviewTolerance) {

  public static final PilotSettings DEFAULTS = new PilotSettings(2, Duration.ofDays(2));

  public PilotSettings {
    Objects.requireNonNull(reviewTolerance, "reviewTolerance");
    if (!(minutesPerQuestion > 0 && minutesPerQuestion <= 60)) {
      throw new IllegalArgumentException(
          "minutes per question must be more than 0 and at most 60 but was " + minutesPerQuestion);
    }
    if (reviewTolerance.isNegative() || reviewTolerance.compareTo(Duration.ofDays(14)) > 0) {
      throw new IllegalArgumentException(
          "the review tolerance must be 0 to 14 days but was " + reviewTolerance);
    }
  }
}
