package io.learnloop.dialog.learning.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Result;
import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Settings;
import org.junit.jupiter.api.Test;

class WorkforceSimulationTest {

  private static final Settings SMALL = new Settings(60, 5, 40, 10, 8, 11);

  @Test
  void should_meet_targets_with_40_percent_fewer_questions_at_no_lower_retention() {
    Result result = WorkforceSimulation.run(SMALL);

    assertThat(result.ratio()).isLessThanOrEqualTo(0.6);
    assertThat(result.adaptive().retention()).isGreaterThanOrEqualTo(result.fixed().retention());
    assertThat(result.adaptive().unmet()).isZero();
  }

  @Test
  void should_give_the_same_result_for_the_same_seed() {
    assertThat(WorkforceSimulation.run(SMALL).json())
        .isEqualTo(WorkforceSimulation.run(SMALL).json());
  }
}
