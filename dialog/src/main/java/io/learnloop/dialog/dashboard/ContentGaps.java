package io.learnloop.dialog.dashboard;

import java.util.List;

/**
 * The content gaps each team ran into, for the dashboard: the same question unanswered twice, or
 * the same documents found unhelpful twice, is one gap counted twice. A store may keep only the
 * {@link #KEPT_PER_TEAM} most frequent gaps per team.
 *
 * <p>Every method may throw {@link ContentGapsUnavailableException} when the store cannot be
 * reached.
 */
public interface ContentGaps {

  /** How many distinct gaps a store keeps per team at least; the rarest go first. */
  int KEPT_PER_TEAM = 500;

  /** Counts one occurrence of {@code gap} for its team. */
  void record(ContentGap gap);

  /**
   * The team's gaps, most frequent first (ties: the one seen last first), at most {@code limit}.
   *
   * @param team a team id; empty for people on no team
   */
  List<ContentGapCount> mostFrequent(String team, int limit);

  /** A store that keeps nothing, where no dashboard is wired. */
  static ContentGaps none() {
    return new ContentGaps() {
      @Override
      public void record(ContentGap gap) {}

      @Override
      public List<ContentGapCount> mostFrequent(String team, int limit) {
        return List.of();
      }
    };
  }
}
