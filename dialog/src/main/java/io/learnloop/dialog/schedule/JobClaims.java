package io.learnloop.dialog.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs each scheduled run of a job, so that a job scheduled on N instances sharing one store
 * runs once per slot (job name + scheduled time). A claim lasts a lease: if its holder dies without
 * finishing, another instance takes the slot over once the lease has passed. A slot marked {@link
 * #done done} is never claimed again.
 *
 * <p>Every claim carries a fencing token that grows with each claim of the job, so that work done
 * under a claim can be refused by a store that has already seen a newer token: a holder paused past
 * its lease cannot overwrite its successor's work.
 */
public interface JobClaims {

  /**
   * Claims the run of {@code job} scheduled for {@code scheduledFor}.
   *
   * @param job letters, digits, {@code . _ -}, at most 80 characters
   * @param lease how long the claim holds without being marked done; positive
   * @return the claim, or empty when the slot is done or another holder's lease is still running
   * @throws JobClaimsUnavailableException when the store cannot be reached; the run should be
   *     skipped, since it cannot be known whether another instance runs it
   * @throws IllegalArgumentException when the job name or lease is invalid
   */
  Optional<JobClaim> claim(String job, Instant scheduledFor, Duration lease);

  /**
   * Marks the claimed run finished: its slot is not claimed again for as long as the store
   * remembers finished runs (at least a week).
   *
   * @return false when the claim was no longer held (its lease passed and another holder took it)
   * @throws JobClaimsUnavailableException when the store cannot be reached
   */
  boolean done(JobClaim claim);

  /**
   * Gives the slot up unfinished, so that another instance may claim it at once; nothing happens
   * when the claim is no longer held.
   *
   * @throws JobClaimsUnavailableException when the store cannot be reached
   */
  void release(JobClaim claim);
}
