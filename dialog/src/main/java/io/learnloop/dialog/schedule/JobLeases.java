package io.learnloop.dialog.schedule;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the {@link JobClaims} implementations. */
public final class JobLeases {

  /** How long a finished run is remembered by default: longer than any job's catch-up window. */
  public static final Duration KEEP_DONE = Duration.ofDays(8);

  private JobLeases() {}

  /**
   * @throws IllegalArgumentException when the lease is not at least a millisecond
   */
  public static Duration requirePositive(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.toMillis() <= 0) {
      throw new IllegalArgumentException("a lease is at least 1 ms but was " + lease);
    }
    return lease;
  }
}
