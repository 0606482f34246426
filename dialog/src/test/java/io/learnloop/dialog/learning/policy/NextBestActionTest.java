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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NextBestActionTest {

  private static final Instant TUESDAY = Instant.parse("2026-11-03T03:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId SECURITY = new SkillId("security-basics");
  private static final RoleId ANALYST = new RoleId("analyst");

  private final Catalog catalog =
      new Catalog(
          List.of(
              skill(LEAVE, "Leave policy", "Kebijakan cuti"),
              skill(SECURITY, "Security", "Keamanan")),
          List.of(
              new Role(
                  ANALYST,
                  text("Analyst", "Analis"),
                  Map.of(LEAVE, TargetLevel.BASIC, SECURITY, TargetLevel.PROFICIENT))),
          List.of(
              item("leave-easy", LEAVE),
              item("leave-hard", LEAVE),
              item("security-easy", SECURITY),
              item("security-mid", SECURITY),
              item("security-hard", SECURITY)));
  private final NextBestAction policy = new NextBestAction(catalog);

  /** Test-data builder for snapshots. */
  private final class Learner {
    List<ItemId> due = List.of();
    Map<SkillId, SkillMastery> mastery = new HashMap<>();
    Map<SkillId, Integer> misses = new HashMap<>();
    Map<ItemId, Instant> lastMissed = new HashMap<>();
    Set<ItemId> seen = new HashSet<>();
    Set<SkillId> asked = new HashSet<>();
    Map<SkillId, Instant> practised = new HashMap<>();
    Map<String, Double> p =
        Map.of(
            "leave-easy", 0.95,
            "leave-hard", 0.6,
            "security-easy", 0.92,
            "security-mid", 0.78,
            "security-hard", 0.45);

    LearnerSnapshot snapshot() {
      return new LearnerSnapshot(
          ANALYST,
          TUESDAY,
          due,
          mastery,
          misses,
          lastMissed,
          seen,
          asked,
          Set.of(),
          item -> p.get(item.value()),
          practised,
          Optional.empty());
    }
  }

  @Test
  void should_ask_a_due_review_first_and_say_when_it_was_missed() {
    Learner learner = new Learner();
    learner.due = List.of(new ItemId("security-easy"));
    learner.lastMissed.put(new ItemId("security-easy"), TUESDAY.minusSeconds(7 * 86400));

    Recommendation next = policy.next(learner.snapshot());

    assertThat(next)
        .isEqualTo(
            ask(
                "security-easy",
                Reason.of(
                    Kind.MISSED_BEFORE, java.util.Date.from(TUESDAY.minusSeconds(7 * 86400)))));
    assertThat(next.reason().text(Language.ENGLISH)).startsWith("You missed this on Tuesday");
    assertThat(next.reason().text(Language.INDONESIAN)).contains("Selasa");
  }

  @Test
  void should_pick_a_new_item_at_desirable_difficulty_in_the_weakest_role_skill() {
    Learner learner = new Learner();
    learner.mastery.put(LEAVE, new SkillMastery(0.9, 0.02));
    learner.mastery.put(SECURITY, new SkillMastery(0.5, 0.1));

    Recommendation next = policy.next(learner.snapshot());

    assertThat(next).isInstanceOf(Recommendation.Ask.class);
    assertThat(((Recommendation.Ask) next).item()).isEqualTo(new ItemId("security-mid"));
    assertThat(next.reason().text(Language.ENGLISH))
        .isEqualTo("Next step for your role: Security.");
    assertThat(next.reason().text(Language.INDONESIAN))
        .isEqualTo("Langkah berikutnya untuk peran Anda: Keamanan.");
  }

  @Test
  void should_interleave_the_role_skills_while_a_target_is_unmet() {
    Learner learner = new Learner();
    learner.mastery.put(LEAVE, new SkillMastery(0.9, 0.02));
    learner.mastery.put(SECURITY, new SkillMastery(0.5, 0.1));
    learner.practised.put(SECURITY, TUESDAY.minusSeconds(600));
    learner.practised.put(LEAVE, TUESDAY.minusSeconds(3 * 86400));

    Recommendation next = policy.next(learner.snapshot());

    assertThat(((Recommendation.Ask) next).item().value())
        .as("leave is met, but practised longest ago: a question on it keeps it")
        .startsWith("leave-");
    assertThat(next.reason().text(Language.ENGLISH))
        .isEqualTo("Next step for your role: Leave policy.");
  }

  @Test
  void should_give_a_micro_lesson_after_repeated_misses() {
    Learner learner = new Learner();
    learner.misses.put(SECURITY, 2);
    learner.lastMissed.put(new ItemId("security-mid"), TUESDAY);

    Recommendation next = policy.next(learner.snapshot());

    assertThat(next)
        .isEqualTo(
            new Recommendation.Lesson(
                SECURITY,
                "handbook/security-mid.md#section",
                Reason.of(Kind.MICRO_LESSON, 2, text("Security", "Keamanan"))));
  }

  @Test
  void should_boost_a_topic_the_learner_just_asked_about() {
    Learner learner = new Learner();
    learner.mastery.put(SECURITY, new SkillMastery(0.5, 0.1));
    learner.asked.add(LEAVE);

    Recommendation next = policy.next(learner.snapshot());

    assertThat(next.reason().kind()).isEqualTo(Kind.JUST_IN_TIME);
    assertThat(((Recommendation.Ask) next).item().value()).startsWith("leave-");
  }

  @Test
  void should_offer_a_harder_item_once_every_target_is_met() {
    Learner learner = new Learner();
    learner.mastery.put(LEAVE, new SkillMastery(0.95, 0.01));
    learner.mastery.put(SECURITY, new SkillMastery(0.95, 0.01));

    Recommendation next = policy.next(learner.snapshot());

    assertThat(next)
        .isEqualTo(ask("security-hard", Reason.of(Kind.ADVANCED, text("Security", "Keamanan"))));
  }

  private static Recommendation ask(String item, Reason reason) {
    return new Recommendation.Ask(new ItemId(item), reason);
  }
}
