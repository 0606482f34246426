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
 * @param source where the entry comes from: the HR export wins over a chat profile
 */
public record RosterEntry(
    LearnerId learner,
    String name,
    RoleId role,
    Optional<RoleId> nextRole,
    String team,
    Optional<LearnerId> manager,
    boolean peopleManager,
    Source source) {

  /** Where an entry comes from. */
  public enum Source {
    /** The HR export (the CSV roster): replaced whole by every import. */
    IMPORT,
    /**
     * The person's Slack or Teams profile, for people the HR export does not list: kept across
     * imports until an import lists the person.
     */
    PROFILE
  }

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
    Objects.requireNonNull(source, "source");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a name is 1 to 200 characters but was '" + name + "'");
    }
    if (manager.filter(learner::equals).isPresent()) {
      throw new IllegalArgumentException("'" + learner + "' cannot be their own manager");
    }
  }

  /** An entry from the HR export. */
  public RosterEntry(
      LearnerId learner,
      String name,
      RoleId role,
      Optional<RoleId> nextRole,
      String team,
      Optional<LearnerId> manager,
      boolean peopleManager) {
    this(learner, name, role, nextRole, team, manager, peopleManager, Source.IMPORT);
  }

  /**
   * A team as written ("Finance Ops", "Keuangan & Pajak") as the team id learners share: folded to
   * lower case ASCII, accents dropped, every run of other characters one {@code -}, at most 80
   * characters ("finance-ops", "keuangan-pajak").
   */
  public static String teamId(String written) {
    String plain =
        java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "");
    String slug =
        plain
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.length() <= 80 ? slug : slug.substring(0, 80);
  }
}
