package io.learnloop.dialog.quiz;

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
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

  private static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId PHISHING = new SkillId("phishing");
  private static final RoleId ANALYST = new RoleId("analyst");

  private final Catalog catalog =
      new Catalog(
          List.of(skill(LEAVE, "Leave", "Cuti"), skill(PHISHING, "Phishing", "Phishing")),
          List.of(
              new Role(
                  ANALYST,
                  text("Analyst", "Analis"),
                  Map.of(LEAVE, TargetLevel.BASIC, PHISHING, TargetLevel.BASIC))),
          List.of(item("leave-1", LEAVE), item("leave-2", LEAVE), item("phishing-1", PHISHING)));
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final Snapshots snapshots =
      new Snapshots(catalog, answers, new InMemoryLearners(), Spacing.defaults());

  @Test
  void should_estimate_mastery_with_the_response_model_from_the_learners_answers() {
    answer("strong", true, true, true, true);
    answer("weak", false, false, false, false);

    SkillMastery strong = snapshot("strong").mastery(LEAVE);
    SkillMastery weak = snapshot("weak").mastery(LEAVE);

    assertThat(strong.estimate()).isGreaterThan(weak.estimate() + 0.2);
    assertThat(snapshot("strong").pCorrect().applyAsDouble(new ItemId("leave-1")))
        .isGreaterThan(snapshot("weak").pCorrect().applyAsDouble(new ItemId("leave-1")));
  }

  @Test
  void should_be_surer_of_a_skill_with_answers_than_of_a_role_skill_without() {
    answer("someone", true, false, true, true);

    LearnerSnapshot snapshot = snapshot("someone");

    assertThat(snapshot.mastery().keySet()).contains(LEAVE, PHISHING);
    assertThat(snapshot.mastery(LEAVE).uncertainty())
        .isLessThan(snapshot.mastery(PHISHING).uncertainty());
  }

  @Test
  void should_take_mastery_from_the_model_in_use_when_a_refit_replaces_it() {
    answer("someone", true, true, false, true);
    ResponseModel shipped = ResponseModelFile.shipped();
    Map<String, Double> weights = new HashMap<>(shipped.weights());
    weights.put("item=leave-1", -3.0);
    weights.put("item=leave-2", -3.0);
    ResponseModel refit = ResponseModel.of(shipped.featureSet(), weights, shipped.baseWeights());
    AtomicReference<ResponseModel> inUse = new AtomicReference<>(shipped);
    Snapshots switching =
        new Snapshots(catalog, answers, new InMemoryLearners(), Spacing.defaults(), inUse::get);

    double before = switching.of(new LearnerId("someone"), ANALYST, NOW).mastery(LEAVE).estimate();
    inUse.set(refit);
    double after = switching.of(new LearnerId("someone"), ANALYST, NOW).mastery(LEAVE).estimate();

    assertThat(after).as("the refit learned the leave items are hard").isLessThan(before - 0.2);
  }

  private LearnerSnapshot snapshot(String learner) {
    return snapshots.of(new LearnerId(learner), ANALYST, NOW);
  }

  // Answers on the leave items, alternating, an hour apart, ending a day before NOW.
  private void answer(String learner, boolean... correct) {
    for (int k = 0; k < correct.length; k++) {
      Instant at = NOW.minus(Duration.ofDays(1)).minus(Duration.ofHours(correct.length - k));
      AnswerEvent event =
          new AnswerEvent(
              new AnswerId(learner + "-" + k),
              new LearnerId(learner),
              new ItemId("leave-" + (1 + k % 2)),
              correct[k] ? 0 : 1,
              correct[k],
              Duration.ofSeconds(5),
              at,
              AnswerContext.DAILY);
      answers.record(new RecordAnswer(event, Set.of(LEAVE), "", ZoneOffset.UTC));
    }
  }
}
