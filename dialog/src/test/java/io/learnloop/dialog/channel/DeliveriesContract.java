package io.learnloop.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Deliveries} must do. Extend it once per implementation; {@link #deliveries()}
 * returns a working store whose clock is the wall clock.
 */
public abstract class DeliveriesContract {

  protected abstract Deliveries deliveries();

  protected static String newKey() {
    return "test:" + UUID.randomUUID();
  }

  @Test
  void should_claim_a_delivery_only_the_first_time() {
    Deliveries deliveries = deliveries();
    String key = newKey();

    assertThat(deliveries.claim(key, Duration.ofMinutes(5))).isTrue();
    assertThat(deliveries.claim(key, Duration.ofMinutes(5))).isFalse();
    assertThat(deliveries.claim(key, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void should_answer_a_claim_sent_ahead_like_a_claim() {
    Deliveries deliveries = deliveries();
    String key = newKey();

    Deliveries.Claim first = deliveries.claimAhead(key, Duration.ofMinutes(5));
    Deliveries.Claim second = deliveries.claimAhead(key, Duration.ofMinutes(5));

    assertThat(first.first()).isTrue();
    assertThat(second.first()).isFalse();
    assertThat(deliveries.claim(key, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void should_keep_different_deliveries_apart() {
    Deliveries deliveries = deliveries();

    assertThat(deliveries.claim(newKey(), Duration.ofMinutes(5))).isTrue();
    assertThat(deliveries.claim(newKey(), Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void should_claim_again_when_the_delivery_was_forgotten() {
    Deliveries deliveries = deliveries();
    String key = newKey();
    assertThat(deliveries.claim(key, Duration.ofMillis(200))).isTrue();

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> deliveries.claim(key, Duration.ofMinutes(5)));
    assertThat(deliveries.claim(key, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void should_let_exactly_one_of_many_concurrent_claims_win() throws Exception {
    Deliveries deliveries = deliveries();
    String key = newKey();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        claims.add(() -> deliveries.claim(key, Duration.ofMinutes(5)));
      }
      long winners = 0;
      for (Future<Boolean> claim : pool.invokeAll(claims)) {
        winners += claim.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_refuse_a_key_longer_than_256_characters() {
    Deliveries deliveries = deliveries();

    assertThat(deliveries.claim("k".repeat(256), Duration.ofMinutes(5))).isTrue();
    assertThatThrownBy(() -> deliveries.claim("k".repeat(257), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256");
  }

  @Test
  void should_refuse_an_empty_key_and_a_remember_time_that_is_not_positive() {
    Deliveries deliveries = deliveries();

    assertThatThrownBy(() -> deliveries.claim("", Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deliveries.claim(newKey(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remember");
  }
}
