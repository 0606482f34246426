package io.learnloop.dialog.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a slot of a job if this instance wins its claim: marks it done when the work returns, gives
 * it up for another instance when the work fails, and skips it while the claims cannot be reached.
 */
public final class JobRunner {

  private static final Logger log = Logger.getLogger(JobRunner.class.getName());

  /** What became of one attempt to run a slot. */
  public enum Outcome {
    /** This instance ran the slot and marked it done. */
    RAN,
    /** Another instance holds or finished the slot. */
    TAKEN,
    /** The work failed; the slot was given up for a retry. */
    FAILED,
    /** The claims store was unreachable; the slot was not run here. */
    SKIPPED
  }

  private final JobClaims claims;

  public JobRunner(JobClaims claims) {
    this.claims = Objects.requireNonNull(claims, "claims");
  }

  /**
   * @param work given the claim, so that it can pass the fencing token on to the stores it writes
   */
  public Outcome runOnce(
      String job, Instant scheduledFor, Duration lease, Consumer<JobClaim> work) {
    JobClaim claim;
    try {
      var claimed = claims.claim(job, scheduledFor, lease);
      if (claimed.isEmpty()) {
        return Outcome.TAKEN;
      }
      claim = claimed.get();
    } catch (JobClaimsUnavailableException e) {
      log.log(Level.WARNING, "Skipping " + job + " of " + scheduledFor + ": claims unreachable", e);
      return Outcome.SKIPPED;
    }
    try {
      work.accept(claim);
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "Job " + job + " of " + scheduledFor + " failed; giving it up", e);
      try {
        claims.release(claim);
      } catch (JobClaimsUnavailableException unreachable) {
        // The lease runs out by itself; another instance takes the slot over then.
      }
      return Outcome.FAILED;
    }
    try {
      if (!claims.done(claim)) {
        log.warning(() -> "Job " + job + " of " + scheduledFor + " outlived its lease of " + lease);
      }
    } catch (JobClaimsUnavailableException e) {
      log.log(Level.WARNING, "Could not mark " + job + " of " + scheduledFor + " done", e);
    }
    return Outcome.RAN;
  }
}
