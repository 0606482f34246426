package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Learners} must do. Extend it once per implementation and return a fresh,
 * working store from {@link #learners()}.
 */
public abstract class LearnersContract {

  private static final Instant MONDAY = Instant.parse("2026-11-02T03:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId SECURITY = new SkillId("security-basics");

  protected abstract Learners learners();

  /** A learner with a unique id and Slack identity, in Jakarta, speaking Indonesian. */
  protected static Learner aLearner() {
    String unique = UUID.randomUUID().toString();
    return new Learner(
        new LearnerId("test:" + unique),
        Map.of("slack", "U" + unique, "web", unique),
        new RoleId("analyst"),
        "finance",
        Optional.of(new LearnerId("test:manager-" + unique)),
        ZoneId.of("Asia/Jakarta"),
        Language.INDONESIAN,
        new Learner.Preferences(LocalTime.of(8, 45), 3, false, true, true)
            .withNextRole(Optional.of(new RoleId("risk"))));
  }

  @Test
  void should_return_the_saved_profile_with_all_its_fields() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);

    assertThat(learners.find(ayu.id())).contains(ayu);
  }

  @Test
  void should_return_empty_for_an_unknown_learner() {
    Learners learners = learners();

    assertThat(learners.find(new LearnerId("test:nobody-" + UUID.randomUUID()))).isEmpty();
    assertThat(learners.findByIdentity("slack", "U-nobody-" + UUID.randomUUID())).isEmpty();
    assertThat(learners.recentlyAsked(new LearnerId("test:nobody"), MONDAY)).isEmpty();
  }

  @Test
  void should_find_a_learner_by_channel_identity() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);

    assertThat(learners.findByIdentity("slack", ayu.identities().get("slack"))).contains(ayu);
    assertThat(learners.findByIdentity("teams", ayu.identities().get("slack"))).isEmpty();
  }

  @Test
  void should_replace_a_profile_and_release_identities_it_no_longer_lists() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);
    Learner moved =
        new Learner(
            ayu.id(),
            Map.of("web", ayu.identities().get("web")),
            new RoleId("manager"),
            "",
            Optional.empty(),
            ZoneId.of("Asia/Makassar"),
            Language.ENGLISH,
            Learner.Preferences.defaults());
    learners.save(moved);

    assertThat(learners.find(ayu.id())).contains(moved);
    assertThat(learners.findByIdentity("slack", ayu.identities().get("slack"))).isEmpty();
    assertThat(learners.findByIdentity("web", ayu.identities().get("web"))).contains(moved);
  }

  @Test
  void should_refuse_an_identity_of_another_learner_and_save_nothing() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);
    Learner budi = aLearner();
    Learner thief =
        new Learner(
            budi.id(),
            Map.of("slack", ayu.identities().get("slack")),
            budi.role(),
            budi.team(),
            budi.manager(),
            budi.timezone(),
            budi.language(),
            budi.preferences());

    assertThatThrownBy(() -> learners.save(thief))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ayu.id().value());
    assertThat(learners.find(budi.id())).isEmpty();
    assertThat(learners.findByIdentity("slack", ayu.identities().get("slack"))).contains(ayu);
  }

  @Test
  void should_keep_the_latest_question_time_per_skill() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);
    learners.questionAsked(new QuestionAsked(ayu.id(), Set.of(LEAVE), MONDAY));
    learners.questionAsked(new QuestionAsked(ayu.id(), Set.of(SECURITY), MONDAY.plusSeconds(60)));
    learners.questionAsked(
        new QuestionAsked(ayu.id(), Set.of(LEAVE), MONDAY.plusSeconds(3600 * 24 * 3)));
    // An older event arriving late must not move the latest time back.
    learners.questionAsked(new QuestionAsked(ayu.id(), Set.of(LEAVE), MONDAY.minusSeconds(60)));

    assertThat(learners.recentlyAsked(ayu.id(), MONDAY)).containsExactlyInAnyOrder(LEAVE, SECURITY);
    assertThat(learners.recentlyAsked(ayu.id(), MONDAY.plusSeconds(3600))).containsExactly(LEAVE);
    assertThat(learners.recentlyAsked(ayu.id(), MONDAY.plusSeconds(3600 * 24 * 4))).isEmpty();
  }

  @Test
  void should_refuse_a_question_of_an_unknown_learner() {
    Learners learners = learners();
    LearnerId nobody = new LearnerId("test:nobody-" + UUID.randomUUID());

    assertThatThrownBy(
            () -> learners.questionAsked(new QuestionAsked(nobody, Set.of(LEAVE), MONDAY)))
        .isInstanceOf(UnknownLearnerException.class)
        .hasMessageContaining(nobody.value());
    assertThat(learners.recentlyAsked(nobody, MONDAY)).isEmpty();
  }

  @Test
  void should_keep_the_lessons_given_until_each_is_done() {
    Learners learners = learners();
    LearnerId learner = new LearnerId("contract:" + java.util.UUID.randomUUID());
    SkillId leave = new SkillId("leave-policy");
    SkillId phishing = new SkillId("phishing");

    learners.lessonGiven(learner, leave);
    learners.lessonGiven(learner, phishing);
    learners.lessonDone(learner, leave);

    assertThat(learners.lessonsGiven(learner)).containsExactly(phishing);
    assertThat(learners.lessonsGiven(new LearnerId("contract:nobody"))).isEmpty();
  }

  @Test
  void should_forget_a_learner_and_free_their_identities() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);
    learners.lessonGiven(ayu.id(), LEAVE);
    learners.questionAsked(new QuestionAsked(ayu.id(), java.util.Set.of(SECURITY), MONDAY));
    learners.placementSkipped(ayu.id());

    learners.forget(ayu.id());

    assertThat(learners.skippedPlacement(ayu.id())).isFalse();
    assertThat(learners.find(ayu.id())).isEmpty();
    assertThat(learners.findByIdentity("slack", ayu.identities().get("slack"))).isEmpty();
    assertThat(learners.lessonsGiven(ayu.id())).isEmpty();
    assertThat(learners.recentlyAsked(ayu.id(), MONDAY.minusSeconds(60))).isEmpty();
    Learner again =
        new Learner(
            new LearnerId("test:again-" + UUID.randomUUID()),
            ayu.identities(),
            ayu.role(),
            ayu.team(),
            Optional.empty(),
            ayu.timezone(),
            ayu.language(),
            ayu.preferences());
    learners.save(again);
    assertThat(learners.findByIdentity("slack", ayu.identities().get("slack"))).contains(again);
  }

  @Test
  void should_read_a_learners_quiz_history_at_once_as_each_read_alone() {
    Learners learners = learners();
    Learner ayu = aLearner();
    learners.save(ayu);
    learners.lessonGiven(ayu.id(), LEAVE);
    learners.questionAsked(new QuestionAsked(ayu.id(), Set.of(SECURITY), MONDAY));
    learners.placementSkipped(ayu.id());

    QuizHistory history = learners.readQuizHistory(ayu.id(), MONDAY.minusSeconds(60));
    QuizHistory later = learners.readQuizHistory(ayu.id(), MONDAY.plusSeconds(60));
    QuizHistory nobody =
        learners.readQuizHistory(new LearnerId("contract:nobody"), MONDAY.minusSeconds(60));

    assertThat(history.recentlyAsked()).containsExactly(SECURITY);
    assertThat(history.lessonsGiven()).containsExactly(LEAVE);
    assertThat(history.skippedPlacement()).isTrue();
    assertThat(later.recentlyAsked()).isEmpty();
    assertThat(nobody.recentlyAsked()).isEmpty();
    assertThat(nobody.lessonsGiven()).isEmpty();
    assertThat(nobody.skippedPlacement()).isFalse();
  }

  @Test
  void should_remember_who_declined_the_placement_test() {
    Learners learners = learners();
    LearnerId declined = new LearnerId("contract:" + java.util.UUID.randomUUID());
    LearnerId other = new LearnerId("contract:" + java.util.UUID.randomUUID());

    learners.placementSkipped(declined);
    learners.placementSkipped(declined);

    assertThat(learners.skippedPlacement(declined)).isTrue();
    assertThat(learners.skippedPlacement(other)).isFalse();
  }
}
