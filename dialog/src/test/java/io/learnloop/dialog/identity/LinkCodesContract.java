package io.learnloop.dialog.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LinkCodes} must do. Extend it once per implementation; {@link #codes()} returns
 * a working store whose clock is the wall clock.
 */
public abstract class LinkCodesContract {

  private static final LinkRequest ANA = new LinkRequest(new LearnerId("web:local:ana"), "web");
  private static final LinkRequest BUDI = new LinkRequest(new LearnerId("slack:T1:budi"), "slack");

  protected abstract LinkCodes codes();

  private static String newCode() {
    return RandomTokens.readable(12);
  }

  @Test
  void should_give_the_request_back_once_when_redeemed() {
    LinkCodes codes = codes();
    String code = newCode();

    assertThat(codes.issue(code, ANA, Duration.ofMinutes(10))).isTrue();

    assertThat(codes.redeem(code)).contains(ANA);
    assertThat(codes.redeem(code)).as("one use only").isEmpty();
  }

  @Test
  void should_know_no_code_it_never_issued() {
    assertThat(codes().redeem(newCode())).isEmpty();
  }

  @Test
  void should_keep_the_first_request_when_a_live_code_is_issued_again() {
    LinkCodes codes = codes();
    String code = newCode();
    codes.issue(code, ANA, Duration.ofMinutes(10));

    assertThat(codes.issue(code, BUDI, Duration.ofMinutes(10))).isFalse();
    assertThat(codes.redeem(code)).contains(ANA);
  }

  @Test
  void should_forget_a_code_once_it_expires() {
    LinkCodes codes = codes();
    String expiring = newCode();
    String kept = newCode();
    codes.issue(expiring, ANA, Duration.ofMillis(200));
    codes.issue(kept, BUDI, Duration.ofMinutes(10));

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> codes.issue(expiring, BUDI, Duration.ofMinutes(10)));
    assertThat(codes.redeem(expiring)).as("issued afresh once expired").contains(BUDI);
    assertThat(codes.redeem(kept)).contains(BUDI);
  }

  @Test
  void should_let_exactly_one_of_many_concurrent_redeems_win() throws Exception {
    LinkCodes codes = codes();
    String code = newCode();
    codes.issue(code, ANA, Duration.ofMinutes(10));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Optional<LinkRequest>>> redeems = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        redeems.add(() -> codes.redeem(code));
      }
      long winners = 0;
      for (Future<Optional<LinkRequest>> redeem : pool.invokeAll(redeems)) {
        winners += redeem.get().isPresent() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_refuse_a_code_of_other_symbols_and_a_validity_that_is_not_positive() {
    LinkCodes codes = codes();

    assertThatThrownBy(() -> codes.issue("ab:cd", ANA, Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codes.issue(newCode(), ANA, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
