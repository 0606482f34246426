package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who may see what on the dashboard, from the roster as last imported: the admin every team; a
 * manager the teams of their own reports, showing those reports only; everyone their own page.
 */
public final class DashboardAccess {

  private final Roster roster;

  public DashboardAccess(Roster roster) {
    this.roster = Objects.requireNonNull(roster, "roster");
  }

  /** The teams the viewer may open, by id; empty for someone who manages no one. */
  public List<String> teams(Viewer viewer) {
    return List.copyOf(
        people(viewer).stream()
            .map(RosterEntry::team)
            .filter(t -> !t.isEmpty())
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }

  /**
   * The members of {@code team} the viewer may see, by name.
   *
   * @return empty when the viewer may not see the team, or nobody is on it
   */
  public Optional<List<RosterEntry>> members(Viewer viewer, String team) {
    List<RosterEntry> members =
        people(viewer).stream()
            .filter(e -> !team.isEmpty() && e.team().equals(team))
            .sorted(RosterEntry.BY_NAME)
            .toList();
    return members.isEmpty() ? Optional.empty() : Optional.of(members);
  }

  /**
   * Everyone the viewer may see across teams, by name: the admin the whole roster, a manager their
   * reports; empty for someone who manages no one.
   */
  public List<RosterEntry> people(Viewer viewer) {
    List<RosterEntry> visible =
        viewer instanceof Viewer.Person person ? roster.reportsOf(person.learner()) : roster.all();
    return visible.stream().sorted(RosterEntry.BY_NAME).toList();
  }

  /**
   * The learner's roster entry, if the viewer may see their page: the admin, the learner
   * themselves, or their manager.
   */
  public Optional<RosterEntry> learner(Viewer viewer, LearnerId learner) {
    Optional<RosterEntry> entry = roster.find(learner);
    if (viewer instanceof Viewer.Person person) {
      return entry.filter(
          e ->
              e.learner().equals(person.learner())
                  || e.manager().filter(person.learner()::equals).isPresent());
    }
    return entry;
  }
}
