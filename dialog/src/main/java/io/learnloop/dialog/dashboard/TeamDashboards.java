package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.dashboard.LearnerSummary.Tally;
import io.learnloop.dialog.dashboard.TeamPage.Cell;
import io.learnloop.dialog.dashboard.TeamPage.HardItem;
import io.learnloop.dialog.dashboard.TeamPage.HeatmapRow;
import io.learnloop.dialog.dashboard.TeamPage.Overview;
import io.learnloop.dialog.dashboard.TeamPage.SkillColumn;
import io.learnloop.dialog.dashboard.TeamPage.Week;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.policy.Targets;
import io.learnloop.dialog.quiz.DocumentLinks;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The learning dashboard's pages: a team's, and one learner's own. Mastery is the learner model's
 * estimate a month ahead, as the weekly nudge and each learner's progress show it, never raw
 * counts. Who may see which page is decided by {@link DashboardAccess}, not here.
 */
public final class TeamDashboards {

  static final int WEEKS = 8;
  static final int HARDEST = 5;
  static final int GAPS = 10;

  /** Fewer answers than this in four weeks say nothing about an item's difficulty. */
  static final int MIN_ATTEMPTS = 3;

  private final Catalog catalog;
  private final ContentGaps gaps;
  private final LearnerSummaries summaries;

  public TeamDashboards(Catalog catalog, AnswerLog answers, Snapshots snapshots, ContentGaps gaps) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.gaps = Objects.requireNonNull(gaps, "gaps");
    this.summaries = new LearnerSummaries(answers, snapshots);
  }

  /**
   * The page of {@code team} showing {@code members}.
   *
   * @param members the people the viewer may see in the team, by name
   */
  public TeamPage team(String team, List<RosterEntry> members, Language language, Instant now) {
    return page(team, members, language, now, gaps.mostFrequent(team, GAPS));
  }

  /** One learner's own page: their row, their weeks and their hardest items, no team gaps. */
  public TeamPage learner(RosterEntry person, Language language, Instant now) {
    return page(person.team(), List.of(person), language, now, List.of());
  }

  private TeamPage page(
      String team,
      List<RosterEntry> members,
      Language language,
      Instant now,
      List<ContentGapCount> gapCounts) {
    List<RosterEntry> sorted = members.stream().sorted(RosterEntry.BY_NAME).toList();
    Map<RosterEntry, LearnerSummary> summary = new HashMap<>();
    List<LearnerSummary> computed = summaries.of(sorted, now);
    for (int i = 0; i < sorted.size(); i++) {
      summary.put(sorted.get(i), computed.get(i));
    }
    LocalDate today = LearnerSummary.day(now);
    List<SkillColumn> skills =
        targetedSkills(catalog, sorted).stream()
            .map(s -> new SkillColumn(s, name(catalog, s, language)))
            .toList();
    List<HeatmapRow> rows =
        sorted.stream()
            .map(m -> new HeatmapRow(m.learner(), m.name(), cells(m, summary.get(m), skills)))
            .toList();
    return new TeamPage(
        team,
        overview(summary.values(), today),
        skills,
        rows,
        weeks(summary.values(), today),
        gapCounts,
        hardest(summary.values()));
  }

  private static Overview overview(Iterable<LearnerSummary> team, LocalDate today) {
    int members = 0;
    int active7 = 0;
    int active28 = 0;
    int answers7 = 0;
    int answers28 = 0;
    for (LearnerSummary learner : team) {
      members++;
      int week = learner.between(today.minusDays(6), today).answers();
      int month = learner.between(today.minusDays(27), today).answers();
      active7 += week > 0 ? 1 : 0;
      active28 += month > 0 ? 1 : 0;
      answers7 += week;
      answers28 += month;
    }
    return new Overview(members, active7, active28, answers7, answers28);
  }

  private static List<Week> weeks(Iterable<LearnerSummary> team, LocalDate today) {
    List<Week> weeks = new ArrayList<>();
    for (int back = WEEKS - 1; back >= 0; back--) {
      LocalDate to = today.minusDays(7L * back);
      LocalDate from = to.minusDays(6);
      Tally sum = Tally.NONE;
      for (LearnerSummary learner : team) {
        sum = sum.plus(learner.between(from, to));
      }
      weeks.add(new Week(from, to, sum.answers(), sum.correct()));
    }
    return weeks;
  }

  private List<HardItem> hardest(Iterable<LearnerSummary> team) {
    Map<ItemId, Tally> items = new HashMap<>();
    team.forEach(
        learner -> learner.recentItems().forEach((id, t) -> items.merge(id, t, Tally::plus)));
    List<HardItem> hard = new ArrayList<>();
    items.forEach(
        (id, tally) -> {
          Optional<Item> item = catalog.item(id);
          if (item.isPresent() && tally.answers() >= MIN_ATTEMPTS) {
            hard.add(
                new HardItem(
                    id,
                    item.get().question(),
                    tally.answers(),
                    tally.correct(),
                    DocumentLinks.link(item.get().source()).url(),
                    item.get().source()));
          }
        });
    return hard.stream()
        .sorted(
            Comparator.comparingDouble(HardItem::successRate)
                .thenComparing(h -> -h.attempts())
                .thenComparing(h -> h.item().value()))
        .limit(HARDEST)
        .toList();
  }

  private List<Cell> cells(RosterEntry member, LearnerSummary summary, List<SkillColumn> skills) {
    Map<SkillId, TargetLevel> targets =
        catalog.role(member.role()).map(Role::targets).orElse(Map.of());
    return skills.stream()
        .map(
            column ->
                new Cell(
                    Optional.ofNullable(summary.mastery().get(column.id())),
                    Optional.ofNullable(targets.get(column.id()))
                        .map(level -> OptionalDouble.of(Targets.threshold(level)))
                        .orElse(OptionalDouble.empty())))
        .toList();
  }

  // Each skill the members' roles target, once, in the order the roles list them.
  static List<SkillId> targetedSkills(Catalog catalog, List<RosterEntry> members) {
    Set<SkillId> skills = new LinkedHashSet<>();
    for (RosterEntry member : members) {
      catalog.role(member.role()).ifPresent(role -> skills.addAll(role.targets().keySet()));
    }
    return List.copyOf(skills);
  }

  static String name(Catalog catalog, SkillId skill, Language language) {
    return catalog.skill(skill).map(s -> s.name().in(language)).orElse(skill.value());
  }
}
