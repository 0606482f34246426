package io.learnloop.dialog.learning.policy;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.policy.PlacementTest.Answered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacementTestTest {

  private static final SkillId LEAVE = new SkillId("leave");
  private static final SkillId PHISHING = new SkillId("phishing");

  // Twenty items per skill, difficulties from -3 to +3 logits.
  private final List<Item> items = new ArrayList<>();
  private final Map<String, Double> difficulty = new java.util.HashMap<>();

  {
    for (SkillId skill : List.of(LEAVE, PHISHING)) {
      IntStream.range(0, 20)
          .forEach(
              k -> {
                Item item = item(skill.value() + "-" + k, skill);
                items.add(item);
                difficulty.put(item.id().value(), -3 + 6 * k / 19.0);
              });
    }
  }

  private final PlacementTest test =
      new PlacementTest(items, Set.of(LEAVE, PHISHING), i -> difficulty.get(i.id().value()));

  @Test
  void should_start_at_an_average_item_and_ask_harder_after_a_right_answer() {
    Item first = test.next(List.of()).orElseThrow();
    Item afterRight = test.next(List.of(new Answered(first.id(), true))).orElseThrow();
    Item afterWrong = test.next(List.of(new Answered(first.id(), false))).orElseThrow();

    assertThat(Math.abs(d(first))).isLessThan(0.2);
    assertThat(d(afterRight)).isGreaterThan(d(first));
    assertThat(d(afterWrong)).isLessThan(d(first));
  }

  @Test
  void should_spread_its_questions_over_the_role_skills() {
    List<Answered> answers = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      Item next = test.next(answers).orElseThrow();
      answers.add(new Answered(next.id(), k % 2 == 0));
    }

    assertThat(answers)
        .extracting(a -> a.item().value().startsWith("leave"))
        .containsExactlyInAnyOrder(true, true, false, false);
  }

  @Test
  void should_stop_once_the_estimate_is_precise_enough_and_never_after_eight_questions() {
    List<Answered> answers = new ArrayList<>();
    Optional<Item> next;
    while ((next = test.next(answers)).isPresent()) {
      answers.add(new Answered(next.get().id(), answers.size() % 2 == 0));
    }

    PlacementTest.Estimate estimate = test.estimate(answers);
    assertThat(answers.size()).isLessThanOrEqualTo(PlacementTest.MAX_QUESTIONS);
    assertThat(estimate.sd()).isLessThanOrEqualTo(PlacementTest.PRECISE_ENOUGH);
    assertThat(test.estimate(answers.subList(0, answers.size() - 1)).sd())
        .as("not one question more than needed")
        .isGreaterThan(PlacementTest.PRECISE_ENOUGH);
  }

  @Test
  void should_place_a_learner_who_gets_everything_right_above_one_who_gets_everything_wrong() {
    assertThat(placed(true).ability()).isGreaterThan(1);
    assertThat(placed(false).ability()).isLessThan(-1);
    assertThat(placed(true).right()).isEqualTo(placed(true).asked());
  }

  @Test
  void should_stop_when_no_item_is_left() {
    PlacementTest small = new PlacementTest(items.subList(0, 3), Set.of(LEAVE), i -> 0.0);
    List<Answered> answers = new ArrayList<>();
    Optional<Item> next;
    while ((next = small.next(answers)).isPresent()) {
      answers.add(new Answered(next.get().id(), true));
    }

    assertThat(answers).hasSize(3);
  }

  private PlacementTest.Estimate placed(boolean right) {
    List<Answered> answers = new ArrayList<>();
    Optional<Item> next;
    while ((next = test.next(answers)).isPresent()) {
      answers.add(new Answered(next.get().id(), right));
    }
    return test.estimate(answers);
  }

  private double d(Item item) {
    return difficulty.get(item.id().value());
  }
}
