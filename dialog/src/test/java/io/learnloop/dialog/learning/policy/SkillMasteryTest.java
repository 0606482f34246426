package io.learnloop.dialog.learning.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillMasteryTest {

  @Test
  void should_average_independent_estimates_with_the_variance_of_a_mean() {
    SkillMastery mean =
        SkillMastery.mean(List.of(new SkillMastery(0.4, 0.3), new SkillMastery(0.8, 0.4)));

    assertThat(mean.estimate()).isCloseTo(0.6, within(1e-12));
    // sqrt(0.3² + 0.4²) / 2
    assertThat(mean.uncertainty()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void should_refuse_the_mean_of_nothing() {
    assertThatThrownBy(() -> SkillMastery.mean(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
