package io.learnloop.dialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.InMemoryRoster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TeamDashboardsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

  private final Catalog catalog = RosterTestData.catalog();
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final InMemoryRoster roster = new InMemoryRoster();
  private final InMemoryContentGaps gaps = new InMemoryContentGaps();
  private final TeamDashboards dashboards =
      new TeamDashboards(
          catalog,
          answers,
          new Snapshots(catalog, answers, new InMemoryLearners(), Spacing.defaults()),
          gaps);
  private final AtomicInteger ids = new AtomicInteger();

  private final RosterEntry rina = person("rina", "Rina Wijaya", "sales", null);
  private final RosterEntry siti = person("siti", "Siti Nurhaliza", "sales", "rina");
  private final RosterEntry budi = person("budi", "Budi Santoso", "sales", "rina");
  private final RosterEntry dewi = person("dewi", "Dewi Lestari", "support", "made");
  private final RosterEntry made = person("made", "Made Wirawan", "support", null);

  TeamDashboardsTest() {
    roster.replaceAll(List.of(rina, siti, budi, dewi, made));
  }

  @Test
  void should_show_participation_mastery_weeks_and_the_hardest_items_of_a_team() {
    for (int i = 0; i < 3; i++) {
      answer(siti, "security-1", true, NOW.minus(Duration.ofDays(1 + i)));
      answer(budi, "leave-1", false, NOW.minus(Duration.ofDays(10 + i)));
    }
    gaps.record(new ContentGap(ContentGap.Kind.UNANSWERED, "sales", "Parking?", NOW));

    TeamPage page = dashboards.team("sales", List.of(siti, budi), Language.INDONESIAN, NOW);

    assertThat(page.overview()).isEqualTo(new TeamPage.Overview(2, 1, 2, 3, 6));
    assertThat(page.rows())
        .extracting(TeamPage.HeatmapRow::name)
        .containsExactly("Budi Santoso", "Siti Nurhaliza");
    assertThat(page.skills())
        .extracting(TeamPage.SkillColumn::name)
        .containsExactlyInAnyOrder("Kebijakan cuti", "Dasar-dasar keamanan");
    assertThat(estimate(page, "Siti Nurhaliza", RosterTestData.SECURITY)).isGreaterThan(0.5);
    assertThat(estimate(page, "Budi Santoso", RosterTestData.LEAVE)).isLessThan(0.5);
    assertThat(page.weeks()).hasSize(8);
    assertThat(page.weeks().get(7).answers()).isEqualTo(3);
    assertThat(page.weeks().get(7).accuracy()).hasValue(1.0);
    assertThat(page.weeks().get(6).accuracy()).hasValue(0.0);
    assertThat(page.hardest())
        .extracting(
            h -> h.item().value() + " " + h.correct() + "/" + h.attempts() + " " + h.sourceUrl())
        .containsExactly(
            "leave-1 0/3 /docs/leave-1.md#section", "security-1 3/3 /docs/security-1.md#section");
    assertThat(page.gaps()).extracting(ContentGapCount::subject).containsExactly("Parking?");
  }

  @Test
  void should_show_a_new_answer_at_the_next_view() {
    answer(siti, "security-1", false, NOW.minus(Duration.ofDays(1)));
    TeamPage before = dashboards.team("sales", List.of(siti), Language.ENGLISH, NOW);

    answer(siti, "security-2", true, NOW.minus(Duration.ofMinutes(5)));
    TeamPage after = dashboards.team("sales", List.of(siti), Language.ENGLISH, NOW);

    assertThat(before.overview().answers7()).isEqualTo(1);
    assertThat(after.overview().answers7()).isEqualTo(2);
    assertThat(estimate(after, "Siti Nurhaliza", RosterTestData.SECURITY))
        .isGreaterThan(estimate(before, "Siti Nurhaliza", RosterTestData.SECURITY));
  }

  @Test
  void should_show_a_learner_their_own_page_without_the_teams_gaps() {
    gaps.record(new ContentGap(ContentGap.Kind.UNANSWERED, "sales", "Parking?", NOW));

    TeamPage own = dashboards.learner(siti, Language.ENGLISH, NOW);

    assertThat(own.rows()).extracting(TeamPage.HeatmapRow::name).containsExactly("Siti Nurhaliza");
    assertThat(own.gaps()).isEmpty();
  }

  @Test
  void should_let_a_manager_see_only_their_reports_and_an_employee_only_themselves() {
    DashboardAccess access = new DashboardAccess(roster);
    Viewer asRina = new Viewer.Person(rina.learner());
    Viewer asSiti = new Viewer.Person(siti.learner());

    assertThat(access.teams(new Viewer.Admin())).containsExactly("sales", "support");
    assertThat(access.teams(asRina)).containsExactly("sales");
    assertThat(access.teams(asSiti)).isEmpty();
    assertThat(access.members(asRina, "sales")).contains(List.of(budi, siti));
    assertThat(access.members(asRina, "support")).isEmpty();
    assertThat(access.members(asSiti, "sales")).isEmpty();
    assertThat(access.members(new Viewer.Admin(), "support")).contains(List.of(dewi, made));
    assertThat(access.learner(asSiti, siti.learner())).contains(siti);
    assertThat(access.learner(asSiti, budi.learner())).isEmpty();
    assertThat(access.learner(asRina, budi.learner())).contains(budi);
    assertThat(access.learner(asRina, dewi.learner())).isEmpty();
  }

  private static double estimate(
      TeamPage page, String name, io.learnloop.dialog.catalog.SkillId skill) {
    int column = page.skills().stream().map(TeamPage.SkillColumn::id).toList().indexOf(skill);
    return page.rows().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow()
        .cells()
        .get(column)
        .mastery()
        .orElseThrow()
        .estimate();
  }

  private void answer(RosterEntry who, String item, boolean correct, Instant at) {
    answers.record(
        DashboardAnswers.answer(
            catalog, "a-" + ids.incrementAndGet(), who, item, correct, at, AnswerContext.DAILY));
  }

  private static RosterEntry person(String id, String name, String team, String manager) {
    return new RosterEntry(
        new LearnerId("test:" + id),
        name,
        RosterTestData.ANALYST,
        Optional.<RoleId>empty(),
        team,
        Optional.ofNullable(manager).map(m -> new LearnerId("test:" + m)),
        false);
  }
}
