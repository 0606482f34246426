package io.learnloop.dialog.learning.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FsrsOptimizerTest {

  private static final Instant T0 = Instant.parse("2024-01-01T09:00:00Z");

  @Test
  void should_lower_the_training_loss_when_memory_lasts_longer_than_the_defaults_expect() {
    ReviewHistory history = new ReviewHistory(strongMemoryLog());
    double before = FsrsOptimizer.loss(FsrsParameters.DEFAULT.w(), history, t -> true);

    FsrsParameters fitted = new FsrsOptimizer(40).fit(history, t -> true);

    assertThat(FsrsOptimizer.loss(fitted.w(), history, t -> true)).isLessThan(before - 0.01);
  }

  @Test
  void should_beat_sm2_on_a_log_that_follows_a_forgetting_curve() {
    ReviewHistory history = new ReviewHistory(strongMemoryLog());
    double fsrs = FsrsOptimizer.loss(FsrsParameters.DEFAULT.w(), history, t -> true);
    double[] sm2 = new Sm2MemoryModel().predict(history);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < sm2.length; i++) {
      if (!Double.isNaN(sm2[i])) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, sm2[i]));
        sum -= history.recalled(i) ? Math.log(p) : Math.log(1 - p);
        n++;
      }
    }
    assertThat(n).isPositive();
    assertThat(fsrs).isLessThan(sum / n);
  }

  // Cards whose recall after t days is exp(-t / 60): far more durable than the defaults assume.
  private static List<Review> strongMemoryLog() {
    Random random = new Random(7);
    List<Review> reviews = new ArrayList<>();
    for (int card = 0; card < 150; card++) {
      Instant at = T0.plus(Duration.ofMinutes(card));
      reviews.add(new Review("c" + card, Rating.GOOD, at));
      for (int k = 0; k < 5; k++) {
        int days = 1 + random.nextInt(40);
        at = at.plus(Duration.ofDays(days));
        boolean recalled = random.nextDouble() < Math.exp(-days / 60.0);
        reviews.add(new Review("c" + card, recalled ? Rating.GOOD : Rating.AGAIN, at));
      }
    }
    return reviews;
  }
}
