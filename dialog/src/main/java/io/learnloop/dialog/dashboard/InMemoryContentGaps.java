package io.learnloop.dialog.dashboard;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Content gaps in this process only: for tests and tools. */
public final class InMemoryContentGaps implements ContentGaps {

  private record Key(String team, ContentGap.Kind kind, String subject) {}

  private final Map<Key, ContentGapCount> counts = new HashMap<>();

  @Override
  public synchronized void record(ContentGap gap) {
    Key key = new Key(gap.team(), gap.kind(), gap.subject());
    counts.merge(
        key,
        new ContentGapCount(gap.kind(), gap.subject(), 1, gap.at()),
        (old, one) ->
            new ContentGapCount(
                old.kind(),
                old.subject(),
                old.count() + 1,
                latest(old.lastSeen(), one.lastSeen())));
  }

  @Override
  public synchronized List<ContentGapCount> mostFrequent(String team, int limit) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().team().equals(team))
        .map(Map.Entry::getValue)
        .sorted(ContentGapCount.MOST_FREQUENT)
        .limit(limit)
        .toList();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
