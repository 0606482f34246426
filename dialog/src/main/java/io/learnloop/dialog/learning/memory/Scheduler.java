package io.learnloop.dialog.learning.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * FSRS-6 scheduling as in py-fsrs (without fuzz): short learning and relearning steps, then
 * intervals at which predicted recall falls to the desired retention.
 */
public final class Scheduler {

  private final Fsrs fsrs;
  private final double desiredRetention;
  private final List<Duration> learningSteps;
  private final List<Duration> relearningSteps;
  private final long maximumDays;

  /**
   * @throws IllegalArgumentException when the desired retention is not in (0, 1)
   */
  public Scheduler(
      FsrsParameters parameters,
      double desiredRetention,
      List<Duration> learningSteps,
      List<Duration> relearningSteps,
      long maximumDays) {
    if (!(desiredRetention > 0 && desiredRetention < 1)) {
      throw new IllegalArgumentException(
          "desired retention must be in (0, 1) but was " + desiredRetention);
    }
    this.fsrs = new Fsrs(parameters);
    this.desiredRetention = desiredRetention;
    this.learningSteps = List.copyOf(learningSteps);
    this.relearningSteps = List.copyOf(relearningSteps);
    this.maximumDays = maximumDays;
  }

  /** py-fsrs's defaults: retention 0.9, learning steps 1 and 10 minutes, relearning 10 minutes. */
  public static Scheduler defaults(FsrsParameters parameters) {
    return new Scheduler(
        parameters,
        0.9,
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
        List.of(Duration.ofMinutes(10)),
        36500);
  }

  public Fsrs fsrs() {
    return fsrs;
  }

  /** Probability of recalling the card's item at {@code now}; 0 for a card never reviewed. */
  public double retrievability(Card card, Instant now) {
    if (card.isNew()) {
      return 0;
    }
    return fsrs.retrievability(card.memory().stability(), wholeDays(card.lastReview(), now));
  }

  /**
   * The card after a review at {@code at}.
   *
   * @throws IllegalArgumentException when {@code at} is before the card's last review
   */
  public Card review(Card card, Rating rating, Instant at) {
    Objects.requireNonNull(rating, "rating");
    if (card.lastReview() != null && at.isBefore(card.lastReview())) {
      throw new IllegalArgumentException(
          "review at " + at + " is before the last review at " + card.lastReview());
    }
    Memory memory =
        card.isNew()
            ? fsrs.first(rating)
            : fsrs.next(card.memory(), rating, wholeDays(card.lastReview(), at));
    Card.Phase phase = card.phase();
    int step = card.step();
    Duration interval;
    if (phase == Card.Phase.REVIEW) {
      if (rating == Rating.AGAIN && !relearningSteps.isEmpty()) {
        phase = Card.Phase.RELEARNING;
        step = 0;
        interval = relearningSteps.get(0);
      } else {
        interval = days(memory);
      }
    } else {
      List<Duration> steps = phase == Card.Phase.LEARNING ? learningSteps : relearningSteps;
      if (steps.isEmpty()
          || rating == Rating.EASY
          || (rating != Rating.AGAIN && step >= steps.size())
          || (rating == Rating.GOOD && step + 1 == steps.size())) {
        phase = Card.Phase.REVIEW;
        step = 0;
        interval = days(memory);
      } else if (rating == Rating.AGAIN) {
        step = 0;
        interval = steps.get(0);
      } else if (rating == Rating.HARD) {
        interval =
            step != 0
                ? steps.get(step)
                : steps.size() == 1
                    ? steps.get(0).multipliedBy(3).dividedBy(2)
                    : steps.get(0).plus(steps.get(1)).dividedBy(2);
      } else {
        step++;
        interval = steps.get(step);
      }
    }
    return new Card(phase, step, memory, at, at.plus(interval));
  }

  private Duration days(Memory memory) {
    return Duration.ofDays(fsrs.interval(memory.stability(), desiredRetention, maximumDays));
  }

  /** Whole days between two instants, rounded down, as py-fsrs's {@code timedelta.days}. */
  public static long wholeDays(Instant from, Instant to) {
    return Math.floorDiv(Duration.between(from, to).toMillis(), Duration.ofDays(1).toMillis());
  }
}
