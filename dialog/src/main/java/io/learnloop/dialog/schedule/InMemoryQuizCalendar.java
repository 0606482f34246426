package io.learnloop.dialog.schedule;

import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A quiz calendar for one instance and for tests. */
public final class InMemoryQuizCalendar implements QuizCalendar {

  private final Map<LearnerId, Instant> plans = new ConcurrentHashMap<>();

  @Override
  public void plan(LearnerId learner, Instant next) {
    plans.put(learner, next);
  }

  @Override
  public List<LearnerId> due(Instant now, int limit) {
    return plans.entrySet().stream()
        .filter(e -> !e.getValue().isAfter(now))
        .sorted(Map.Entry.comparingByValue())
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public void forget(LearnerId learner) {
    plans.remove(learner);
  }
}
