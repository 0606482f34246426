package io.learnloop.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacesTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Paces paces =
      new Paces(
          RateLimiterConfig.custom()
              .limitForPeriod(1)
              .limitRefreshPeriod(Duration.ofSeconds(1))
              .timeoutDuration(Duration.ZERO)
              .build(),
          nanos::get);

  @Test
  void should_pace_a_key_with_one_limiter_while_it_is_in_use() {
    RateLimiter first = paces.of("C1");

    assertThat(first.acquirePermission()).isTrue();
    assertThat(paces.of("C1")).isSameAs(first);
    assertThat(paces.of("C1").acquirePermission()).isFalse();
    assertThat(paces.of("C2").acquirePermission()).isTrue();
  }

  @Test
  void should_let_go_of_the_paces_of_keys_unused_for_a_while() {
    paces.of("C1");
    paces.of("C2");
    nanos.addAndGet(Paces.IDLE.minusSeconds(1).toNanos());
    paces.of("C2");

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    assertThat(paces.kept()).isEqualTo(1);
    assertThat(paces.of("C2")).isNotNull();
  }
}
