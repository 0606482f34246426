package io.learnloop.dialog.coaching;

import static io.learnloop.dialog.coaching.CoachingTestData.answer;
import static io.learnloop.dialog.coaching.CoachingTestData.person;
import static io.learnloop.dialog.roster.RosterTestData.ANALYST;
import static io.learnloop.dialog.roster.RosterTestData.RISK;
import static io.learnloop.dialog.roster.RosterTestData.SECURITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.channel.Reply.ManagerNudge.InactiveReport;
import io.learnloop.dialog.channel.Reply.ManagerNudge.TeamSkill;
import io.learnloop.dialog.i18n.Language;
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
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagerNudgesTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T02:00:00Z");

  private final Catalog catalog = RosterTestData.catalog();
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final InMemoryRoster roster = new InMemoryRoster();
  private final InMemoryLearners learners = new InMemoryLearners();
  private final Snapshots snapshots = new Snapshots(catalog, answers, learners, Spacing.defaults());
  private final ManagerNudges nudges = new ManagerNudges(catalog, roster, answers, snapshots);

  private final RosterEntry rina = person("t:rina", "Rina Wijaya", RISK, null);
  private final RosterEntry siti = person("t:siti", "Siti Nurhaliza", ANALYST, "t:rina");
  private final RosterEntry budi = person("t:budi", "Budi Santoso", ANALYST, "t:rina");
  private final RosterEntry ayu = person("t:ayu", "Ayu Pratama", ANALYST, "t:rina");
  private final RosterEntry made = person("t:made", "Made Wirawan", RISK, null);
  private final RosterEntry dewi = person("t:dewi", "Dewi Lestari", ANALYST, "t:made");

  @BeforeEach
  void teams() {
    roster.replaceAll(
        List.of(
            rina,
            siti,
            budi,
            ayu,
            made,
            dewi,
            new RosterEntry(
                new LearnerId("t:eko"),
                "Eko Prasetyo",
                ANALYST,
                Optional.of(RISK),
                "team",
                Optional.of(made.learner()),
                false)));
    Instant yesterday = MONDAY.minus(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      answer(answers, catalog, siti.learner(), "security-1", false, yesterday.plusSeconds(i));
    }
    answer(answers, catalog, siti.learner(), "security-2", false, yesterday.plusSeconds(10));
    answer(answers, catalog, siti.learner(), "leave-1", true, yesterday.plusSeconds(20));
    answer(answers, catalog, budi.learner(), "leave-1", false, MONDAY.minus(Duration.ofDays(10)));
    answer(
        answers, catalog, dewi.learner(), "security-1", false, MONDAY.minus(Duration.ofDays(20)));
  }

  @Test
  void should_count_who_practised_this_week_and_name_who_did_not() {
    ManagerNudge nudge = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);

    assertThat(nudge.reports()).isEqualTo(3);
    assertThat(nudge.activeReports()).isEqualTo(1);
    assertThat(nudge.summary()).startsWith("1 of 3 of your reports practised in the last 7 days");
    assertThat(nudge.inactive())
        .containsExactly(
            new InactiveReport("Ayu Pratama", OptionalInt.empty()),
            new InactiveReport("Budi Santoso", OptionalInt.of(10)));
  }

  @Test
  void should_show_team_mastery_as_the_mean_of_the_learner_models_estimates_with_uncertainty() {
    ManagerNudge nudge = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);

    TeamSkill security =
        nudge.skills().stream()
            .filter(s -> s.skill().equals("Security basics"))
            .findFirst()
            .orElseThrow();
    double expected =
        List.of(siti, budi, ayu).stream()
            .mapToDouble(
                r -> snapshots.of(r.learner(), ANALYST, MONDAY).mastery(SECURITY).estimate())
            .average()
            .orElseThrow();
    assertThat(security.mastery()).isCloseTo(expected, within(1e-9));
    assertThat(security.uncertainty()).isPositive();
    assertThat(security.target()).isEqualTo(0.75);
    assertThat(security.learners()).isEqualTo(3);
    assertThat(nudge.skills())
        .extracting(TeamSkill::skill)
        .containsExactlyInAnyOrder("Leave policy", "Security basics");
  }

  @Test
  void should_name_the_weakest_skill_with_its_most_missed_question() {
    ManagerNudge nudge = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);

    assertThat(nudge.weakest()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    var weakest = nudge.weakest().get(0);
    assertThat(weakest.skill()).isEqualTo("Security basics");
    assertThat(weakest.mastery()).isLessThan(weakest.target());
    assertThat(weakest.mostMissed().get(0))
        .isEqualTo(new ManagerNudge.MissedItem("Question security-1?", 3, 1));
    assertThat(weakest.mostMissed())
        .extracting(ManagerNudge.MissedItem::question)
        .containsExactly("Question security-1?", "Question security-2?");
  }

  @Test
  void should_give_two_or_three_concrete_prompts_about_this_team() {
    ManagerNudge nudge = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);

    assertThat(nudge.prompts()).hasSizeBetween(2, 3);
    assertThat(nudge.prompts().get(0)).contains("Security basics").contains("Question security-1?");
    assertThat(nudge.prompts().get(1)).startsWith("Check in with Ayu Pratama and Budi Santoso");
  }

  @Test
  void should_tell_a_manager_only_about_their_own_reports() {
    ManagerNudge rinas = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);
    ManagerNudge mades = nudges.of(made.learner(), Language.ENGLISH, MONDAY);

    assertThat(String.join(" ", rinas.prompts()) + rinas.inactive())
        .doesNotContain("Dewi")
        .doesNotContain("Eko");
    assertThat(mades.inactive())
        .extracting(InactiveReport::name)
        .containsExactly("Dewi Lestari", "Eko Prasetyo");
    assertThat(mades.prompts())
        .anyMatch(p -> p.startsWith("Eko Prasetyo is working toward Risk officer"));
    assertThat(mades.weakest().get(0).mostMissed())
        .as("missed 20 days ago: still this month")
        .isNotEmpty();
  }

  @Test
  void should_talk_about_the_next_role_a_report_chose_themselves() {
    learners.save(
        new io.learnloop.dialog.learning.Learner(
            dewi.learner(),
            java.util.Map.of("slack", "U-dewi"),
            ANALYST,
            "",
            java.util.Optional.empty(),
            java.time.ZoneId.of("Asia/Jakarta"),
            Language.ENGLISH,
            io.learnloop.dialog.learning.Learner.Preferences.defaults()
                .withNextRole(java.util.Optional.of(RISK))));

    ManagerNudge mades = nudges.of(made.learner(), Language.ENGLISH, MONDAY);

    assertThat(mades.prompts())
        .as("Dewi chose it in her settings; the roster has no next role for her")
        .anyMatch(p -> p.startsWith("Dewi Lestari is working toward Risk officer"));
  }

  @Test
  void should_speak_bahasa_indonesia_to_a_manager_who_does() {
    ManagerNudge nudge = nudges.of(rina.learner(), Language.INDONESIAN, MONDAY);

    assertThat(nudge.title()).isEqualTo("Tim Anda minggu ini");
    assertThat(nudge.summary()).startsWith("1 dari 3 anggota tim Anda berlatih");
    assertThat(nudge.skills()).extracting(TeamSkill::skill).contains("Dasar-dasar keamanan");
    assertThat(nudge.prompts().get(1)).startsWith("Sapa Ayu Pratama dan Budi Santoso");
  }

  @Test
  void should_give_a_manager_with_no_reports_a_short_friendly_nudge_not_an_empty_report() {
    ManagerNudge nudge = nudges.of(siti.learner(), Language.ENGLISH, MONDAY);

    assertThat(nudge.reports()).isZero();
    assertThat(nudge.summary()).startsWith("No one reports to you on the roster yet");
    assertThat(nudge.skills()).isEmpty();
    assertThat(nudge.weakest()).isEmpty();
    assertThat(nudge.inactive()).isEmpty();
    assertThat(nudge.prompts()).isEmpty();
    assertThat(nudge.dashboardPath()).as("nothing to link to").isEmpty();
    assertThat(nudge.fallbackText()).contains("Your team this week").contains("No one reports");
  }

  @Test
  void should_link_the_team_page_when_every_report_is_on_one_team_else_the_dashboard() {
    ManagerNudge rinas = nudges.of(rina.learner(), Language.INDONESIAN, MONDAY);
    ManagerNudge mades = nudges.of(made.learner(), Language.ENGLISH, MONDAY);

    assertThat(rinas.dashboardPath()).isEqualTo("/dashboard/teams/" + siti.team() + "?lang=id");
    assertThat(mades.dashboardPath()).isEqualTo("/dashboard/teams/team?lang=en");
    RosterEntry elsewhere =
        new RosterEntry(
            new LearnerId("t:wayan"),
            "Wayan Sudarma",
            ANALYST,
            Optional.empty(),
            "other-team",
            Optional.of(made.learner()),
            false);
    assertThat(ManagerNudges.dashboardPath(List.of(dewi, elsewhere), Language.ENGLISH))
        .as("reports on two teams")
        .isEqualTo("/dashboard?lang=en");
  }

  @Test
  void should_count_misses_of_the_last_four_weeks_only() {
    answer(answers, catalog, siti.learner(), "leave-2", false, MONDAY.minus(Duration.ofDays(40)));

    ManagerNudge nudge = nudges.of(rina.learner(), Language.ENGLISH, MONDAY);

    assertThat(nudge.weakest())
        .flatExtracting(ManagerNudge.WeakSkill::mostMissed)
        .extracting(ManagerNudge.MissedItem::question)
        .doesNotContain("Question leave-2?");
  }
}
