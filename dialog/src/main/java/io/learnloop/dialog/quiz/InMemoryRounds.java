package io.learnloop.dialog.quiz;

import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Team rounds in this process's memory; for tests and tools. */
public final class InMemoryRounds implements Rounds {

  private final Map<String, Round> rounds = new ConcurrentHashMap<>();
  private final Map<String, Map<LearnerId, Integer>> answers = new ConcurrentHashMap<>();
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  @Override
  public void opened(Round round) {
    rounds.put(round.id(), round);
  }

  @Override
  public void posted(String roundId, String messageId) {
    rounds.computeIfPresent(roundId, (id, round) -> round.postedAs(messageId));
  }

  @Override
  public Optional<Round> find(String roundId) {
    return Optional.ofNullable(rounds.get(roundId));
  }

  @Override
  public int answered(String roundId, LearnerId learner, int choice) {
    return answers
        .computeIfAbsent(roundId, id -> new ConcurrentHashMap<>())
        .computeIfAbsent(learner, l -> choice);
  }

  @Override
  public Map<LearnerId, Integer> answers(String roundId) {
    return Map.copyOf(answers.getOrDefault(roundId, Map.of()));
  }

  @Override
  public boolean close(String roundId) {
    return closed.add(roundId);
  }

  @Override
  public boolean closed(String roundId) {
    return closed.contains(roundId);
  }

  @Override
  public List<String> closingBy(Instant now, int limit) {
    return rounds.values().stream()
        .filter(r -> !r.closesAt().isAfter(now) && !closed.contains(r.id()))
        .sorted(java.util.Comparator.comparing(Round::closesAt))
        .limit(limit)
        .map(Round::id)
        .toList();
  }
}
