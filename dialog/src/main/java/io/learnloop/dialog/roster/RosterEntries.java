package io.learnloop.dialog.roster;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/** What every {@link Roster} does the same way. */
final class RosterEntries {

  static final Comparator<RosterEntry> BY_NAME =
      Comparator.comparing(RosterEntry::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(e -> e.learner().value());

  private RosterEntries() {}

  static void requireDistinct(Collection<RosterEntry> entries) {
    Set<String> seen = new HashSet<>();
    for (RosterEntry entry : entries) {
      if (!seen.add(entry.learner().value())) {
        throw new IllegalArgumentException("'" + entry.learner() + "' is on the roster twice");
      }
    }
  }
}
