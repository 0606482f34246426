package io.learnloop.dialog.learning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Review;
import io.learnloop.dialog.learning.model.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TruthFitTest {

  @Test
  void should_recover_knowledge_tracing_parameters_from_answers_they_generated() {
    Random random = new Random(3);
    List<Response> answers = new ArrayList<>();
    for (int l = 0; l < 600; l++) {
      boolean known = random.nextDouble() < 0.35;
      for (int k = 0; k < 12; k++) {
        boolean correct = random.nextDouble() < (known ? 1 - 0.1 : 0.2);
        answers.add(new Response("u" + l, "i" + k, List.of("algebra"), correct));
        known = known || random.nextDouble() < 0.15;
      }
    }

    TruthParameters.Skill fitted = TruthFit.bkt(answers).get(0);

    assertThat(fitted.init()).isCloseTo(0.35, within(0.1));
    assertThat(fitted.learn()).isCloseTo(0.15, within(0.06));
    assertThat(fitted.guess()).isCloseTo(0.2, within(0.1));
    assertThat(fitted.slip()).isCloseTo(0.1, within(0.05));
  }

  @Test
  void should_refuse_a_log_where_no_skill_has_enough_answers() {
    List<Response> few = List.of(new Response("u", "i", List.of("s"), true));
    assertThatThrownBy(() -> TruthFit.bkt(few)).hasMessageContaining("no skill has");
  }

  @Test
  void should_recover_the_forgetting_curve_from_reviews_it_generated() {
    TruthParameters.Forgetting truth = new TruthParameters.Forgetting(10, 2);
    Random random = new Random(5);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<Review> reviews = new ArrayList<>();
    for (int c = 0; c < 800; c++) {
      Instant at = start;
      reviews.add(new Review("c" + c, Rating.GOOD, at));
      int spaced = 0;
      for (int k = 0; k < 5; k++) {
        int days = 1 + random.nextInt(40);
        at = at.plus(Duration.ofDays(days));
        boolean recalled = random.nextDouble() < truth.retained(days, spaced);
        reviews.add(new Review("c" + c, recalled ? Rating.GOOD : Rating.AGAIN, at));
        spaced = recalled ? spaced + 1 : 0;
      }
    }

    TruthParameters.Forgetting fitted = TruthFit.forgetting(reviews);

    assertThat(fitted.days()).isCloseTo(10, within(2.5));
    assertThat(fitted.growth()).isCloseTo(2, within(0.3));
  }
}
