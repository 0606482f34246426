package io.learnloop.dialog.learning.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference numbers from py-fsrs's {@code tests/test_basic.py} for FSRS-6's defaults. */
class SchedulerTest {

  private static final Instant T0 = Instant.parse("2022-11-29T12:30:00Z");
  private final Scheduler scheduler = Scheduler.defaults(FsrsParameters.DEFAULT);

  @Test
  void should_give_py_fsrs_intervals_when_reviewing_each_card_when_due() {
    Rating[] ratings = {
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.AGAIN,
      Rating.AGAIN,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD,
      Rating.GOOD
    };
    Card card = Card.fresh(T0);
    List<Long> intervals = new ArrayList<>();
    for (Rating rating : ratings) {
      card = scheduler.review(card, rating, card.due());
      intervals.add(Duration.between(card.lastReview(), card.due()).toDays());
    }

    assertThat(intervals)
        .containsExactly(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L);
  }

  @Test
  void should_give_py_fsrs_memory_state_after_a_lapse_and_five_passes() {
    Rating[] ratings = {
      Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD
    };
    int[] days = {0, 0, 1, 3, 8, 21};
    Card card = Card.fresh(T0);
    Instant at = T0;
    for (int i = 0; i < ratings.length; i++) {
      at = at.plus(Duration.ofDays(days[i]));
      card = scheduler.review(card, ratings[i], at);
    }
    card = scheduler.review(card, Rating.GOOD, at);

    assertThat(card.memory().stability()).isCloseTo(53.62691, within(1e-4));
    assertThat(card.memory().difficulty()).isCloseTo(6.3463, within(1e-4));
  }

  @Test
  void should_bottom_out_difficulty_when_every_review_is_easy() {
    Card card = Card.fresh(T0);
    for (int i = 0; i < 10; i++) {
      card = scheduler.review(card, Rating.EASY, T0.plusNanos(i * 1000L));
    }
    assertThat(card.memory().difficulty()).isEqualTo(1.0);
  }

  @Test
  void should_predict_90_percent_recall_after_stability_days() {
    Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULT);
    assertThat(fsrs.retrievability(12.0, 12)).isCloseTo(0.9, within(1e-9));
    assertThat(fsrs.retrievability(12.0, 30)).isLessThan(0.9);
  }

  @Test
  void should_refuse_a_review_before_the_last_one() {
    Card card = scheduler.review(Card.fresh(T0), Rating.GOOD, T0);
    assertThatThrownBy(() -> scheduler.review(card, Rating.GOOD, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the last review");
  }

  @Test
  void should_refuse_parameters_out_of_bounds() {
    double[] w = FsrsParameters.DEFAULT.w();
    w[7] = 0.9;
    assertThatThrownBy(() -> new FsrsParameters(w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w[7] = 0.9");
  }
}
