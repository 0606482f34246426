package io.learnloop.dialog.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobClaims} must do. Extend it once per implementation: {@link #claims()}
 * returns a store on the wall clock; two calls return two views of one shared store, as two
 * instances of LearnLoop would have.
 */
public abstract class JobClaimsContract {

  protected static final Instant NINE = Instant.parse("2026-12-01T02:00:00Z");
  protected static final Duration MINUTE = Duration.ofMinutes(1);

  protected abstract JobClaims claims();

  protected static String newJob() {
    return "job-" + UUID.randomUUID();
  }

  @Test
  void should_give_a_slot_to_one_claimant_only() {
    String job = newJob();

    Optional<JobClaim> first = claims().claim(job, NINE, MINUTE);
    Optional<JobClaim> second = claims().claim(job, NINE, MINUTE);

    assertThat(first).get().satisfies(c -> assertThat(c.scheduledFor()).isEqualTo(NINE));
    assertThat(second).isEmpty();
  }

  @Test
  void should_not_run_a_slot_again_once_it_is_done() {
    String job = newJob();
    JobClaim claim = claims().claim(job, NINE, Duration.ofMillis(300)).orElseThrow();

    assertThat(claims().done(claim)).isTrue();

    // Long after the lease: a finished slot stays finished.
    await()
        .pollDelay(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(5))
        .until(() -> claims().claim(job, NINE, MINUTE).isEmpty());
  }

  @Test
  void should_give_each_slot_of_a_job_its_own_claim() {
    String job = newJob();

    assertThat(claims().claim(job, NINE, MINUTE)).isPresent();
    assertThat(claims().claim(job, NINE.plus(Duration.ofDays(1)), MINUTE)).isPresent();
    assertThat(claims().claim(newJob(), NINE, MINUTE)).isPresent();
  }

  @Test
  void should_let_another_claimant_take_over_a_slot_whose_holder_died() {
    String job = newJob();
    JobClaim dead = claims().claim(job, NINE, Duration.ofMillis(200)).orElseThrow();

    AtomicReference<JobClaim> next = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              claims().claim(job, NINE, MINUTE).ifPresent(next::set);
              return next.get() != null;
            });

    assertThat(next.get().token()).isGreaterThan(dead.token());
    assertThat(claims().done(dead)).as("the dead holder lost its claim").isFalse();
    assertThat(claims().done(next.get())).isTrue();
  }

  @Test
  void should_hand_out_growing_fencing_tokens_per_job() {
    String job = newJob();
    long previous = 0;
    for (int day = 0; day < 5; day++) {
      JobClaim claim = claims().claim(job, NINE.plus(Duration.ofDays(day)), MINUTE).orElseThrow();
      assertThat(claim.token()).isGreaterThan(previous);
      previous = claim.token();
    }
  }

  @Test
  void should_let_a_released_slot_be_claimed_again_at_once() {
    String job = newJob();
    JobClaim failed = claims().claim(job, NINE, MINUTE).orElseThrow();

    claims().release(failed);

    JobClaim retry = claims().claim(job, NINE, MINUTE).orElseThrow();
    assertThat(retry.token()).isGreaterThan(failed.token());
    claims().release(failed);
    assertThat(claims().claim(job, NINE, MINUTE)).as("a stale release frees nothing").isEmpty();
  }

  @Test
  void should_let_exactly_one_of_many_concurrent_claimants_win() throws Exception {
    String job = newJob();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Optional<JobClaim>>> attempts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        attempts.add(() -> claims().claim(job, NINE, MINUTE));
      }
      long winners = 0;
      for (Future<Optional<JobClaim>> attempt : pool.invokeAll(attempts)) {
        winners += attempt.get().isPresent() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_refuse_an_invalid_job_name_or_lease() {
    assertThatThrownBy(() -> claims().claim("daily quiz", NINE, MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job name");
    assertThatThrownBy(() -> claims().claim(newJob(), NINE, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
  }
}
