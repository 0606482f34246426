package io.learnloop.dialog.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.learning.evaluation.LearnerEvaluation;
import io.learnloop.dialog.learning.model.ResponseModelTrainer.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseModelTest {

  private static final List<String> ALGEBRA = List.of("algebra");

  @Test
  void should_learn_that_an_item_everyone_misses_is_harder() {
    ResponseModel model = new ResponseModelTrainer(Settings.defaults()).fit(simulated(300, 1));
    LearnerTrace fresh = new LearnerTrace();

    assertThat(model.predict(fresh, "hard", ALGEBRA))
        .isLessThan(model.predict(fresh, "easy", ALGEBRA));
  }

  @Test
  void should_fall_back_to_the_skill_when_the_item_was_never_seen() {
    ResponseModel model = new ResponseModelTrainer(Settings.defaults()).fit(simulated(300, 1));
    double unseen = model.predict(new LearnerTrace(), "brand-new", ALGEBRA);

    assertThat(unseen)
        .isBetween(
            model.predict(new LearnerTrace(), "hard", ALGEBRA),
            model.predict(new LearnerTrace(), "easy", ALGEBRA));
  }

  @Test
  void should_predict_higher_after_a_run_of_right_answers_than_after_misses() {
    ResponseModel model = new ResponseModelTrainer(Settings.defaults()).fit(simulated(300, 1));
    LearnerTrace strong = new LearnerTrace();
    LearnerTrace weak = new LearnerTrace();
    for (int i = 0; i < 5; i++) {
      model.update(strong, "mid", ALGEBRA, true);
      model.update(weak, "mid", ALGEBRA, false);
    }
    assertThat(model.predict(strong, "mid", ALGEBRA))
        .isGreaterThan(model.predict(weak, "mid", ALGEBRA) + 0.2);
  }

  @Test
  void should_rank_answers_of_unseen_learners_better_with_ability_than_difficulty_alone() {
    List<Response> train = simulated(400, 2);
    List<Response> test = simulated(150, 3);
    double difficultyOnly =
        LearnerEvaluation.replay(
                OnlinePredictor.of(
                    new ResponseModelTrainer(Settings.defaults().with(FeatureSet.DIFFICULTY))
                        .fit(train)),
                test)
            .auc();
    double full =
        LearnerEvaluation.replay(
                OnlinePredictor.of(new ResponseModelTrainer(Settings.defaults()).fit(train)), test)
            .auc();
    assertThat(full).isGreaterThan(difficultyOnly + 0.05);
  }

  @Test
  void should_tell_an_answer_inside_a_run_on_the_skill_from_a_return_to_it() {
    // Learners who come back to a skill after another one have forgotten some of it; inside a
    // run on the skill they are warmed up. Counts, streaks and recent form are equal in both
    // traces below, so only the position in the session can tell them apart.
    Random random = new Random(4);
    List<Response> answers = new ArrayList<>();
    for (int l = 0; l < 300; l++) {
      for (int block = 0; block < 6; block++) {
        List<String> skill = List.of(block % 2 == 0 ? "algebra" : "geometry");
        for (int k = 0; k < 4; k++) {
          boolean correct = random.nextDouble() < (k == 0 && block > 1 ? 0.3 : 0.8);
          answers.add(new Response("l" + l, skill.get(0) + k, skill, correct));
        }
      }
    }
    ResponseModel model = new ResponseModelTrainer(Settings.defaults()).fit(answers);
    List<String> geometry = List.of("geometry");
    LearnerTrace inRun = new LearnerTrace();
    model.update(inRun, "geometry0", geometry, true);
    model.update(inRun, "algebra0", ALGEBRA, true);
    model.update(inRun, "algebra1", ALGEBRA, true);
    LearnerTrace back = new LearnerTrace();
    model.update(back, "algebra0", ALGEBRA, true);
    model.update(back, "algebra1", ALGEBRA, true);
    model.update(back, "geometry0", geometry, true);

    assertThat(model.predict(inRun, "algebra2", ALGEBRA))
        .isGreaterThan(model.predict(back, "algebra2", ALGEBRA) + 0.1);
  }

  // Learners with a latent ability answer items of fixed difficulty, under an IRT model.
  private static List<Response> simulated(int learners, long seed) {
    Random random = new Random(seed);
    String[] items = {"easy", "mid", "hard"};
    double[] difficulty = {-1.5, 0, 1.5};
    List<Response> answers = new ArrayList<>();
    for (int l = 0; l < learners; l++) {
      double ability = random.nextGaussian() * 1.5;
      for (int k = 0; k < 12; k++) {
        int i = random.nextInt(items.length);
        boolean correct = random.nextDouble() < 1 / (1 + Math.exp(difficulty[i] - ability));
        answers.add(new Response(seed + "-" + l, items[i], ALGEBRA, correct));
      }
    }
    return answers;
  }
}
