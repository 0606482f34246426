package io.learnloop.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AbstentionModelTest {

  /** Answerable probability = sigmoid(10 × (cosine − 0.5)): 0.5 at a cosine of 0.5. */
  private final AbstentionModel model = new AbstentionModel(-5, 10, 0, 0, 0, 0.5, 0.8, 0.2);

  @Test
  void should_answer_confidently_above_the_confident_threshold() {
    assertThat(model.verdict(withCosine(0.7))).isEqualTo(AbstentionModel.Verdict.ANSWER);
  }

  @Test
  void should_answer_with_a_reservation_between_the_answer_and_confident_thresholds() {
    assertThat(model.verdict(withCosine(0.55))).isEqualTo(AbstentionModel.Verdict.ANSWER_UNSURE);
    assertThat(model.abstains(withCosine(0.55))).isFalse();
  }

  @Test
  void should_leave_a_weak_question_to_a_language_model_and_abstain_below_its_threshold() {
    assertThat(model.verdict(withCosine(0.45))).isEqualTo(AbstentionModel.Verdict.ASK_MODEL);
    assertThat(model.abstains(withCosine(0.45))).isTrue();
    assertThat(model.verdict(withCosine(0.3))).isEqualTo(AbstentionModel.Verdict.ABSTAIN);
  }

  @Test
  void should_refuse_thresholds_out_of_order() {
    assertThatThrownBy(() -> new AbstentionModel(0, 1, 0, 0, 0, 0.5, 0.4, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model ≤ answer ≤ confident");
  }

  @Test
  void should_ship_ordered_thresholds_and_read_back_what_it_writes() throws Exception {
    AbstentionModel shipped = AbstentionModel.calibrated();
    Properties written = new Properties();
    written.load(new StringReader(shipped.toProperties()));

    assertThat(shipped.modelThreshold()).isLessThan(shipped.threshold());
    assertThat(shipped.threshold()).isLessThan(shipped.confidentThreshold());
    assertThat(AbstentionModel.fromProperties(written)).isEqualTo(shipped);
  }

  @Test
  void should_name_a_missing_property() {
    Properties incomplete = new Properties();
    incomplete.setProperty("bias", "0.1");

    assertThatThrownBy(() -> AbstentionModel.fromProperties(incomplete))
        .hasMessage("abstention model properties lack 'cosine'");
  }

  private static Evidence withCosine(double cosine) {
    return new Evidence(cosine, 0, 0, 0);
  }
}
