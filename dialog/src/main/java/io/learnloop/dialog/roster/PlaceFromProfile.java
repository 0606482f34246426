package io.learnloop.dialog.roster;

import io.learnloop.dialog.catalog.JobTitles;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.identity.ProfilePlacement;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gives a learner the role, team and manager their chat profile says, when the HR export does not
 * list them: the job title maps to a role by {@link JobTitles}, the department to a team id by
 * {@link RosterEntry#teamId}, and the manager to the learner known by the manager's chat identity
 * or email (an unknown manager is left empty). The result is a {@link RosterEntry.Source#PROFILE
 * profile} roster entry, so that the person shows in their manager's reports and their team; a
 * person on the imported roster keeps what the import gave them.
 */
public final class PlaceFromProfile implements ProfilePlacement {

  // Far more levels than any organisation has: a chain longer than this is taken as a loop.
  private static final int MAX_CHAIN = 50;

  /**
   * How long a profile placed once is not placed again while it says the same: channels give the
   * same cached profile with every message, and placing reads the roster a few times.
   */
  static final Duration UNCHANGED_FOR = Duration.ofMinutes(10);

  private static final int REMEMBERED = 10_000;

  private record Placed(LearnerId learner, ProfileHints.Work work, long atNanos) {}

  // The latest placements, by learner; the oldest go first.
  private final Map<LearnerId, Placed> placed =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LearnerId, Placed> eldest) {
              return size() > REMEMBERED;
            }
          });

  private final JobTitles titles;
  private final Learners learners;
  private final Roster roster;
  private final RoleId defaultRole;

  /**
   * @param defaultRole the role of a person whose title maps to none
   */
  public PlaceFromProfile(JobTitles titles, Learners learners, Roster roster, RoleId defaultRole) {
    this.titles = Objects.requireNonNull(titles, "titles");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
  }

  /**
   * Places {@code learner}, met as {@code user}, as {@code work} says, when that changes anything.
   * A profile that says nothing of the person's job changes nothing, nor does one for a person on
   * the imported roster; a profile whose title, team and manager map to nothing places no one who
   * was not placed by a profile before.
   *
   * <p>A roster that cannot be read or written leaves the learner as they were: the next
   * interaction tries again, and the one at hand goes on.
   *
   * @return the learner as saved, or {@code learner} when nothing changed
   * @throws io.learnloop.dialog.learning.LearnersUnavailableException when the learners' store is
   *     down
   */
  @Override
  public Learner place(Learner learner, ChannelUser user, ProfileHints.Work work) {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(user, "user");
    if (work.isEmpty()) {
      return learner;
    }
    Placed last = placed.get(learner.id());
    long now = System.nanoTime();
    if (last != null
        && last.work().equals(work)
        && now - last.atNanos() < UNCHANGED_FOR.toNanos()) {
      return learner;
    }
    try {
      Learner result = placed(learner, user, work);
      placed.put(learner.id(), new Placed(learner.id(), work, now));
      return result;
    } catch (RosterUnavailableException e) {
      return learner;
    }
  }

  private Learner placed(Learner learner, ChannelUser user, ProfileHints.Work work) {
    Optional<RosterEntry> before = roster.find(learner.id());
    if (before.filter(e -> e.source() == RosterEntry.Source.IMPORT).isPresent()) {
      return learner;
    }
    Optional<RoleId> role = work.title().flatMap(titles::roleFor);
    String team = work.team().map(RosterEntry::teamId).orElse("");
    Optional<LearnerId> manager = manager(learner.id(), user, work);
    if (role.isEmpty() && team.isEmpty() && manager.isEmpty() && before.isEmpty()) {
      return learner;
    }
    String name =
        work.name()
            .filter(n -> n.length() <= 200)
            .or(() -> before.map(RosterEntry::name))
            .orElse(learner.id().value());
    RosterEntry entry =
        new RosterEntry(
            learner.id(),
            name,
            role.orElse(defaultRole),
            before.flatMap(RosterEntry::nextRole),
            team,
            manager,
            false,
            RosterEntry.Source.PROFILE);
    Learner placed = learner.withPlacement(entry.role(), team, manager);
    if (before.filter(entry::equals).isPresent() && placed.equals(learner)) {
      return learner;
    }
    if (!roster.putFromProfile(entry)) {
      return learner;
    }
    if (placed.equals(learner)) {
      return learner;
    }
    learners.save(placed);
    return placed;
  }

  private Optional<LearnerId> manager(LearnerId learner, ChannelUser user, ProfileHints.Work work) {
    Optional<LearnerId> found =
        work.managerUser()
            .flatMap(
                id -> {
                  try {
                    ChannelUser manager = new ChannelUser(user.channel(), user.workspace(), id);
                    return learners.findByIdentity(manager.channel(), manager.identity());
                  } catch (IllegalArgumentException e) {
                    return Optional.empty();
                  }
                })
            .or(
                () ->
                    work.managerEmail()
                        .flatMap(email -> learners.findByIdentity(Enrollment.EMAIL, email)))
            .map(Learner::id);
    return found.filter(m -> !m.equals(learner) && !leadsBackTo(m, learner));
  }

  // Whether the chain of managers up from {@code manager} comes back to {@code learner}.
  private boolean leadsBackTo(LearnerId manager, LearnerId learner) {
    Set<LearnerId> seen = new HashSet<>();
    Optional<LearnerId> at = Optional.of(manager);
    while (at.isPresent() && seen.size() < MAX_CHAIN) {
      if (at.get().equals(learner) || !seen.add(at.get())) {
        return true;
      }
      at = roster.find(at.get()).flatMap(RosterEntry::manager);
    }
    return at.isPresent();
  }
}
