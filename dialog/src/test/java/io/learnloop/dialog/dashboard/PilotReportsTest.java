package io.learnloop.dialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.dashboard.PilotReport.SkillProgress;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterTestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PilotReportsTest {

  private static final PilotPeriod PILOT =
      new PilotPeriod(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-25"));
  private static final Instant START = Instant.parse("2026-10-01T02:00:00Z");

  private final Catalog catalog = RosterTestData.catalog();
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final Scheduler scheduler = Spacing.defaults().scheduler();
  private final PilotReports reports =
      new PilotReports(
          catalog, answers, Spacing.defaults(), ResponseModelFile::shipped, PilotSettings.DEFAULTS);
  private final AtomicInteger ids = new AtomicInteger();

  private final RosterEntry siti = person("siti", "Siti Nurhaliza");
  private final RosterEntry budi = person("budi", "Budi Santoso");
  private final RosterEntry dewi = person("dewi", "Dewi Lestari");
  private final RosterEntry ayu = person("ayu", "Ayu Pratama");

  @Test
  void should_count_participation_reviews_kept_mastery_and_time_avoided_of_a_seeded_team() {
    // Siti: a pre-test of all four items, right; then one review on time, one two days late,
    // two never answered.
    for (String item : List.of("security-1", "security-2", "leave-1", "leave-2")) {
      answer(siti, item, true, START, AnswerContext.PRE_TEST);
    }
    Instant firstDue = dueAfterFirst(Rating.GOOD, START);
    answer(siti, "security-1", true, firstDue.plus(Duration.ofDays(1)), AnswerContext.DAILY);
    answer(siti, "security-2", false, firstDue.plus(Duration.ofDays(4)), AnswerContext.DAILY);
    // Budi: one wrong answer, its review answered half a day late.
    Instant budiStart = START.plus(Duration.ofDays(4));
    answer(budi, "leave-1", false, budiStart, AnswerContext.DAILY);
    answer(
        budi,
        "leave-1",
        true,
        dueAfterFirst(Rating.AGAIN, budiStart).plus(Duration.ofHours(12)),
        AnswerContext.DAILY);
    // Dewi: security-1 right every few days, security-2 never asked; and one answer before the
    // pilot's start, which counts for mastery but not for participation.
    answer(dewi, "leave-1", true, START.minus(Duration.ofDays(3)), AnswerContext.DAILY);
    for (int day = 0; day < 50; day += 5) {
      answer(dewi, "security-1", true, START.plus(Duration.ofDays(day)), AnswerContext.DAILY);
    }

    PilotReport report = reports.report(List.of(ayu, budi, dewi, siti), PILOT, Language.INDONESIAN);

    assertThat(report.participation().enrolled()).isEqualTo(4);
    assertThat(report.participation().active()).isEqualTo(3);
    assertThat(report.participation().answers()).isEqualTo(6 + 2 + 10);
    assertThat(report.participation().answersPerActivePerWeek().getAsDouble())
        .isCloseTo(18.0 / 3 / 8, within(1e-9));
    assertThat(report.participation().activeShare()).hasValue(0.75);

    // FSRS-6 defaults: a first right answer is due in 2 days, a wrong one in 1, a second right
    // one 15 days later. Siti: 4 first reviews due 3 Oct (1 kept), then 2 more left unanswered.
    // Budi: 1 kept, the next left unanswered. Dewi: due 3 Oct and answered on the 6th (late),
    // due 24 Oct and 17 Nov, each answered early (kept); her later ones fall after the pilot,
    // and her answer of 28 Sep was due before it.
    assertThat(report.reviews().due()).isEqualTo(6 + 2 + 3);
    assertThat(report.reviews().onTime()).isEqualTo(1 + 1 + 2);

    SkillProgress security = skill(report, RosterTestData.SECURITY);
    assertThat(security.name()).isEqualTo("Dasar-dasar keamanan");
    assertThat(security.learners()).isEqualTo(3);
    assertThat(security.atEnd().estimate()).isGreaterThan(security.atPlacement().estimate());
    assertThat(security.atEnd().uncertainty()).isPositive();
    assertThat(skill(report, RosterTestData.LEAVE).learners()).isEqualTo(3);

    // Dewi mastered security without security-2: one item of four skipped, 12 in all for three.
    assertThat(report.timeAvoided().skipped()).isEqualTo(1);
    assertThat(report.timeAvoided().oneSizeFitsAll()).isEqualTo(12);
    assertThat(report.timeAvoided().minutes()).isEqualTo(2.0);
  }

  @Test
  void should_count_no_one_active_and_no_reviews_for_a_team_that_has_not_started() {
    PilotReport report = reports.report(List.of(ayu), PILOT, Language.ENGLISH);

    assertThat(report.participation().active()).isZero();
    assertThat(report.participation().answersPerActivePerWeek()).isEmpty();
    assertThat(report.reviews().share()).isEmpty();
    assertThat(report.skills()).isEmpty();
    assertThat(report.timeAvoided().share()).isEmpty();
  }

  @Test
  void should_default_to_the_last_eight_weeks_and_refuse_a_period_backwards_or_too_long() {
    PilotPeriod last = PilotPeriod.lastWeeks(LocalDate.parse("2026-11-26"));

    assertThat(last.from()).isEqualTo(LocalDate.parse("2026-10-02"));
    assertThat(last.days()).isEqualTo(56);
    assertThatThrownBy(
            () -> new PilotPeriod(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-10-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
    assertThatThrownBy(
            () -> new PilotPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-10-01")))
        .hasMessageContaining("at most 366 days");
  }

  private Instant dueAfterFirst(Rating rating, Instant at) {
    return scheduler.review(Card.fresh(at), rating, at).due();
  }

  private static SkillProgress skill(PilotReport report, io.learnloop.dialog.catalog.SkillId id) {
    return report.skills().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private void answer(
      RosterEntry who, String item, boolean correct, Instant at, AnswerContext context) {
    answers.record(
        DashboardAnswers.answer(
            catalog, "a-" + ids.incrementAndGet(), who, item, correct, at, context));
  }

  private static RosterEntry person(String id, String name) {
    return new RosterEntry(
        new LearnerId("test:" + id),
        name,
        RosterTestData.ANALYST,
        Optional.<RoleId>empty(),
        "sales",
        Optional.of(new LearnerId("test:rina")),
        false);
  }
}
