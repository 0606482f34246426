package io.learnloop.dialog.learning.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

  private static final int ROWS = 2_000;

  @Test
  void should_give_a_zero_interval_when_both_models_predict_the_same() {
    Data data = data(1);
    PairedBootstrap.Delta delta = data.bootstrap().compare(data.informed, data.informed);

    assertThat(delta.auc().low()).isZero();
    assertThat(delta.auc().high()).isZero();
    assertThat(delta.logLoss().excludesZero()).isFalse();
  }

  @Test
  void should_exclude_zero_when_one_model_is_clearly_better() {
    Data data = data(2);
    PairedBootstrap.Delta delta = data.bootstrap().compare(data.informed, data.noise);

    assertThat(delta.auc().low()).isPositive();
    assertThat(delta.logLoss().high()).isNegative();
    assertThat(delta.auc().estimate())
        .isCloseTo(
            Scores.of(data.informed, data.outcomes).auc()
                - Scores.of(data.noise, data.outcomes).auc(),
            within(1e-9));
  }

  @Test
  void should_number_groups_by_first_appearance() {
    assertThat(PairedBootstrap.groupsOf(java.util.List.of("b", "a", "b", "c")))
        .containsExactly(0, 1, 0, 2);
  }

  private record Data(int[] groups, boolean[] outcomes, double[] informed, double[] noise) {
    PairedBootstrap bootstrap() {
      return new PairedBootstrap(groups, outcomes, 7);
    }
  }

  // 100 learners of 20 rows each; the informed model knows each row's true probability.
  private static Data data(long seed) {
    Random random = new Random(seed);
    int[] groups = new int[ROWS];
    boolean[] outcomes = new boolean[ROWS];
    double[] informed = new double[ROWS];
    double[] noise = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      groups[i] = i / 20;
      informed[i] = 0.1 + 0.8 * random.nextDouble();
      outcomes[i] = random.nextDouble() < informed[i];
      noise[i] = 0.1 + 0.8 * random.nextDouble();
    }
    return new Data(groups, outcomes, informed, noise);
  }
}
