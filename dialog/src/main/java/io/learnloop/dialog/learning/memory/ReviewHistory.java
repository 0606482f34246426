package io.learnloop.dialog.learning.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A review log laid out for fast replays: reviews grouped by card, each card's in time order, with
 * the whole days since the card's previous review (srs-benchmark's protocol: floor of Δt / 24 h)
 * and whether the review is scored (at least one day after the previous one).
 */
public final class ReviewHistory {

  final int[] ratings;
  final long[] elapsedDays;
  final long[] times;
  final boolean[] first;
  private final int[] cards;
  private final int size;

  /** Reviews of the same card and time keep their order in {@code reviews}. */
  public ReviewHistory(List<Review> reviews) {
    List<Review> sorted = new ArrayList<>(reviews);
    sorted.sort(Comparator.comparing(Review::card).thenComparing(Review::at));
    size = sorted.size();
    ratings = new int[size];
    elapsedDays = new long[size];
    times = new long[size];
    first = new boolean[size];
    cards = new int[size];
    for (int i = 0; i < size; i++) {
      Review r = sorted.get(i);
      ratings[i] = r.rating().value();
      times[i] = r.at().toEpochMilli();
      first[i] = i == 0 || !sorted.get(i - 1).card().equals(r.card());
      elapsedDays[i] = first[i] ? -1 : Scheduler.wholeDays(sorted.get(i - 1).at(), r.at());
      cards[i] = i == 0 ? 0 : cards[i - 1] + (first[i] ? 1 : 0);
    }
  }

  public int size() {
    return size;
  }

  /** Whether review {@code i} is predicted and scored: not a card's first nor a same-day one. */
  public boolean scored(int i) {
    return !first[i] && elapsedDays[i] >= 1;
  }

  /** The card of review {@code i}, numbered from 0. */
  public int card(int i) {
    return cards[i];
  }

  public boolean recalled(int i) {
    return ratings[i] > 1;
  }

  /** Whole days since the card's previous review; -1 for its first. */
  public long elapsedDays(int i) {
    return elapsedDays[i];
  }

  public long time(int i) {
    return times[i];
  }

  /** The time that splits the reviews into an earlier and a later half. */
  public long medianTime() {
    long[] copy = times.clone();
    java.util.Arrays.sort(copy);
    return copy[size / 2];
  }
}
