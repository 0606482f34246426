package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.MovableClock;
import io.learnloop.dialog.learning.model.LearnerTrace;
import io.learnloop.dialog.learning.model.Response;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.learning.model.ResponseModelRefit;
import io.learnloop.dialog.learning.model.ResponseModelTrainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CurrentResponseModelTest {

  private static final ResponseModel SHIPPED = ResponseModelFile.shipped();
  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

  private final MovableClock clock = new MovableClock(NOON);
  private final InMemoryResponseModels store = new InMemoryResponseModels();

  @Test
  void should_use_the_shipped_defaults_until_a_model_is_adopted() {
    CurrentResponseModel current = current(store);

    assertThat(current.get()).isSameAs(SHIPPED);
    assertThat(current.token()).isZero();
  }

  @Test
  void should_pick_up_a_model_another_instance_adopted_at_the_next_check() {
    CurrentResponseModel current = current(store);
    current.get();
    ResponseModel refit = refit();
    store.adopt(adopted(refit, 5));

    ResponseModel beforeTheCheck = current.get();
    clock.set(NOON.plus(Duration.ofMinutes(1)));
    ResponseModel afterTheCheck = current.get();

    assertThat(beforeTheCheck).isSameAs(SHIPPED);
    assertThat(afterTheCheck.weights()).isEqualTo(refit.weights());
    assertThat(afterTheCheck.baseWeights()).isEqualTo(refit.baseWeights());
    LearnerTrace trace = new LearnerTrace();
    refit.update(trace, "hard", List.of("org-skill"), false);
    assertThat(afterTheCheck.predict(trace, "hard", List.of("org-skill")))
        .as("the parameters read back predict exactly as those written")
        .isEqualTo(refit.predict(trace, "hard", List.of("org-skill")));
    assertThat(current.token()).isEqualTo(5);
  }

  @Test
  void should_keep_the_model_in_use_while_the_store_is_down() {
    ResponseModel refit = refit();
    store.adopt(adopted(refit, 2));
    Down down = new Down(store);
    CurrentResponseModel current = current(down);
    ResponseModel inUse = current.get();
    assertThat(inUse.weights()).isEqualTo(refit.weights());

    down.down = true;
    clock.set(NOON.plus(Duration.ofHours(1)));

    assertThat(current.get()).isSameAs(inUse);
    assertThat(current.refresh()).isFalse();
  }

  @Test
  void should_keep_the_model_in_use_when_the_adopted_parameters_cannot_be_read() {
    store.adopt(
        new AdoptedModel(
            "features\tNO-SUCH-SET\n",
            3,
            NOON.minusSeconds(3600),
            NOON,
            "adopted by a newer version"));

    assertThat(current(store).get()).isSameAs(SHIPPED);
  }

  @Test
  void should_not_go_back_to_an_older_model_than_the_one_in_use() {
    CurrentResponseModel current = current(store);
    ResponseModel newer = refit();
    current.use(newer, adopted(newer, 9));

    current.use(SHIPPED, adopted(SHIPPED, 8));

    assertThat(current.get()).isSameAs(newer);
  }

  private static AdoptedModel adopted(ResponseModel model, long token) {
    return new AdoptedModel(
        CurrentResponseModel.text(model), token, NOON.minusSeconds(3600), NOON, "adopted: test");
  }

  // A model with item weights, so that a lossy round trip would show.
  private static ResponseModel refit() {
    List<Response> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      answers.add(
          new Response(
              "u" + i % 7, i % 3 == 0 ? "hard" : "easy", List.of("org-skill"), i % 3 != 0));
    }
    return new ResponseModelTrainer(ResponseModelRefit.SETTINGS).fit(answers, SHIPPED);
  }

  private CurrentResponseModel current(ResponseModels models) {
    return new CurrentResponseModel(models, SHIPPED, Duration.ofMinutes(1), clock);
  }

  private static final class Down implements ResponseModels {
    private final ResponseModels store;
    volatile boolean down;

    Down(ResponseModels store) {
      this.store = store;
    }

    @Override
    public Optional<AdoptedModel> adopted() {
      check();
      return store.adopted();
    }

    @Override
    public OptionalLong adoptedToken() {
      check();
      return store.adoptedToken();
    }

    @Override
    public boolean adopt(AdoptedModel model) {
      check();
      return store.adopt(model);
    }

    private void check() {
      if (down) {
        throw new ResponseModelsUnavailableException("down for the test");
      }
    }
  }
}
