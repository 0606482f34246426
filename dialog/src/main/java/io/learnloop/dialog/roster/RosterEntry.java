package io.learnloop.dialog.roster;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.learning.LearnerId;
import java.util.Objects;
import java.util.Optional;

/**
 * One person on the organisation's roster, as the HR system knows them.
 *
 * @param learner the learner this person is in LearnLoop
 * @param name how colleagues call them, e.g. "Siti Nurhaliza"
 * @param nextRole the role the person is working toward, if any
 * @param team the team's id (letters, digits, {@code . _ -}); empty for none
 * @param manager the learner who gets this person's progress in their weekly nudge
 * @param peopleManager flagged as a manager by HR, so nudged even with no reports on the roster
 */
public record RosterEntry(
    LearnerId learner,
    String name,
    RoleId role,
    Optional<RoleId> nextRole,
    String team,
    Optional<LearnerId> manager,
    boolean peopleManager) {

  /** People by name as a reader expects them, ties broken by id so every order is reproducible. */
  public static final java.util.Comparator<RosterEntry> BY_NAME =
      java.util.Comparator.comparing(RosterEntry::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(e -> e.learner().value());

  public RosterEntry {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(nextRole, "nextRole");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(manager, "manager");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a name is 1 to 200 characters but was '" + name + "'");
    }
    if (manager.filter(learner::equals).isPresent()) {
      throw new IllegalArgumentException("'" + learner + "' cannot be their own manager");
    }
  }
}
