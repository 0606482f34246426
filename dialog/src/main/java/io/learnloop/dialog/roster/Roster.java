package io.learnloop.dialog.roster;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisation's roster as last imported: who each person is, their role, team and manager. An
 * import replaces it whole, so that people who left the HR export leave the roster too.
 *
 * <p>Every method may throw {@link RosterUnavailableException} when the store cannot be reached.
 */
public interface Roster {

  /**
   * Replaces the roster with {@code entries}; readers see the old roster or the new one, never a
   * mix.
   *
   * @throws IllegalArgumentException when two entries are the same learner
   */
  void replaceAll(Collection<RosterEntry> entries);

  /** Everyone on the roster, in no particular order. */
  List<RosterEntry> all();

  /** The person's entry; empty when they are not on the roster. */
  Optional<RosterEntry> find(LearnerId learner);

  /** The people whose manager is {@code manager}, by name; empty for someone who manages no one. */
  List<RosterEntry> reportsOf(LearnerId manager);

  /**
   * Everyone who gets a weekly nudge: the people named as someone's manager and those flagged as
   * {@link RosterEntry#peopleManager() people managers}, by name.
   */
  default List<RosterEntry> managers() {
    return managersOf(all());
  }

  /** The {@link #managers() managers} among {@code everyone}, by name. */
  static List<RosterEntry> managersOf(List<RosterEntry> everyone) {
    Set<LearnerId> named =
        everyone.stream().flatMap(e -> e.manager().stream()).collect(Collectors.toSet());
    return everyone.stream()
        .filter(e -> e.peopleManager() || named.contains(e.learner()))
        .sorted(RosterEntry.BY_NAME)
        .toList();
  }

  /** {@code everyone}'s reports per manager, each list by name. */
  static Map<LearnerId, List<RosterEntry>> reportsByManager(List<RosterEntry> everyone) {
    return everyone.stream()
        .filter(e -> e.manager().isPresent())
        .sorted(RosterEntry.BY_NAME)
        .collect(Collectors.groupingBy(e -> e.manager().orElseThrow(), Collectors.toList()));
  }

  /**
   * @throws IllegalArgumentException when two entries are the same learner
   */
  static void requireDistinct(Collection<RosterEntry> entries) {
    Set<LearnerId> seen = new HashSet<>();
    for (RosterEntry entry : entries) {
      if (!seen.add(entry.learner())) {
        throw new IllegalArgumentException("'" + entry.learner() + "' is on the roster twice");
      }
    }
  }
}
