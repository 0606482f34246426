package io.learnloop.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReplyGateTest {

  /** Probability = sigmoid(10 × (coverage − 0.5)): 0.5 at a coverage of 0.5, evidence ignored. */
  private final ReplyGate gate = new ReplyGate(-5, 0, 10, 0.3, 0.6);

  @Test
  void should_answer_above_the_caveat_threshold_caveat_below_it_and_abstain_lower_still() {
    assertThat(gate.verdict(1, 0.6)).isEqualTo(AbstentionModel.Verdict.ANSWER);
    assertThat(gate.verdict(1, 0.5)).isEqualTo(AbstentionModel.Verdict.ANSWER_UNSURE);
    assertThat(gate.verdict(1, 0.4)).isEqualTo(AbstentionModel.Verdict.ABSTAIN);
  }

  @Test
  void should_refuse_thresholds_out_of_order() {
    assertThatThrownBy(() -> new ReplyGate(0, 1, 1, 0.6, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abstain ≤ caveat");
  }

  @Test
  void should_ship_a_gate_that_weighs_both_signals_and_reads_back_what_it_writes()
      throws Exception {
    ReplyGate shipped = ReplyGate.calibrated();
    Properties written = new Properties();
    written.load(new StringReader(shipped.toProperties()));

    assertThat(shipped.evidenceWeight()).isPositive();
    assertThat(shipped.coverageWeight()).isPositive();
    assertThat(shipped.abstainBelow()).isLessThan(shipped.caveatBelow());
    assertThat(ReplyGate.fromProperties(written)).isEqualTo(shipped);
  }

  @Test
  void should_name_a_missing_property() {
    Properties incomplete = new Properties();
    incomplete.setProperty("bias", "0.1");

    assertThatThrownBy(() -> ReplyGate.fromProperties(incomplete))
        .hasMessage("reply gate properties lack 'evidence'");
  }
}
