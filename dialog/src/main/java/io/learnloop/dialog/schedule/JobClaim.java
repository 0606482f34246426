package io.learnloop.dialog.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The right to run one slot of a job.
 *
 * @param token the fencing token: greater than that of every earlier claim of the same job
 */
public record JobClaim(String job, Instant scheduledFor, long token) {

  private static final Pattern JOB = Pattern.compile("[A-Za-z0-9._-]{1,80}");

  public JobClaim {
    requireValidJob(job);
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    if (token <= 0) {
      throw new IllegalArgumentException("a fencing token is positive but was " + token);
    }
  }

  /**
   * @throws IllegalArgumentException when {@code job} is not a valid job name
   */
  public static String requireValidJob(String job) {
    Objects.requireNonNull(job, "job");
    if (!JOB.matcher(job).matches()) {
      throw new IllegalArgumentException(
          "a job name is 1 to 80 letters, digits, '.', '_' or '-' but was '" + job + "'");
    }
    return job;
  }
}
