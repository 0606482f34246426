package io.learnloop.dialog.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.schedule.JobRunner.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

  private static final Instant NINE = Instant.parse("2026-12-01T02:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private final JobClaims claims = new InMemoryJobClaims(Clock.systemUTC(), JobLeases.KEEP_DONE);
  private final List<Long> tokens = new ArrayList<>();

  @Test
  void should_run_a_slot_once_and_pass_the_fencing_token_to_the_work() {
    JobRunner first = new JobRunner(claims);
    JobRunner second = new JobRunner(claims);

    assertThat(first.runOnce("daily-quiz", NINE, LEASE, c -> tokens.add(c.token())))
        .isEqualTo(Outcome.RAN);
    assertThat(second.runOnce("daily-quiz", NINE, LEASE, c -> tokens.add(c.token())))
        .isEqualTo(Outcome.TAKEN);
    assertThat(tokens).hasSize(1).allSatisfy(token -> assertThat(token).isPositive());
  }

  @Test
  void should_give_up_a_failed_slot_so_that_another_instance_retries_it() {
    JobRunner runner = new JobRunner(claims);

    Outcome failed =
        runner.runOnce(
            "daily-quiz",
            NINE,
            LEASE,
            c -> {
              throw new IllegalStateException("boom");
            });

    assertThat(failed).isEqualTo(Outcome.FAILED);
    assertThat(runner.runOnce("daily-quiz", NINE, LEASE, c -> tokens.add(c.token())))
        .isEqualTo(Outcome.RAN);
    assertThat(tokens).hasSize(1);
  }

  @Test
  void should_skip_a_slot_while_the_claims_cannot_be_reached() {
    JobClaims unreachable =
        new JobClaims() {
          @Override
          public Optional<JobClaim> claim(String job, Instant scheduledFor, Duration lease) {
            throw new JobClaimsUnavailableException("down", null);
          }

          @Override
          public boolean done(JobClaim claim) {
            throw new JobClaimsUnavailableException("down", null);
          }

          @Override
          public void release(JobClaim claim) {
            throw new JobClaimsUnavailableException("down", null);
          }
        };

    assertThat(new JobRunner(unreachable).runOnce("daily-quiz", NINE, LEASE, c -> tokens.add(1L)))
        .isEqualTo(Outcome.SKIPPED);
    assertThat(tokens).isEmpty();
  }
}
