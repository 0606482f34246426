package io.learnloop.dialog.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.learning.model.ResponseModelRefit.Adopted;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Answer;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Kept;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseModelRefitTest {

  private static final ResponseModelTrainer.Settings SETTINGS =
      ResponseModelTrainer.Settings.defaults().withEpochs(2);
  private static final ResponseModel SHIPPED = ResponseModelFile.shipped();
  private final ResponseModelRefit refit = new ResponseModelRefit(SETTINGS, SHIPPED);

  @Test
  void should_adopt_a_refit_that_learns_the_organisations_items() {
    Outcome outcome = refit.refit(SHIPPED, stream(400, 1));

    assertThat(outcome).isInstanceOf(Adopted.class);
    Adopted adopted = (Adopted) outcome;
    assertThat(adopted.logLoss()).isLessThan(adopted.currentLogLoss());
    assertThat(adopted.model().weight("item=hard")).isLessThan(adopted.model().weight("item=easy"));
  }

  @Test
  void should_keep_a_current_model_that_already_predicts_the_recent_answers_better() {
    List<Answer> stream = stream(400, 2);
    ResponseModel seenItAll =
        new ResponseModelTrainer(SETTINGS.withEpochs(6))
            .fit(stream.stream().map(Answer::response).toList());

    Outcome outcome = refit.refit(seenItAll, stream);

    assertThat(outcome).isInstanceOf(Kept.class);
    assertThat(outcome.model()).isSameAs(seenItAll);
    assertThat(outcome.reason()).contains("worse than the current");
  }

  @Test
  void should_keep_the_current_parameters_and_say_why_when_there_are_too_few_answers() {
    List<Answer> few = stream(400, 3).subList(0, 900);

    Outcome outcome = refit.refit(SHIPPED, few);

    assertThat(outcome).isInstanceOf(Kept.class);
    assertThat(outcome.model()).isSameAs(SHIPPED);
    assertThat(outcome.reason())
        .isEqualTo("kept: 900 distinct answers, a refit needs at least 1000");
  }

  @Test
  void should_ignore_repeated_answer_ids_and_order_answers_by_when_they_were_given() {
    List<Answer> stream = stream(200, 4);
    List<Answer> messy = new ArrayList<>(stream);
    messy.addAll(stream.subList(0, 500)); // replays of the same ids
    Collections.shuffle(messy, new Random(9)); // arrival order scrambled by clock skew

    assertThat(refit.refit(SHIPPED, messy).reason())
        .isEqualTo(refit.refit(SHIPPED, stream).reason());
    assertThat(ResponseModelRefit.clean(messy))
        .isEqualTo(stream.stream().map(Answer::response).toList());
  }

  @Test
  void should_not_judge_the_current_model_on_answers_it_was_fitted_on() {
    List<Answer> stream = stream(400, 6);
    Adopted adopted = (Adopted) refit.refit(SHIPPED, stream);
    // Late answers, given before the adopted model's last, arrive now: the new cut falls among
    // the answers it learned from, so only the 80 after them are fair to judge it by.
    List<Answer> withLate = new ArrayList<>(stream.subList(0, 2000));
    for (int k = 0; k < 300; k++) {
      Answer a = stream.get(k);
      withLate.add(new Answer("late-" + k, a.at().plusMillis(1), a.response()));
    }

    Outcome outcome = refit.refit(adopted.model(), adopted.fittedUntil(), withLate);

    assertThat(adopted.fittedUntil()).isEqualTo(stream.get(1919).at());
    assertThat(outcome).isInstanceOf(Kept.class);
    assertThat(outcome.reason())
        .startsWith("kept: 80 answers since the current model was fitted")
        .endsWith("a fair comparison needs at least 200");
  }

  @Test
  void should_count_a_replayed_answer_once_towards_the_minimum() {
    List<Answer> stream = new ArrayList<>(stream(400, 5).subList(0, 600));
    stream.addAll(stream.subList(0, 600));

    assertThat(refit.refit(SHIPPED, stream).reason()).startsWith("kept: 600 distinct answers");
  }

  // Learners of varying ability answer three items of very different difficulty (IRT), in time
  // order; ids and times are unique.
  private static List<Answer> stream(int learners, long seed) {
    Random random = new Random(seed);
    String[] items = {"easy", "mid", "hard"};
    double[] difficulty = {-2, 0, 2};
    List<Answer> answers = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int l = 0; l < learners; l++) {
      double ability = random.nextGaussian();
      for (int k = 0; k < 6; k++) {
        int i = random.nextInt(items.length);
        boolean correct = random.nextDouble() < 1 / (1 + Math.exp(difficulty[i] - ability));
        t = t.plusSeconds(60);
        answers.add(
            new Answer(
                "a" + l + "-" + k,
                t,
                new Response("u" + l, items[i], List.of("org-skill"), correct)));
      }
    }
    return answers;
  }
}
