package io.learnloop.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.knowledge.eval.FactCheck.Grade;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactCheckTest {

  private static final List<List<String>> FACTS =
      List.of(List.of("SGD 250", "250 SGD"), List.of("per night"));

  @Test
  void should_hold_a_fact_when_one_alternative_appears_ignoring_case_and_spacing() {
    assertThat(FactCheck.holds("Singapura:  sgd\n250 a night", FACTS.get(0))).isTrue();
    assertThat(FactCheck.holds("Singapura: SGD 25", FACTS.get(0))).isFalse();
  }

  @Test
  void should_grade_all_some_none_and_abstained_replies() {
    assertThat(FactCheck.grade("SGD 250 per night", false, false, FACTS))
        .isEqualTo(Grade.ALL_FACTS);
    assertThat(FactCheck.grade("SGD 250", false, false, FACTS)).isEqualTo(Grade.SOME_FACTS);
    assertThat(FactCheck.grade("Hotels are booked by Jelajah", false, false, FACTS))
        .isEqualTo(Grade.CONFIDENTLY_WRONG);
    assertThat(FactCheck.grade("Hotels are booked by Jelajah", false, true, FACTS))
        .isEqualTo(Grade.NO_FACT_CAVEATED);
    assertThat(FactCheck.grade("SGD 250 per night", true, false, FACTS)).isEqualTo(Grade.ABSTAINED);
  }

  @Test
  void should_refuse_to_grade_a_question_without_facts() {
    assertThatThrownBy(() -> FactCheck.grade("anything", false, false, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
