package io.learnloop.dialog.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void should_count_ties_as_half_when_computing_auc() {
    Scores scores =
        Scores.of(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {false, true, false, true});
    // pairs (pos, neg): (0.4,0.1)=1 (0.4,0.4)=0.5 (0.8,0.1)=1 (0.8,0.4)=1 -> 3.5 / 4
    assertThat(scores.auc()).isCloseTo(0.875, within(1e-12));
    assertThat(scores.n()).isEqualTo(4);
  }

  @Test
  void should_clip_probabilities_when_computing_log_loss() {
    Scores scores = Scores.of(new double[] {0.0}, new boolean[] {true});
    assertThat(scores.logLoss()).isCloseTo(-Math.log(1e-6), within(1e-9));
    assertThat(scores.rmse()).isEqualTo(1.0);
  }

  @Test
  void should_print_the_json_the_tools_read() {
    Scores scores = new Scores(0.78123, 0.52, 0.41, 10);
    assertThat(scores.json())
        .isEqualTo("{\"auc\": 0.7812, \"log_loss\": 0.5200, \"rmse\": 0.4100, \"n\": 10}");
  }

  @Test
  void should_refuse_arrays_of_different_length() {
    assertThatThrownBy(() -> Scores.of(new double[] {0.5}, new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
