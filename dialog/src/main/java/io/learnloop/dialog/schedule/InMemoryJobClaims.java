package io.learnloop.dialog.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Job claims of this process only: for tests, and for a single instance without a shared store. */
public final class InMemoryJobClaims implements JobClaims {

  private record Slot(String job, Instant scheduledFor) {}

  private record Holder(long token, Instant until, boolean done) {}

  private final Clock clock;
  private final Duration keepDone;
  private final Map<Slot, Holder> slots = new HashMap<>();
  private final Map<String, Long> tokens = new HashMap<>();

  public InMemoryJobClaims(Clock clock, Duration keepDone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keepDone = Objects.requireNonNull(keepDone, "keepDone");
  }

  @Override
  public synchronized Optional<JobClaim> claim(String job, Instant scheduledFor, Duration lease) {
    JobClaim.requireValidJob(job);
    JobLeases.requirePositive(lease);
    Instant now = clock.instant();
    slots.values().removeIf(holder -> !holder.until().isAfter(now));
    Slot slot = new Slot(job, scheduledFor);
    if (slots.containsKey(slot)) {
      return Optional.empty();
    }
    long token = tokens.merge(job, 1L, Long::sum);
    slots.put(slot, new Holder(token, now.plus(lease), false));
    return Optional.of(new JobClaim(job, scheduledFor, token));
  }

  @Override
  public synchronized boolean done(JobClaim claim) {
    if (!holds(claim)) {
      return false;
    }
    slots.put(
        new Slot(claim.job(), claim.scheduledFor()),
        new Holder(claim.token(), clock.instant().plus(keepDone), true));
    return true;
  }

  @Override
  public synchronized void release(JobClaim claim) {
    if (holds(claim)) {
      slots.remove(new Slot(claim.job(), claim.scheduledFor()));
    }
  }

  private boolean holds(JobClaim claim) {
    Holder holder = slots.get(new Slot(claim.job(), claim.scheduledFor()));
    return holder != null
        && !holder.done()
        && holder.token() == claim.token()
        && holder.until().isAfter(clock.instant());
  }
}
