package io.learnloop.dialog.coaching;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.channel.Reply.ManagerNudge.InactiveReport;
import io.learnloop.dialog.channel.Reply.ManagerNudge.MissedItem;
import io.learnloop.dialog.channel.Reply.ManagerNudge.TeamSkill;
import io.learnloop.dialog.channel.Reply.ManagerNudge.WeakSkill;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.policy.SkillMastery;
import io.learnloop.dialog.learning.policy.Targets;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The weekly coaching nudge for one manager, about their own reports on the roster only:
 * participation, team mastery per skill against the reports' role targets (the learner model's
 * estimate a month ahead with its uncertainty, as each learner's own progress shows it), the two
 * weakest skills with the questions missed most, who has not practised for a week, and two or three
 * prompts for a 10-minute conversation.
 */
public final class ManagerNudges {

  private static final int WEAKEST = 2;
  private static final int MISSED_PER_SKILL = 2;

  private final Catalog catalog;
  private final Roster roster;
  private final AnswerLog answers;
  private final Snapshots snapshots;

  public ManagerNudges(Catalog catalog, Roster roster, AnswerLog answers, Snapshots snapshots) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
  }

  /** The manager's nudge in {@code language} as of {@code now}. */
  public ManagerNudge of(LearnerId manager, Language language, Instant now) {
    return of(roster.reportsOf(manager), language, now);
  }

  /**
   * The nudge of the manager of {@code reports}, when the caller has read the roster once for many
   * managers.
   *
   * @param reports the manager's reports on the roster, by name
   */
  public ManagerNudge of(List<RosterEntry> reports, Language language, Instant now) {
    String title = Messages.get(language, "nudge.title");
    List<ReportWeek> team = new ArrayList<>();
    for (RosterEntry report : reports) {
      List<AnswerEvent> events = answers.answers(report.learner());
      team.add(
          ReportWeek.of(
              report,
              snapshots.of(report.learner(), report.role(), report.nextRole(), now, events),
              events,
              now));
    }
    if (team.isEmpty()) {
      return new ManagerNudge(
          language,
          title,
          Messages.get(language, "nudge.no-reports"),
          0,
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          "");
    }
    List<TeamSkill> skills = new ArrayList<>();
    Map<SkillId, TeamSkill> bySkill = new LinkedHashMap<>();
    targetedSkills(team)
        .forEach(
            skill -> {
              TeamSkill line = teamSkill(skill, team, language);
              skills.add(line);
              bySkill.put(skill, line);
            });
    List<WeakSkill> weakest =
        bySkill.entrySet().stream()
            .filter(e -> e.getValue().mastery() < e.getValue().target())
            .sorted(Comparator.comparingDouble(e -> e.getValue().mastery() - e.getValue().target()))
            .limit(WEAKEST)
            .map(e -> weakSkill(e.getKey(), e.getValue(), team))
            .toList();
    List<InactiveReport> inactive =
        team.stream().filter(r -> !r.activeThisWeek()).map(r -> inactive(r, now)).toList();
    int active = (int) team.stream().filter(ReportWeek::activeThisWeek).count();
    long atTarget = skills.stream().filter(ManagerNudges::teamAtTarget).count();
    String summary =
        Messages.get(language, "nudge.summary", active, team.size(), atTarget, skills.size());
    return new ManagerNudge(
        language,
        title,
        summary,
        active,
        team.size(),
        skills,
        weakest,
        inactive,
        CoachingPrompts.choose(language, weakest, inactive, skills, team, catalog),
        dashboardPath(reports, language));
  }

  /** The reports' team page when they are all on one team, else the dashboard's start. */
  static String dashboardPath(List<RosterEntry> reports, Language language) {
    Set<String> teams =
        reports.stream().map(RosterEntry::team).collect(java.util.stream.Collectors.toSet());
    String lang = "?lang=" + (language == Language.INDONESIAN ? "id" : "en");
    return teams.size() == 1 && !teams.iterator().next().isEmpty()
        ? "/dashboard/teams/" + teams.iterator().next() + lang
        : "/dashboard" + lang;
  }

  // Each skill the reports' roles target, once, in the order the roles list them.
  private List<SkillId> targetedSkills(List<ReportWeek> team) {
    LinkedHashMap<SkillId, Boolean> skills = new LinkedHashMap<>();
    for (ReportWeek report : team) {
      catalog
          .role(report.person().role())
          .ifPresent(role -> role.targets().keySet().forEach(s -> skills.put(s, true)));
    }
    return List.copyOf(skills.keySet());
  }

  private TeamSkill teamSkill(SkillId skill, List<ReportWeek> team, Language language) {
    List<SkillMastery> masteries = new ArrayList<>();
    double target = 0;
    int met = 0;
    for (ReportWeek report : team) {
      TargetLevel level =
          catalog
              .role(report.person().role())
              .map(Role::targets)
              .map(t -> t.get(skill))
              .orElse(null);
      if (level == null) {
        continue;
      }
      SkillMastery mastery = report.snapshot().mastery(skill);
      double threshold = Targets.threshold(level);
      masteries.add(mastery);
      target += threshold;
      met += mastery.lowerBound() >= threshold ? 1 : 0;
    }
    SkillMastery mean = SkillMastery.mean(masteries);
    int n = masteries.size();
    return new TeamSkill(
        name(skill, language), mean.estimate(), mean.uncertainty(), target / n, met, n);
  }

  static boolean teamAtTarget(TeamSkill skill) {
    return skill.mastery() - skill.uncertainty() >= skill.target();
  }

  private WeakSkill weakSkill(SkillId skill, TeamSkill line, List<ReportWeek> team) {
    Map<ItemId, int[]> missed = new LinkedHashMap<>();
    for (ReportWeek report : team) {
      report
          .recentMisses()
          .forEach(
              (item, count) -> {
                boolean ofSkill =
                    catalog.item(item).map(i -> i.skills().contains(skill)).orElse(false);
                if (ofSkill) {
                  int[] tally = missed.computeIfAbsent(item, k -> new int[2]);
                  tally[0] += count;
                  tally[1]++;
                }
              });
    }
    List<MissedItem> most =
        missed.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<ItemId, int[]>>comparingInt(e -> -e.getValue()[0])
                    .thenComparing(e -> e.getKey().value()))
            .limit(MISSED_PER_SKILL)
            .map(
                e ->
                    new MissedItem(
                        catalog.item(e.getKey()).map(Item::question).orElseThrow(),
                        e.getValue()[0],
                        e.getValue()[1]))
            .toList();
    return new WeakSkill(line.skill(), line.mastery(), line.target(), most);
  }

  private static InactiveReport inactive(ReportWeek report, Instant now) {
    return new InactiveReport(
        report.person().name(),
        report
            .lastAnswer()
            .map(at -> OptionalInt.of((int) Duration.between(at, now).toDays()))
            .orElse(OptionalInt.empty()));
  }

  private String name(SkillId skill, Language language) {
    return catalog.skill(skill).map(s -> s.name().in(language)).orElse(skill.value());
  }
}
