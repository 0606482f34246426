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
 * The organisation's roster: who each person is, their role, team and manager. Most entries come
 * from the HR export ({@link RosterEntry.Source#IMPORT}): an import replaces those whole, so that
 * people who left the HR export leave the roster too. People the export does not list may have an
 * entry from their chat profile ({@link RosterEntry.Source#PROFILE}): an import keeps those, except
 * for the people it now lists, whose imported entry replaces the profile's. An imported entry is
 * never replaced by a profile's.
 *
 * <p>Every method may throw {@link RosterUnavailableException} when the store cannot be reached.
 */
public interface Roster {

  /**
   * Replaces the imported roster with {@code entries}, which become {@link
   * RosterEntry.Source#IMPORT imported} entries whatever their source; profile entries of people
   * {@code entries} does not list stay. Readers see the old roster or the new one, never a mix.
   *
   * @throws IllegalArgumentException when two entries are the same learner
   */
  void replaceAll(Collection<RosterEntry> entries);

  /**
   * Adds or replaces the {@link RosterEntry.Source#PROFILE profile} entry of a person, unless the
   * imported roster lists them (the HR export wins, even against an import that finishes at the
   * same time).
   *
   * @param entry an entry whose source is {@link RosterEntry.Source#PROFILE}
   * @return whether the entry was written; {@code false} when the imported roster lists the person
   * @throws IllegalArgumentException when the entry's source is not the profile
   */
  boolean putFromProfile(RosterEntry entry);

  /** Everyone on the roster, imported or from a profile, in no particular order. */
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
   * @throws IllegalArgumentException when {@code entry} is not from a profile
   */
  static void requireProfile(RosterEntry entry) {
    if (entry.source() != RosterEntry.Source.PROFILE) {
      throw new IllegalArgumentException(
          "'" + entry.learner() + "' is from the " + entry.source() + ", not a profile");
    }
  }

  /** {@code entry} as an imported entry. */
  static RosterEntry imported(RosterEntry entry) {
    return entry.source() == RosterEntry.Source.IMPORT
        ? entry
        : new RosterEntry(
            entry.learner(),
            entry.name(),
            entry.role(),
            entry.nextRole(),
            entry.team(),
            entry.manager(),
            entry.peopleManager());
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
