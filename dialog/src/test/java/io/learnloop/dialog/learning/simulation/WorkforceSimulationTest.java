package io.learnloop.dialog.learning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Comparison;
import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkforceSimulationTest {

  private static final TruthParameters TRUTH =
      new TruthParameters(
          List.of(
              new TruthParameters.Skill(0.5, 0.15, 0.2, 0.08),
              new TruthParameters.Skill(0.3, 0.1, 0.15, 0.05)),
          new TruthParameters.Forgetting(14, 1.85));

  private static final Settings SMALL = new Settings(30, 3, 12, 6, 4, 60, 11);

  @Test
  void should_give_the_same_result_for_the_same_seed() {
    assertThat(new WorkforceSimulation(SMALL, TRUTH).compare(0.05, 20).json())
        .isEqualTo(new WorkforceSimulation(SMALL, TRUTH).compare(0.05, 20).json());
  }

  @Test
  void should_ask_more_of_every_policy_when_the_stopping_margin_is_larger() {
    WorkforceSimulation simulation = new WorkforceSimulation(SMALL, TRUTH);
    Comparison loose = simulation.compare(0.0, 30);
    Comparison strict = simulation.compare(0.15, 30);

    assertThat(strict.adaptive().questions()).isGreaterThan(loose.adaptive().questions());
    assertThat(strict.roleSequenceSpaced().questions())
        .isGreaterThan(loose.roleSequenceSpaced().questions());
  }

  @Test
  void should_keep_more_targets_with_spaced_review_and_a_strict_margin_than_stopping_early() {
    WorkforceSimulation simulation = new WorkforceSimulation(SMALL, TRUTH);

    assertThat(simulation.compare(0.15, 30).roleSequenceSpaced().keptTargets())
        .isGreaterThan(simulation.compare(0.0, 30).roleSequence().keptTargets());
  }

  @Test
  void should_give_paired_intervals_around_the_comparison_of_adaptive_and_spaced_review() {
    Comparison c = new WorkforceSimulation(SMALL, TRUTH).compare(0.05, 30);
    WorkforceSimulation.Paired paired = c.adaptiveVsSpaced();

    assertThat(paired.questionRatio().estimate()).isCloseTo(c.ratio(), within(1e-9));
    assertThat(paired.retention().estimate())
        .isCloseTo(c.adaptive().retention() - c.roleSequenceSpaced().retention(), within(1e-9));
    assertThat(paired.keptTargets().estimate())
        .isCloseTo(c.adaptive().keptTargets() - c.roleSequenceSpaced().keptTargets(), within(1e-9));
    for (var interval : List.of(paired.questionRatio(), paired.retention(), paired.keptTargets())) {
      assertThat(interval.low()).isLessThanOrEqualTo(interval.estimate());
      assertThat(interval.high()).isGreaterThanOrEqualTo(interval.estimate());
    }
    assertThat(paired.questionRatio().high()).isGreaterThan(paired.questionRatio().low());
  }
}
