package io.learnloop.dialog.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * How often one gap was seen in a team, and when last.
 *
 * @param subject as in {@link ContentGap#subject()}
 */
public record ContentGapCount(ContentGap.Kind kind, String subject, long count, Instant lastSeen) {

  /** Most frequent first; of two seen as often, the one seen last first. */
  public static final Comparator<ContentGapCount> MOST_FREQUENT =
      Comparator.comparingLong(ContentGapCount::count)
          .thenComparing(ContentGapCount::lastSeen)
          .reversed();

  public ContentGapCount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (count < 1) {
      throw new IllegalArgumentException("a gap is seen at least once but was " + count);
    }
  }
}
