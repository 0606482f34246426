package io.learnloop.dialog.coaching;

import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.schedule.FanOut;
import io.learnloop.dialog.schedule.JobRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends every manager on the roster their weekly nudge in their direct conversation, at their
 * {@link NudgeSchedule} time in their own time zone. Each manager's week is one slot of the core's
 * job claims, so that two instances, a retried sweep or a restart send it once, and a week missed
 * while every instance was down is sent once at the next sweep. A nudge no channel took is given up
 * for the next sweep to try again.
 */
public final class WeeklyNudges {

  /** How long one manager's nudge may take before another instance may take it over. */
  static final Duration LEASE = Duration.ofMinutes(2);

  /** Managers worked on at once in a sweep. */
  public static final int WORKERS = 8;

  private static final Logger log = Logger.getLogger(WeeklyNudges.class.getName());

  private final ManagerNudges nudges;
  private final Roster roster;
  private final Learners learners;
  private final JobRunner runner;
  private final Assistant assistant;
  private final Set<String> channels;
  private final NudgeSchedule schedule;

  /**
   * @param channels the channels that can write first (Slack, Teams), tried in name order
   */
  public WeeklyNudges(
      ManagerNudges nudges,
      Roster roster,
      Learners learners,
      JobRunner runner,
      Assistant assistant,
      Set<String> channels,
      NudgeSchedule schedule) {
    this.nudges = Objects.requireNonNull(nudges, "nudges");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.assistant = Objects.requireNonNull(assistant, "assistant");
    this.channels = Set.copyOf(channels);
    this.schedule = Objects.requireNonNull(schedule, "schedule");
  }

  /** The claim job of one manager's weekly nudges; its slot is the week's nudge time. */
  static String job(RosterEntry manager) {
    return "manager-nudge-" + ShortDigest.of(manager.learner().value(), 12);
  }

  /**
   * Sends the nudges due at {@code now} that no one has sent yet, several managers at once so that
   * the stores' round trips and a slow channel overlap.
   *
   * @return how many managers this call sent a nudge to
   */
  public int sendDue(Instant now) {
    List<RosterEntry> everyone = roster.all();
    List<RosterEntry> managers = Roster.managersOf(everyone);
    Map<LearnerId, List<RosterEntry>> reports = Roster.reportsByManager(everyone);
    return FanOut.count(
        managers,
        WORKERS,
        "nudges",
        manager -> sendIfDue(manager, reports.getOrDefault(manager.learner(), List.of()), now));
  }

  private boolean sendIfDue(RosterEntry manager, List<RosterEntry> reports, Instant now) {
    Optional<Learner> learner = learners.find(manager.learner());
    if (learner.isEmpty()) {
      return false;
    }
    List<String> reachable =
        channels.stream().filter(learner.get().identities()::containsKey).sorted().toList();
    Optional<Instant> slot = schedule.due(learner.get().timezone(), now);
    if (reachable.isEmpty() || slot.isEmpty()) {
      return false;
    }
    return runner.runOnce(
            job(manager), slot.get(), LEASE, claim -> send(learner.get(), reports, reachable, now))
        == JobRunner.Outcome.RAN;
  }

  private void send(
      Learner manager, List<RosterEntry> reports, List<String> reachable, Instant now) {
    ManagerNudge nudge = nudges.of(reports, manager.language(), now);
    for (String channel : reachable) {
      if (!assistant.sendDirect(manager, channel, nudge).isEmpty()) {
        return;
      }
      log.warning(() -> "Weekly nudge of " + manager.id() + " not delivered on " + channel);
    }
    throw new IllegalStateException(
        "the weekly nudge of " + manager.id() + " was delivered on none of " + reachable);
  }
}
