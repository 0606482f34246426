package io.learnloop.dialog.learning.policy;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.skill;
import static io.learnloop.dialog.catalog.CatalogTestData.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.policy.Reason.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's career path: an analyst working toward risk officer. */
class NextRoleTest {

  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId RISK_ASSESSMENT = new SkillId("risk-assessment");
  private static final RoleId ANALYST = new RoleId("analyst");
  private static final RoleId RISK = new RoleId("risk-officer");

  private final Catalog catalog =
      new Catalog(
          List.of(
              skill(LEAVE, "Leave policy", "Kebijakan cuti"),
              skill(RISK_ASSESSMENT, "Risk assessment", "Penilaian risiko")),
          List.of(
              new Role(ANALYST, text("Analyst", "Analis"), Map.of(LEAVE, TargetLevel.BASIC)),
              new Role(
                  RISK,
                  text("Risk officer", "Petugas risiko"),
                  Map.of(RISK_ASSESSMENT, TargetLevel.PROFICIENT))),
          List.of(item("leave-1", LEAVE), item("risk-1", RISK_ASSESSMENT)));
  private final NextBestAction policy = new NextBestAction(catalog);

  @Test
  void should_keep_to_the_current_roles_targets_while_one_is_unmet() {
    Recommendation next = policy.next(snapshot(new SkillMastery(0.5, 0.2), Optional.of(RISK)));

    assertThat(next)
        .isEqualTo(
            new Recommendation.Ask(
                new ItemId("leave-1"),
                Reason.of(Kind.NEXT_STEP, text("Leave policy", "Kebijakan cuti"))));
  }

  @Test
  void should_practise_the_next_roles_skills_once_the_current_roles_targets_are_met() {
    Recommendation next = policy.next(snapshot(new SkillMastery(0.95, 0.01), Optional.of(RISK)));

    assertThat(next)
        .isEqualTo(
            new Recommendation.Ask(
                new ItemId("risk-1"),
                Reason.of(
                    Kind.NEXT_ROLE,
                    text("Risk assessment", "Penilaian risiko"),
                    text("Risk officer", "Petugas risiko"))));
    assertThat(((Recommendation.Ask) next).reason().text(Language.INDONESIAN))
        .isEqualTo("Menuju peran berikutnya, Petugas risiko: Penilaian risiko.");
    assertThat(((Recommendation.Ask) next).reason().text(Language.ENGLISH))
        .isEqualTo("Toward your next role, Risk officer: Risk assessment.");
  }

  @Test
  void should_offer_harder_items_of_the_own_role_when_there_is_no_next_role() {
    Recommendation next = policy.next(snapshot(new SkillMastery(0.95, 0.01), Optional.empty()));

    assertThat(next).isInstanceOf(Recommendation.Ask.class);
    assertThat(((Recommendation.Ask) next).reason().kind()).isNotEqualTo(Kind.NEXT_ROLE);
  }

  private static LearnerSnapshot snapshot(SkillMastery leave, Optional<RoleId> nextRole) {
    return new LearnerSnapshot(
        ANALYST,
        NOW,
        List.of(),
        Map.of(LEAVE, leave),
        Map.of(),
        Map.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        item -> 0.7,
        Map.of(),
        nextRole);
  }
}
