package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.policy.PlacementTest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The adaptive placement pre-test ({@link PlacementTest}) a new learner is offered in chat: their
 * first quiz is its first question, which says what it is and how to skip it. A learner takes it
 * while every answer they have given is a pre-test answer and they have not declined it; it ends
 * after {@link PlacementTest#MAX_QUESTIONS} questions or once the estimate is precise enough. Its
 * state is the answers themselves (recorded with {@link AnswerContext#PRE_TEST}, so the bot's
 * mastery starts from them), and who declined ({@link io.learnloop.dialog.learning.Learners}), so
 * every instance and a restart agree on it. Learners who answered before it existed are not offered
 * it.
 */
final class PlacementPreTest {

  /** What a learner taking the pre-test gets next. */
  sealed interface Step {}

  /** The next pre-test question, the {@code number}th. */
  record Ask(Item item, int number) implements Step {}

  /** The pre-test is over: the learner's next question is the policy's. */
  record Done(int asked, int right) implements Step {}

  private final Catalog catalog;
  private final Snapshots snapshots;
  private final AnswerLog answers;

  PlacementPreTest(Catalog catalog, Snapshots snapshots, AnswerLog answers) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.answers = Objects.requireNonNull(answers, "answers");
  }

  /**
   * Whether the learner's pre-test has another question; false while the stores cannot say (the
   * learner can still type "skip").
   */
  boolean continues(LearnerId learner, RoleId role, Language language) {
    try {
      return step(learner, role, answers.answers(learner), language)
          .filter(Ask.class::isInstance)
          .isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * @param events the learner's answers, in the order recorded
   * @return empty when the learner does not take the pre-test (declined, or answered other
   *     questions already)
   */
  Optional<Step> step(LearnerId learner, RoleId role, List<AnswerEvent> events, Language language) {
    if (!taking(learner, events)) {
      return Optional.empty();
    }
    PlacementTest test = test(role, language);
    List<PlacementTest.Answered> answered =
        events.stream().map(e -> new PlacementTest.Answered(e.item(), e.correct())).toList();
    Optional<Item> next = test.next(answered);
    if (next.isPresent()) {
      return Optional.of(new Ask(next.get(), test.estimate(answered).asked() + 1));
    }
    PlacementTest.Estimate estimate = test.estimate(answered);
    return Optional.of(new Done(estimate.asked(), estimate.right()));
  }

  /** Declines the pre-test; false when the learner was not taking it. */
  boolean skip(LearnerId learner, List<AnswerEvent> events) {
    if (!taking(learner, events)) {
      return false;
    }
    snapshots.placementSkipped(learner);
    return true;
  }

  // Only asked when every answer so far is a pre-test answer: no extra read for everyone else.
  private boolean taking(LearnerId learner, List<AnswerEvent> events) {
    return events.stream().allMatch(e -> e.context() == AnswerContext.PRE_TEST)
        && !snapshots.skippedPlacement(learner);
  }

  // The role's items; of equally informative ones, those in the reader's language first.
  private PlacementTest test(RoleId role, Language language) {
    Set<SkillId> skills = catalog.role(role).map(r -> r.targets().keySet()).orElse(Set.of());
    List<Item> items =
        catalog.items().stream()
            .filter(i -> i.skills().stream().anyMatch(skills::contains))
            .toList();
    return new PlacementTest(
        items, skills, snapshots::difficulty, item -> item.language() == language);
  }
}
