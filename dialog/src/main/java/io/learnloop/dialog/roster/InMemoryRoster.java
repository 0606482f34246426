package io.learnloop.dialog.roster;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link Roster} in memory, for tests and tools. Thread-safe. */
public final class InMemoryRoster implements Roster {

  private volatile Map<LearnerId, RosterEntry> entries = Map.of();

  @Override
  public void replaceAll(Collection<RosterEntry> replacement) {
    Roster.requireDistinct(replacement);
    entries =
        replacement.stream()
            .collect(Collectors.toUnmodifiableMap(RosterEntry::learner, Function.identity()));
  }

  @Override
  public List<RosterEntry> all() {
    return List.copyOf(entries.values());
  }

  @Override
  public Optional<RosterEntry> find(LearnerId learner) {
    return Optional.ofNullable(entries.get(learner));
  }

  @Override
  public List<RosterEntry> reportsOf(LearnerId manager) {
    return entries.values().stream()
        .filter(e -> e.manager().filter(manager::equals).isPresent())
        .sorted(RosterEntry.BY_NAME)
        .toList();
  }
}
