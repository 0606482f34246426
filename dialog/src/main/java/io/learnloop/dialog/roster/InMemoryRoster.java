package io.learnloop.dialog.roster;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Roster} in memory, for tests and tools. Thread-safe. */
public final class InMemoryRoster implements Roster {

  private final Map<LearnerId, RosterEntry> entries = new HashMap<>();

  @Override
  public synchronized void replaceAll(Collection<RosterEntry> replacement) {
    Roster.requireDistinct(replacement);
    entries.values().removeIf(e -> e.source() == RosterEntry.Source.IMPORT);
    replacement.forEach(e -> entries.put(e.learner(), Roster.imported(e)));
  }

  @Override
  public synchronized boolean putFromProfile(RosterEntry entry) {
    Roster.requireProfile(entry);
    RosterEntry before = entries.get(entry.learner());
    if (before != null && before.source() == RosterEntry.Source.IMPORT) {
      return false;
    }
    entries.put(entry.learner(), entry);
    return true;
  }

  @Override
  public synchronized List<RosterEntry> all() {
    return List.copyOf(entries.values());
  }

  @Override
  public synchronized Optional<RosterEntry> find(LearnerId learner) {
    return Optional.ofNullable(entries.get(learner));
  }

  @Override
  public synchronized List<RosterEntry> reportsOf(LearnerId manager) {
    return entries.values().stream()
        .filter(e -> e.manager().filter(manager::equals).isPresent())
        .sorted(RosterEntry.BY_NAME)
        .toList();
  }
}
